import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SegmentsScreen } from '../../renderer/src/features/segments/segments-screen';
import type { BridgeApi } from '../../shared/ipc/bridge-api';
import type { SegmentSummary } from '../../shared/segments/segment-summary';
import { renderWithApp } from '../support/component/render-app';

const ok = <T,>(value: T) => ({ ok: true as const, value });

function segment(overrides: Partial<SegmentSummary>): SegmentSummary {
  return {
    id: 'seg-1',
    name: 'Newsletter',
    fileName: 'Newsletter',
    size: 4096,
    importedAt: '2026-12-01T10:00:00.000Z',
    encoding: 'utf-8',
    delimiter: ',',
    hasBom: false,
    columns: ['CustomerId', 'PrimaryEmail'],
    emailColumn: 'PrimaryEmail',
    counts: { rows: 2400, valid: 2400, invalid: 0, blank: 0, duplicates: 0, wrongFieldCount: 0 },
    problems: [],
    problemCount: 0,
    preview: [['c1', 'ann@example.com']],
    ...overrides,
  };
}

function bridgeWith(list: SegmentSummary[]) {
  const calls = {
    segmentsList: vi.fn(async () => ok(list)),
    segmentsReimport: vi.fn(async (input: { id: string }) =>
      ok({ ok: true as const, fileName: 'book.xlsx', segment: segment({ id: `${input.id}-2` }) }),
    ),
    onSegmentsImportProgress: vi.fn(() => () => undefined),
    onAppOpenFiles: vi.fn(() => () => undefined),
  };
  return { bridge: calls as unknown as Partial<BridgeApi>, calls };
}

const cdm = segment({ shape: { source: 'cdm', entity: 'Contacts', parts: 3 } });
const workbook = segment({
  id: 'seg-book',
  name: 'book',
  fileName: 'book.xlsx',
  shape: { source: 'xlsx', sheet: 'Contacts', choices: ['Leads'] },
});

describe('a segment card says which shape was read', () => {
  it('in English, with the sheet choice instead of encoding and separator', async () => {
    const fake = bridgeWith([cdm, workbook]);
    await renderWithApp(<SegmentsScreen />, fake.bridge);
    const cdmCard = await screen.findByRole('article', { name: 'Newsletter' });
    const bookCard = await screen.findByRole('article', { name: 'book' });
    expect(within(cdmCard).getByTestId('segment-shape').textContent).toBe(
      'Customer Insights export, table Contacts: 3 parts, 2,400 rows',
    );
    expect(within(bookCard).getByTestId('segment-shape').textContent).toBe(
      'Workbook, sheet Contacts',
    );
    expect(within(bookCard).queryByLabelText('Encoding')).toBeNull();
    await userEvent.selectOptions(within(bookCard).getByLabelText('Sheet'), 'Leads');
    await waitFor(() =>
      expect(fake.calls.segmentsReimport).toHaveBeenCalledWith({ id: 'seg-book', sheet: 'Leads' }),
    );
  });

  it('in Catalan', async () => {
    await renderWithApp(<SegmentsScreen />, bridgeWith([cdm, workbook]).bridge, 'ca');
    const cdmCard = await screen.findByRole('article', { name: 'Newsletter' });
    const bookCard = await screen.findByRole('article', { name: 'book' });
    expect(within(cdmCard).getByTestId('segment-shape').textContent).toMatch(
      /^Exportació de Customer Insights, taula Contacts: 3 parts, 2.400 files$/,
    );
    expect(within(bookCard).getByTestId('segment-shape').textContent).toBe(
      'Llibre de càlcul, full Contacts',
    );
  });
});
