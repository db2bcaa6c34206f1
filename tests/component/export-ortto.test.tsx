import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportScreen } from '../../renderer/src/features/export/export-screen';
import type { DestinationSummary } from '../../shared/model/destinations';
import type { SegmentSummary } from '../../shared/segments/segment-summary';
import {
  destination,
  fakeExportBridge,
  orttoDestination,
  renderScreen,
  segment,
} from '../support/component/export-fake-bridge';

// Issue 16, items 3 and 4: an Ortto export calls the list a tag, says how an audience follows it,
// and asks whether these people agreed to receive email before it can start.

const clients = segment(
  'clients-catalunya',
  ['Correu electrònic', 'Nom'],
  [
    ['anna@exemple.cat', 'Anna'],
    ['jordi@exemple.cat', 'Jordi'],
  ],
);

const withConsent = segment(
  'clients-girona',
  ['Correu electrònic', 'Accepta correus'],
  [
    ['anna@exemple.cat', 'sí'],
    ['jordi@exemple.cat', ''],
  ],
);

const words = {
  en: { sendTo: 'Send to', export: 'Export…' },
  ca: { sendTo: 'Envia a', export: 'Exporta…' },
};

async function choose(
  to: DestinationSummary,
  language: 'en' | 'ca' = 'en',
  chosen: SegmentSummary = clients,
) {
  const fake = fakeExportBridge({
    segments: [chosen],
    destinations: [destination, orttoDestination],
  });
  const view = await renderScreen(<ExportScreen />, fake.bridge, language);
  const select = await screen.findByRole('combobox', { name: words[language].sendTo });
  await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(3));
  await userEvent.selectOptions(select, to.displayName);
  await userEvent.click(await screen.findByRole('checkbox', { name: new RegExp(chosen.name) }));
  await screen.findByRole('table');
  await waitFor(() => expect(fake.calls.exportsPlan).toHaveBeenCalled());
  const exportButton = screen.getByRole<HTMLButtonElement>('button', {
    name: words[language].export,
  });
  return { ...view, calls: fake.calls, exportButton };
}

const blockers = () => screen.queryByRole('list', { name: 'Before you can export' });

describe('Export screen: an Ortto destination', () => {
  it('calls the list a tag, says how to make an audience follow it, and names Ortto', async () => {
    await choose(orttoDestination);
    expect(screen.getByRole('heading', { name: '4. Tags and email permission' })).toBeTruthy();
    const tag = screen.getByRole<HTMLSelectElement>('combobox', {
      name: 'Tag for clients-catalunya',
    });
    expect(within(tag).getByRole('group', { name: "Your account's tags" })).toBeTruthy();
    expect(
      screen.getByText(
        'In Ortto, create an audience with the filter Tag is “clients-catalunya”: it then follows this segment.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('Ortto, Europe region · Endpoint: https://api.eu.ap3api.com/v1'),
    ).toBeTruthy();
    expect(await screen.findByText('Key accepted: 1 tag.')).toBeTruthy();
    expect(
      screen.getByRole('heading', { name: "3. Matching the columns to Ortto's fields" }),
    ).toBeTruthy();
    expect(
      screen.getByRole('checkbox', { name: 'Keep the tag in step with the segment' }),
    ).toBeTruthy();
  });

  it('blocks Start until the email permission question is answered, then sends the answer', async () => {
    const { exportButton, calls } = await choose(orttoDestination);
    const question = screen.getByRole('group', {
      name: 'Did these people agree to receive email from you?',
    });
    expect(question.textContent).toContain(
      'People Ortto creates get this answer; people already in Ortto keep their own permission.',
    );
    expect(
      within(question)
        .getAllByRole<HTMLInputElement>('radio')
        .some((r) => r.checked),
    ).toBe(false);
    expect(exportButton.disabled).toBe(true);
    expect(
      within(blockers() as HTMLElement).getByRole('link', {
        name: 'Say whether these people agreed to receive email.',
      }),
    ).toBeTruthy();

    await userEvent.click(within(question).getByRole('radio', { name: 'No, or I do not know' }));
    await waitFor(() => expect(exportButton.disabled).toBe(false));
    expect(blockers()).toBeNull();
    await userEvent.click(exportButton);
    const dialog = screen.getByRole('dialog', { name: 'Send 2 profiles to “Ortto Girona”?' });
    const fact = (name: string) => dialog.querySelector(`[data-fact="${name}"]`)?.textContent;
    expect(fact('destination')).toBe(
      'Ortto Girona, Ortto, Europe region (https://api.eu.ap3api.com/v1)',
    );
    expect(fact('permission')).toBe(
      'They did not agree, or it is not known: people Ortto creates are not subscribed. People already in Ortto keep their own permission.',
    );
    expect(within(dialog).getByText('Tags')).toBeTruthy();
    expect(dialog.textContent).not.toContain('Autopilot');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /this Ortto account/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm and send' }));
    await waitFor(() => expect(calls.exportsStart).toHaveBeenCalledTimes(1));
    expect(calls.exportsStart).toHaveBeenCalledWith(
      expect.objectContaining({ destinationId: 'dest-ortto', emailPermission: 'no' }),
    );
  });

  it('with a consent column matched, still asks, and says the answer is for its blank rows', async () => {
    const { exportButton } = await choose(orttoDestination, 'en', withConsent);
    const question = screen.getByRole('group', {
      name: 'Did these people agree to receive email from you?',
    });
    expect(question.textContent).toContain('rows where it is blank get this answer');
    expect(exportButton.disabled).toBe(true);
    await userEvent.click(within(question).getByRole('radio', { name: 'Yes, they agreed' }));
    await waitFor(() => expect(exportButton.disabled).toBe(false));
    await userEvent.click(exportButton);
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('[data-fact="permission"]')?.textContent).toContain(
      'this answer is for the rows where it is blank',
    );
  });

  it('speaks Catalan: Etiqueta, the audience hint and the question', async () => {
    await choose(orttoDestination, 'ca');
    expect(screen.getByRole('combobox', { name: 'Etiqueta per a clients-catalunya' })).toBeTruthy();
    expect(
      screen.getByText(/A Ortto, creeu una audiència amb el filtre Tag is “clients-catalunya”/),
    ).toBeTruthy();
    const question = screen.getByRole('group', {
      name: 'Aquestes persones han acceptat rebre correus vostres?',
    });
    expect(within(question).getByRole('radio', { name: 'Sí, ho han acceptat' })).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Digueu si aquestes persones han acceptat rebre correus.' }),
    ).toBeTruthy();
  });
});

describe('Export screen: an Autopilot destination stays as it was', () => {
  it('has lists, no audience hint, no permission question, and sends no emailPermission', async () => {
    const { exportButton, calls } = await choose(destination);
    expect(screen.getByRole('heading', { name: '4. Lists' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'List for clients-catalunya' })).toBeTruthy();
    expect(
      screen.getByRole('checkbox', { name: 'Keep the list in step with the segment' }),
    ).toBeTruthy();
    expect(screen.queryByText(/create an audience/)).toBeNull();
    expect(screen.queryByRole('group', { name: /agree to receive email from you/ })).toBeNull();
    await waitFor(() => expect(exportButton.disabled).toBe(false));
    await userEvent.click(exportButton);
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('[data-fact="permission"]')).toBeNull();
    await userEvent.click(within(dialog).getByRole('checkbox'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm and send' }));
    await waitFor(() => expect(calls.exportsStart).toHaveBeenCalledTimes(1));
    expect(calls.exportsStart).toHaveBeenCalledWith(
      expect.not.objectContaining({ emailPermission: expect.anything() }),
    );
  });
});
