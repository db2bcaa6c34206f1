import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  fakeAutomationBridge,
  refused,
  renderAutomation,
  run,
  view,
} from '../support/component/automation-fake-bridge';
import { item } from '../support/component/history-fake-bridge';

/** The element around `inner` that matches `selector`; the test fails when there is none. */
function around(inner: HTMLElement, selector: string): HTMLElement {
  const found = inner.closest<HTMLElement>(selector);
  if (!found) throw new Error(`No ${selector} around the element.`);
  return found;
}

const setupCard = (name = 'Weekly newsletter') =>
  around(screen.getByRole('heading', { name }), 'li');

async function openForm() {
  await userEvent.click(await screen.findByRole('button', { name: 'Turn on…' }));
  return screen.getByRole('form', { name: 'Turn on “Weekly newsletter”' });
}

describe('Automatic exports: the screen', () => {
  it('without saved setups offers the Export screen', async () => {
    const fake = fakeAutomationBridge({ views: [] });
    const navigate = await renderAutomation(fake.bridge);
    await userEvent.click(await screen.findByRole('button', { name: 'Go to Export' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'export' });
  });

  it('shows each setup: on or off, when it runs, next run, waiting, last run with its job', async () => {
    const fake = fakeAutomationBridge({
      views: [
        view({
          enabled: true,
          folder: '/exports/girona',
          schedule: { every: 'week', on: 'monday', at: '07:30' },
          nextRunAt: '2026-03-09T07:30:00.000Z',
          waiting: '2 of 3 parts of Contacts are there',
          lastRun: run(),
        }),
        view({ setupId: 'setup-2', setupName: 'Girona shops' }),
      ],
      jobs: [
        item({
          id: 'job-1',
          status: 'completed',
          running: false,
          counts: { ...item().counts, sent: 12 },
        }),
      ],
      runs: [
        run(),
        run({
          id: 'run-3',
          outcome: 'failed',
          jobId: null,
          code: 'setup-file-moved',
          message: 'The file of "clients" is no longer at /old/clients.csv.',
        }),
        run({
          id: 'run-2',
          outcome: 'stopped',
          jobId: null,
          code: 'guardrail-email-column-lost',
          message: 'The export lost its email column.',
          trigger: {
            kind: 'schedule',
            setupId: 'setup-1',
            setupName: 'Weekly newsletter',
            schedule: { every: 'day', at: '07:30' },
          },
        }),
      ],
    });
    const navigate = await renderAutomation(fake.bridge);
    const card = within(await waitFor(setupCard));
    expect(card.getByText('On')).toBeTruthy();
    const when = around(card.getByText(/When a new export appears in/), 'dd');
    expect(when.textContent).toBe(
      'When a new export appears in /exports/gironaEvery Monday at 07:30',
    );
    expect(card.getByText('2 of 3 parts of Contacts are there')).toBeTruthy();
    expect(await card.findByText('Sent 12 contacts.')).toBeTruthy();
    await userEvent.click(card.getByRole('button', { name: 'Open it in History' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'history', jobId: 'job-1' });

    const other = setupCard('Girona shops');
    expect(within(other).getByText('Off')).toBeTruthy();
    expect(within(other).getByText('Only when you export it by hand')).toBeTruthy();

    const runs = screen.getByRole('list', { name: 'Automatic runs, newest first' });
    expect(within(runs).getByText(/Weekly newsletter · Automatic: schedule/)).toBeTruthy();
    expect(
      within(runs).getByText('Stopped, nothing sent: the new export has lost its email column.'),
    ).toBeTruthy();
    expect(
      within(runs).getByText('Failed: The file of "clients" is no longer at /old/clients.csv.'),
    ).toBeTruthy();
    expect(screen.getByText(/closing the window keeps Segment Courier running/)).toBeTruthy();
  });

  it('follows automation:changed: running now, then the new last run', async () => {
    const fake = fakeAutomationBridge({ views: [view({ enabled: true, folder: '/x' })] });
    await renderAutomation(fake.bridge);
    await waitFor(setupCard);
    fake.emitChanged(view({ enabled: true, folder: '/x', running: true }));
    expect(await screen.findByText('Running now…')).toBeTruthy();
    fake.emitChanged(
      view({
        enabled: true,
        folder: '/x',
        lastRun: run({ outcome: 'nothing-changed', jobId: null }),
      }),
    );
    expect(await screen.findByText('Nothing had changed, so nothing was sent.')).toBeTruthy();
    expect(screen.queryByText('Running now…')).toBeNull();
  });

  it('offers Start at login where the system supports it', async () => {
    const fake = fakeAutomationBridge({
      background: { startAtLoginSupported: true, startAtLogin: false },
    });
    await renderAutomation(fake.bridge);
    await userEvent.click(
      await screen.findByRole('switch', { name: 'Start Segment Courier when I log in' }),
    );
    expect(fake.calls.automationSetStartAtLogin).toHaveBeenCalledWith({ enabled: true });
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('switch').checked).toBe(true));
  });
});

describe('Automatic exports: turning one on', () => {
  it('says what is missing before asking main anything', async () => {
    const fake = fakeAutomationBridge();
    await renderAutomation(fake.bridge);
    const form = within(await openForm());
    await userEvent.click(form.getByRole('button', { name: 'Continue…' }));
    expect(form.getByRole('alert').textContent).toBe(
      'Choose a folder to watch, a schedule, or both.',
    );

    await userEvent.selectOptions(form.getByLabelText('Repeat'), 'Every day');
    await userEvent.clear(form.getByLabelText('At (HH:MM)'));
    await userEvent.click(form.getByRole('button', { name: 'Continue…' }));
    expect(form.getByRole('alert').textContent).toBe(
      'Write the time as HH:MM on a 24-hour clock, for example 07:30.',
    );
    expect(fake.calls.automationStatement).not.toHaveBeenCalled();
  });

  it('asks the standing consent with what every run will do, and keeps focus after a refusal', async () => {
    const fake = fakeAutomationBridge();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.calls.automationEnable.mockImplementationOnce(async () => {
      await gate;
      return refused('automation-folder-missing', 'The folder is gone.');
    });
    await renderAutomation(fake.bridge);
    const form = within(await openForm());
    await userEvent.click(form.getByRole('button', { name: 'Browse…' }));
    expect(await form.findByText('/exports/girona')).toBeTruthy();
    await userEvent.selectOptions(form.getByLabelText('Repeat'), 'Every week');
    await userEvent.selectOptions(form.getByLabelText('On'), 'Thursday');
    await userEvent.click(form.getByRole('button', { name: 'Continue…' }));
    expect(fake.calls.automationStatement).toHaveBeenCalledWith({
      setupId: 'setup-1',
      folder: '/exports/girona',
      schedule: { every: 'week', on: 'thursday', at: '07:30' },
    });

    const dialog = await screen.findByRole('dialog', {
      name: 'Let “Weekly newsletter” run by itself?',
    });
    const fact = (name: string) => dialog.querySelector(`[data-fact="${name}"]`)?.textContent;
    expect(fact('standing')).toMatch(/^Every run will do this until you turn it off/);
    expect(fact('destination')).toBe('Autopilot Girona (http://127.0.0.1:9/v1)');
    expect(fact('fields')).toBe('Email, First name');
    expect(fact('lists')).toBe('clients-girona → “Newsletter”');
    expect(fact('mirror')).toMatch(/keeps the list in step with the segment/);
    expect(fact('when')).toBe(
      'When a new export appears in /exports/gironaEvery Thursday at 07:30',
    );
    expect(dialog.textContent).toContain('outside the compliance boundary');
    const box = within(dialog).getByRole('checkbox');
    expect(document.activeElement).toBe(box);
    const confirm = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: 'Confirm and turn on',
    });
    expect(confirm.disabled).toBe(true);

    await userEvent.click(box);
    await userEvent.click(confirm);
    // Chromium lets the focus fall out of a button disabled while the answer is awaited.
    act(() => screen.getByRole('heading', { level: 1 }).focus());
    expect(document.activeElement).not.toBe(confirm);
    release();
    expect(await within(dialog).findByRole('alert')).toHaveProperty(
      'textContent',
      'The folder is no longer there: choose it again with Browse…',
    );
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(fake.calls.automationEnable).toHaveBeenCalledWith({
      setupId: 'setup-1',
      folder: '/exports/girona',
      schedule: { every: 'week', on: 'thursday', at: '07:30' },
      consent: { confirmed: true, language: 'en' },
    });

    await userEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const card = within(setupCard());
    expect(await card.findByText('On')).toBeTruthy();
    expect(card.queryByRole('form')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(card.getByRole('button', { name: 'Turn off…' })),
    );
  });

  it('says why main cannot word the consent yet, and opens no dialog', async () => {
    const fake = fakeAutomationBridge();
    fake.calls.automationStatement.mockImplementationOnce(async () =>
      refused('automation-setup-incomplete', 'The setup has no destination.'),
    );
    await renderAutomation(fake.bridge);
    const form = within(await openForm());
    await userEvent.selectOptions(form.getByLabelText('Repeat'), 'Every day');
    await userEvent.click(form.getByRole('button', { name: 'Continue…' }));
    expect((await form.findByRole('alert')).textContent).toMatch(
      /^This setup cannot run by itself yet: it needs a destination/,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Escape closes the consent and turns nothing on', async () => {
    const fake = fakeAutomationBridge();
    await renderAutomation(fake.bridge);
    const form = within(await openForm());
    await userEvent.click(form.getByRole('button', { name: 'Browse…' }));
    await form.findByText('/exports/girona');
    await userEvent.click(form.getByRole('button', { name: 'Continue…' }));
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(form.getByRole('button', { name: 'Continue…' }));
    expect(fake.calls.automationEnable).not.toHaveBeenCalled();
  });

  it('asks Ortto’s email permission question when main says it is needed', async () => {
    const fake = fakeAutomationBridge({
      statement: {
        destination: {
          name: 'Ortto Girona',
          endpoint: 'http://127.0.0.1:9',
          service: 'ortto',
          region: 'eu',
        },
        needsEmailPermission: true,
      },
    });
    await renderAutomation(fake.bridge);
    const form = within(await openForm());
    await userEvent.selectOptions(form.getByLabelText('Repeat'), 'Every day');
    await userEvent.click(form.getByRole('button', { name: 'Continue…' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/Ortto Girona, Ortto, Europe region/)).toBeTruthy();
    await userEvent.click(
      dialog.getByRole('checkbox', { name: /this Ortto account on every run/ }),
    );
    const confirm = dialog.getByRole<HTMLButtonElement>('button', { name: 'Confirm and turn on' });
    expect(confirm.disabled).toBe(true);
    await userEvent.click(dialog.getByRole('radio', { name: 'No, or I do not know' }));
    await userEvent.click(confirm);
    expect(fake.calls.automationEnable).toHaveBeenCalledWith(
      expect.objectContaining({ emailPermission: 'no', schedule: { every: 'day', at: '07:30' } }),
    );
  });

  it('opens the form of the setup Export’s “Make automatic…” named', async () => {
    const fake = fakeAutomationBridge();
    await renderAutomation(fake.bridge, { screen: 'automation', setupId: 'setup-1' });
    expect(await screen.findByRole('form', { name: 'Turn on “Weekly newsletter”' })).toBeTruthy();
  });

  it('records the consent in Catalan when it was read in Catalan', async () => {
    const fake = fakeAutomationBridge();
    await renderAutomation(fake.bridge, { screen: 'automation', setupId: 'setup-1' }, 'ca');
    const form = within(await screen.findByRole('form', { name: 'Activa «Weekly newsletter»' }));
    await userEvent.selectOptions(form.getByLabelText('Repeteix'), 'Cada dia');
    await userEvent.click(form.getByRole('button', { name: 'Continua…' }));
    const dialog = within(
      await screen.findByRole('dialog', {
        name: "Voleu que «Weekly newsletter» s'executi tota sola?",
      }),
    );
    expect(dialog.getByText(/del perímetre de compliment normatiu/)).toBeTruthy();
    await userEvent.click(dialog.getByRole('checkbox'));
    await userEvent.click(dialog.getByRole('button', { name: 'Confirma i activa' }));
    expect(fake.calls.automationEnable).toHaveBeenCalledWith(
      expect.objectContaining({ consent: { confirmed: true, language: 'ca' } }),
    );
  });

  it('speaks Catalan, with the hour’s article', async () => {
    const fake = fakeAutomationBridge({
      views: [
        view({ enabled: true, schedule: { every: 'week', on: 'monday', at: '07:30' } }),
        view({
          setupId: 'setup-2',
          setupName: 'Botigues',
          enabled: true,
          schedule: { every: 'day', at: '01:15' },
        }),
      ],
    });
    await renderAutomation(fake.bridge, { screen: 'automation' }, 'ca');
    expect(await screen.findByText('Cada dilluns a les 07:30')).toBeTruthy();
    expect(screen.getByText('Cada dia a la 01:15')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Desactiva…' })).toHaveLength(2);
  });
});

describe('Automatic exports: turning one off', () => {
  it('asks first, saying the standing consent is revoked, then turns it off', async () => {
    const fake = fakeAutomationBridge({ views: [view({ enabled: true, folder: '/x' })] });
    await renderAutomation(fake.bridge);
    const turnOff = await screen.findByRole('button', { name: 'Turn off…' });
    await userEvent.click(turnOff);
    const dialog = screen.getByRole('alertdialog', { name: 'Turn off “Weekly newsletter”?' });
    expect(dialog.textContent).toContain('Its standing consent is revoked');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it on' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.calls.automationDisable).not.toHaveBeenCalled();

    await userEvent.click(turnOff);
    await userEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Turn off' }),
    );
    expect(fake.calls.automationDisable).toHaveBeenCalledWith({ setupId: 'setup-1' });
    expect(await within(setupCard()).findByText('Off')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
