import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExportScreen } from '../../renderer/src/features/export/export-screen';
import {
  destination,
  fakeExportBridge,
  renderScreen,
  segment,
} from '../support/component/export-fake-bridge';

const clients = segment(
  'clients-catalunya',
  ['Correu electrònic', 'Nom', 'Cognoms'],
  [
    ['anna@exemple.cat', 'Anna', 'Vidal'],
    ['jordi@exemple.cat', 'Jordi', 'Puig'],
  ],
);

async function readyToExport(
  language: 'en' | 'ca' = 'en',
  bridge = fakeExportBridge({ segments: [clients] }),
) {
  const view = await renderScreen(<ExportScreen />, bridge.bridge, language);
  const destinationLabel = language === 'en' ? 'Send to' : 'Envia a';
  const select = await screen.findByRole('combobox', { name: destinationLabel });
  await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
  await userEvent.selectOptions(select, destination.displayName);
  await userEvent.click(await screen.findByRole('checkbox', { name: /clients-catalunya/ }));
  const exportLabel = language === 'en' ? 'Export…' : 'Exporta…';
  await waitFor(() =>
    expect(screen.getByRole<HTMLButtonElement>('button', { name: exportLabel }).disabled).toBe(
      false,
    ),
  );
  return {
    ...view,
    calls: bridge.calls,
    exportButton: screen.getByRole('button', { name: exportLabel }),
  };
}

describe('Export screen: consent and Start', () => {
  it('says how many profiles, which fields, which destination and the compliance terms', async () => {
    const { exportButton, calls } = await readyToExport();
    await userEvent.click(exportButton);
    const dialog = screen.getByRole('dialog', {
      name: 'Send 2 profiles to “Autopilot Barcelona”?',
    });
    const fact = (name: string) => dialog.querySelector(`[data-fact="${name}"]`)?.textContent;
    expect(fact('profiles')).toBe('2 profiles from “clients-catalunya”');
    expect(fact('fields')).toBe('Email, First name, Last name');
    expect(fact('destination')).toBe('Autopilot Barcelona (https://api2.autopilothq.com/v1)');
    expect(fact('lists')).toBe('clients-catalunya → “clients-catalunya”');
    expect(dialog.textContent).toContain(
      'outside the compliance boundary of the system it was exported from',
    );
    const checkbox = within(dialog).getByRole('checkbox');
    expect(document.activeElement).toBe(checkbox);
    expect(
      within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Confirm and send' }).disabled,
    ).toBe(true);
    expect(calls.exportsStart).not.toHaveBeenCalled();
  });

  it('sends nothing when cancelled, by the button or with Escape', async () => {
    const { exportButton, calls, navigate } = await readyToExport();
    await userEvent.click(exportButton);
    await userEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(exportButton);

    await userEvent.click(exportButton);
    // A new dialog starts unticked: consent is asked for every export.
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /I understand/ }).checked).toBe(
      false,
    );
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.exportsStart).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('starts the export after the box is ticked and Confirm pressed, then opens its progress', async () => {
    const { exportButton, calls, navigate } = await readyToExport();
    await userEvent.click(exportButton);
    await userEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and send' }));
    await waitFor(() =>
      expect(navigate).toHaveBeenCalledWith({ screen: 'history', jobId: '20260301-100000-abcdef' }),
    );
    expect(calls.exportsStart).toHaveBeenCalledTimes(1);
    expect(calls.exportsStart.mock.lastCall).toEqual([
      {
        destinationId: 'dest-1',
        segments: [
          {
            segmentId: 'clients-catalunya',
            listName: 'clients-catalunya',
            mapping: {
              email: 'Correu electrònic',
              standard: { FirstName: 'Nom', LastName: 'Cognoms' },
              custom: [],
            },
          },
        ],
        consent: { confirmed: true, profiles: 2, language: 'en' },
      },
    ]);
  });

  it("shows main's reason in the dialog when Start is refused, and stays", async () => {
    const bridge = fakeExportBridge({ segments: [clients] });
    bridge.calls.exportsStart.mockImplementation(
      vi.fn(async () => ({
        ok: false as const,
        error: {
          code: 'export-rejected-key',
          params: {},
          message: 'Autopilot rejected the API key.',
        },
      })) as never,
    );
    const { exportButton, navigate } = await readyToExport('en', bridge);
    await userEvent.click(exportButton);
    await userEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and send' }));
    const dialog = screen.getByRole('dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Autopilot rejected the API key of this destination. Replace it on the Destinations screen. Nothing was sent.',
    );
    expect(navigate).not.toHaveBeenCalled();
    // Issue 17, item 7: the focus stays in the dialog, so Escape still closes it.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(dialog).getByRole('button', { name: 'Confirm and send' }),
      ),
    );
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('warns above 100,000 profiles without blocking', async () => {
    const big = segment('big', ['Email'], [['a@x.cat']], {
      counts: {
        rows: 150_000,
        valid: 150_000,
        invalid: 0,
        blank: 0,
        duplicates: 0,
        wrongFieldCount: 0,
      },
    });
    const bridge = fakeExportBridge({ segments: [big] });
    await renderScreen(<ExportScreen />, bridge.bridge);
    await userEvent.click(await screen.findByRole('checkbox', { name: /big/ }));
    const warning = await screen.findByText(/Autopilot recommends no more than 100,000/);
    expect(warning.textContent).toContain('This export has 150,000 profiles.');
    expect(screen.getByTestId('export-total').textContent).toContain(
      '150,000 profiles in 1 segment',
    );
  });

  it('speaks Catalan in the consent dialog, and says so to main for the receipt', async () => {
    const { exportButton, calls } = await readyToExport('ca');
    await userEvent.click(exportButton);
    const dialog = screen.getByRole('dialog', {
      name: 'Voleu enviar 2 perfils a «Autopilot Barcelona»?',
    });
    expect(within(dialog).getByRole('button', { name: 'Confirma i envia' })).toBeTruthy();
    expect(dialog.textContent).toContain('perímetre de compliment normatiu');
    await userEvent.click(within(dialog).getByRole('checkbox'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirma i envia' }));
    await waitFor(() => expect(calls.exportsStart).toHaveBeenCalledTimes(1));
    expect(calls.exportsStart.mock.lastCall).toMatchObject([
      { consent: { confirmed: true, language: 'ca' } },
    ]);
  });
});
