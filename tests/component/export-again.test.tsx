import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExportScreen } from '../../renderer/src/features/export/export-screen';
import type { BridgeApi } from '../../shared/ipc/bridge-api';
import type { ExportAgain } from '../../shared/model/exports';
import type { SegmentSummary } from '../../shared/segments/segment-summary';
import { fakeExportBridge, renderScreen, segment } from '../support/component/export-fake-bridge';

const columns = ['Adreça', 'Nom de pila'];
const mapping = { email: 'Adreça', standard: { FirstName: 'Nom de pila' }, custom: [] };
const again: ExportAgain = {
  jobId: '20260301-100000-abcdef',
  createdAt: '2026-03-01T10:00:00.000Z',
  destinationId: 'dest-1',
  destinationName: 'Autopilot Barcelona',
  segments: [
    {
      name: 'Clients',
      fileName: 'clients.csv',
      listName: 'Clients',
      mapping,
      state: 'changed',
      segmentId: 'seg-1',
      importedAt: '2026-03-01T09:00:00.000Z',
    },
    {
      name: 'Socis',
      fileName: 'socis.csv',
      listName: 'Newsletter',
      mapping,
      state: 'moved',
      segmentId: 'seg-2',
      importedAt: '2026-03-01T09:00:00.000Z',
    },
  ],
};

const ok = <T,>(value: T) => ({ ok: true as const, value });
const row = [['a@x.cat', 'Anna']];

describe('Export screen: export again', () => {
  it('imports a changed file again, asks for a moved one, and keeps the earlier setup', async () => {
    let list: SegmentSummary[] = [
      segment('seg-1', columns, row, { name: 'Clients' }),
      segment('seg-2', columns, row, { name: 'Socis' }),
    ];
    const fake = fakeExportBridge({ segments: list });
    const fresh = segment('seg-3', columns, [...row, ['b@x.cat', 'Berta']], {
      name: 'clients (2)',
    });
    const chosen = segment('seg-4', columns, row, { name: 'socis-nou' });
    const bridge = {
      ...fake.bridge,
      segmentsList: vi.fn(async () => ok(list)),
      exportsAgain: vi.fn(async () => ok(again)),
      exportsReimportSource: vi.fn(async () => {
        list = [...list, fresh];
        return ok({ ok: true as const, fileName: 'clients.csv', segment: fresh });
      }),
      segmentsBrowse: vi.fn(async () => {
        list = [...list, chosen];
        return ok([{ ok: true as const, fileName: 'socis.csv', segment: chosen }]);
      }),
    } as Partial<BridgeApi>;
    await renderScreen(<ExportScreen />, bridge, 'en', { screen: 'export', jobId: again.jobId });

    const panel = await screen.findByRole('region', { name: 'Export again' });
    expect(
      within(panel).getByText('“Clients”: clients.csv has changed since the last export.'),
    ).toBeTruthy();
    expect(within(panel).getByText('“Socis”: socis.csv is no longer where it was.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Send to' }).value).toBe(
        'dest-1',
      ),
    );
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /^Clients/ }).checked).toBe(
      false,
    );

    await userEvent.click(within(panel).getByRole('button', { name: 'Import the new version' }));
    expect(bridge.exportsReimportSource).toHaveBeenCalledWith({ segmentId: 'seg-1' });
    expect(
      await within(panel).findByText('“Clients”: the new file is used (2 rows).'),
    ).toBeTruthy();
    await waitFor(() =>
      expect(
        screen.getByRole<HTMLInputElement>('checkbox', { name: /clients \(2\)/ }).checked,
      ).toBe(true),
    );

    await userEvent.click(within(panel).getByRole('button', { name: 'Choose the file…' }));
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /socis-nou/ }).checked).toBe(
        true,
      ),
    );
    const email = await screen.findByRole<HTMLSelectElement>('combobox', {
      name: 'Column for Email',
    });
    expect(email.value).toBe('Adreça');
    expect(screen.getByText('Matching from the earlier export.')).toBeTruthy();
    // The new files keep the lists the earlier export used, whatever their new names.
    expect(
      screen.getByRole<HTMLSelectElement>('combobox', { name: 'List for clients (2)' }).value,
    ).toBe('existing:Clients');
    expect(
      screen.getByRole<HTMLSelectElement>('combobox', { name: 'List for socis-nou' }).value,
    ).toBe('existing:Newsletter');
    await waitFor(() =>
      expect(
        fake.calls.exportsPlan.mock.lastCall?.[0].segments.map((item) => item.listName),
      ).toEqual(['Clients', 'Newsletter']),
    );
  });
});
