import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExportScreen } from '../../renderer/src/features/export/export-screen';
import type { ExportSegmentInput } from '../../shared/model/exports';
import type { ExportPlanSummary } from '../../shared/model/export-plan';
import {
  destination,
  fakeExportBridge,
  renderScreen,
  segment,
} from '../support/component/export-fake-bridge';

// Issue 17: a marketer finishes the export without help.
const clients = segment(
  'clients',
  ['Email', 'Nom', 'Punts', 'Accepta correus'],
  [
    ['anna@exemple.cat', 'Anna', 'n/a', 'sí'],
    ['pau@exemple.cat', 'Pau', 'dotze', 'no'],
    ['rosa@exemple.cat', 'Rosa', '4', ''],
  ],
);

function planOf(requests: ExportSegmentInput[]): ExportPlanSummary {
  const mapping = requests[0]?.mapping;
  const suppress = mapping?.emailConsent?.optedOut === 'unsubscribe';
  const punts = mapping?.custom.some((field) => field.name === 'Punts');
  const valid = suppress ? 3 : 2;
  const misfits = punts
    ? [
        {
          field: 'Punts',
          type: 'integer' as const,
          column: 'Punts',
          count: 2,
          examples: ['n/a', 'dotze'],
          suspicious: true,
        },
      ]
    : [];
  const counts = { invalid: 0, duplicates: 0, optedOut: suppress ? 0 : 1 };
  const unsubscribed = suppress ? 1 : 0;
  return {
    segments: [{ segmentId: 'clients', rows: 3, valid, ...counts, unsubscribed, misfits }],
    totals: { rows: 3, valid, ...counts, unsubscribed, misfitValues: punts ? 2 : 0 },
    large: false,
  };
}

async function chooseAll(bridge: ReturnType<typeof fakeExportBridge>, language: 'en' | 'ca') {
  const view = await renderScreen(<ExportScreen />, bridge.bridge, language);
  const select = await screen.findByRole('combobox', {
    name: language === 'en' ? 'Send to' : 'Envia a',
  });
  await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
  await userEvent.selectOptions(select, destination.displayName);
  await userEvent.click(await screen.findByRole('checkbox', { name: /clients/ }));
  await screen.findByRole('table');
  return view;
}

const columnOf = (label: string) =>
  screen.getByRole<HTMLSelectElement>('combobox', { name: `Column for ${label}` });

describe('Export screen: issue 17', () => {
  it('matches the consent column, leaves opt-outs out by default, and says so in the consent', async () => {
    const fake = fakeExportBridge({ segments: [clients], plan: planOf });
    await chooseAll(fake, 'en');
    expect(columnOf('Agreed to receive email').value).toBe('Accepta correus');
    await waitFor(() =>
      expect(fake.calls.exportsPlan.mock.lastCall?.[0].segments[0]?.mapping.emailConsent).toEqual({
        column: 'Accepta correus',
        optedOut: 'leave-out',
      }),
    );
    const counts = await screen.findByTestId('export-counts');
    await waitFor(() =>
      expect(counts.textContent).toContain('Rows left out: 1 did not agree to receive email.'),
    );

    await userEvent.click(
      screen.getByRole('radio', { name: 'Send them, marked as unsubscribed in Autopilot' }),
    );
    await waitFor(() =>
      expect(
        fake.calls.exportsPlan.mock.lastCall?.[0].segments[0]?.mapping.emailConsent?.optedOut,
      ).toBe('unsubscribe'),
    );
    await waitFor(() => expect(counts.textContent).toContain('sent marked as unsubscribed'));
    const exportButton = screen.getByRole<HTMLButtonElement>('button', { name: 'Export…' });
    await waitFor(() => expect(exportButton.disabled).toBe(false));
    await userEvent.click(exportButton);
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('[data-fact="opt-out"]')?.textContent).toBe(
      '1 person who did not agree to receive email is sent marked as unsubscribed. Nobody else’s email permission changes.',
    );
  });

  it('adding a field picks its column, and most values misfitting asks "Is this the right column?"', async () => {
    const fake = fakeExportBridge({ segments: [clients], plan: planOf });
    await chooseAll(fake, 'en');
    const add = screen.getByRole('form', { name: 'Add a field' });
    await userEvent.selectOptions(within(add).getByLabelText('Add a field'), 'A new custom field…');
    await userEvent.type(within(add).getByLabelText('New field name'), 'Punts');
    await userEvent.selectOptions(within(add).getByLabelText('Type'), 'whole number');
    await userEvent.click(within(add).getByRole('button', { name: 'Add field' }));
    expect(columnOf('Punts').value).toBe('Punts');

    const exportButton = screen.getByRole<HTMLButtonElement>('button', { name: 'Export…' });
    await waitFor(() => expect(exportButton.disabled).toBe(false));
    await userEvent.click(exportButton);
    const ask = screen.getByRole('alertdialog', { name: 'Is this the right column?' });
    expect(ask.textContent).toContain(
      '2 values are not a whole number, for example “n/a”, “dotze”',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(within(ask).getByRole('button', { name: 'Change the matching' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: "3. Matching the columns to Autopilot's fields" }),
    );

    await userEvent.click(exportButton);
    await userEvent.click(screen.getByRole('button', { name: 'Send without these values' }));
    const consent = screen.getByRole('dialog');
    expect(consent.querySelector('[data-fact="fields"]')?.textContent).toContain(
      '2 values do not fit their fields and are left out of their contacts.',
    );
    expect(fake.calls.exportsStart).not.toHaveBeenCalled();
  });

  it('catches a wrong key when the destination is chosen, with Replace key beside it', async () => {
    const fake = fakeExportBridge({ segments: [clients], plan: planOf });
    const lists = vi.fn(async () => ({
      ok: false as const,
      error: {
        code: 'export-rejected-key',
        params: {},
        message: 'Autopilot rejected the API key.',
      },
    }));
    (fake.bridge as Record<string, unknown>).exportsLists = lists;
    await chooseAll(fake, 'ca');
    expect(
      await screen.findByText(
        "Autopilot no accepta la clau de l'API d'aquesta destinació, i no s'hi pot enviar res. Substituïu la clau per continuar.",
        { exact: false },
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Substitueix la clau' })).toBeTruthy();
    const blocker = screen.getByRole('link', {
      name: "Substituïu la clau de l'API de la destinació: Autopilot no l'accepta.",
    });
    expect(blocker.getAttribute('href')).toBe('#destination');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Exporta…' }).disabled).toBe(true);
  });

  it('says "Key accepted" with the number of lists when the key works', async () => {
    const fake = fakeExportBridge({ segments: [clients], plan: planOf });
    await chooseAll(fake, 'en');
    expect(await screen.findByText('Key accepted: 1 list.')).toBeTruthy();
  });

  it('a list gets a new name inline, and the preview is a table with the chosen labels', async () => {
    const fake = fakeExportBridge({ segments: [clients], plan: planOf });
    fake.calls.exportsPreview.mockImplementation(async () => ({
      ok: true as const,
      value: {
        body: JSON.stringify({ contacts: [{ FirstName: 'Anna', Email: 'anna@exemple.cat' }] }),
        contacts: 1,
        rows: [{ email: 'anna@exemple.cat', standard: { FirstName: 'Anna' }, custom: {} }],
      },
    }));
    await chooseAll(fake, 'en');
    const list = screen.getByRole('combobox', { name: 'List for clients' });
    await userEvent.selectOptions(list, 'A new list with another name…');
    await userEvent.type(screen.getByLabelText('Name of the new list'), 'Girona VIP');
    await waitFor(() =>
      expect(fake.calls.exportsPlan.mock.lastCall?.[0].segments[0]?.listName).toBe('Girona VIP'),
    );
    const table = await screen.findByRole('table', { name: 'First contacts of clients' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Email', 'First name']);
    expect(
      within(table)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['anna@exemple.cat', 'Anna']);
    expect(screen.getByText('Show the request')).toBeTruthy();
  });

  it('a segment without an email column blocks only itself: the others are still counted', async () => {
    const noEmail = segment('sense-correu', ['Codi', 'Nom'], [['x1', 'Anna']]);
    const fake = fakeExportBridge({ segments: [clients, noEmail], plan: planOf });
    await chooseAll(fake, 'en');
    await userEvent.click(await screen.findByRole('checkbox', { name: /sense-correu/ }));
    expect(
      await screen.findByRole('link', {
        name: 'Match the column that holds the email for “sense-correu”.',
      }),
    ).toBeTruthy();
    await waitFor(() =>
      expect(
        fake.calls.exportsPlan.mock.lastCall?.[0].segments.map((item) => item.segmentId),
      ).toEqual(['clients']),
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export…' }).disabled).toBe(true);
  });

  it('preselects the only destination there is', async () => {
    const fake = fakeExportBridge({ segments: [clients], plan: planOf });
    await renderScreen(<ExportScreen />, fake.bridge, 'en');
    const select = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Send to' });
    await waitFor(() => expect(select.value).toBe(destination.id));
  });
});
