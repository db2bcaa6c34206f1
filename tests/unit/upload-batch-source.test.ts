import { describe, expect, it } from 'vitest';
import {
  selectRows,
  selectedBatches,
  SelectionMismatchError,
  type SegmentRows,
  type SkippedRow,
} from '../../core/upload/batch-source';
import { RowSelection } from '../../core/upload/row-selection';

function source(emails: string[]): SegmentRows {
  return {
    columns: ['Email'],
    mapping: { email: 'Email', standard: {}, custom: [] },
    rowCount: emails.length,
    async *rows() {
      for (const [index, email] of emails.entries()) yield { line: index + 2, cells: [email] };
    },
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('batches from a row selection', () => {
  const emails = [
    'a@x.example',
    'bad',
    'b@x.example',
    'A@X.example',
    'c@x.example',
    'd@x.example',
    'e@x.example',
  ];

  it('selects each usable email once and says why the others are left out', async () => {
    const skipped: SkippedRow[] = [];
    const selection = await selectRows(source(emails), (row) => skipped.push(row));
    expect([...Array(7).keys()].map((row) => selection.has(row))).toEqual([
      true,
      false,
      true,
      false,
      true,
      true,
      true,
    ]);
    expect(selection.selected).toBe(5);
    expect(skipped).toEqual([
      { line: 3, email: 'bad', kind: 'invalid', reason: 'The email address is not valid.' },
      {
        line: 5,
        email: 'A@X.example',
        kind: 'duplicate',
        reason: 'The same email is on line 2; it is sent once.',
      },
    ]);
    expect(RowSelection.fromBytes(selection.toBytes()).selected).toBe(5);
  });

  it('rebuilds the same numbered batches every time and skips the done ones', async () => {
    const selection = await selectRows(source(emails));
    const all = await collect(selectedBatches(0, source(emails), selection, 2));
    expect(all.map((batch) => [batch.seq, batch.rows.map((row) => row.line)])).toEqual([
      [0, [2, 4]],
      [1, [6, 7]],
      [2, [8]],
    ]);
    const rest = await collect(
      selectedBatches(0, source(emails), selection, 2, (seq) => seq !== 1),
    );
    expect(rest.map((batch) => [batch.seq, batch.rows.map((row) => row.contact.email)])).toEqual([
      [1, ['c@x.example', 'd@x.example']],
    ]);
  });

  it('refuses a snapshot that no longer matches the selection', async () => {
    const selection = await selectRows(source(emails));
    await expect(
      collect(selectedBatches(0, source([...emails, 'f@x.example']), selection, 2)),
    ).rejects.toBeInstanceOf(SelectionMismatchError);
    const changed = [...emails];
    changed[2] = 'not an email';
    await expect(collect(selectedBatches(0, source(changed), selection, 2))).rejects.toThrow(
      /Line 4 no longer reads/,
    );
  });
});
