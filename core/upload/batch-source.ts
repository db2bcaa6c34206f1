/**
 * From snapshot rows to numbered batches of contacts, in two steps. Counting an export judges
 * every row (unusable email, a value that does not fit, an email seen before) and records which
 * rows become contacts (a RowSelection, stored with the job). Each run then rebuilds batch k from
 * the k-th hundred selected rows: deterministic, so a resumed run skips exactly the batches the
 * journal says are done, and it needs no memory of the emails seen. Rows are streamed.
 */
import type { OutgoingContact } from '../destination-port/destination';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import type { SnapshotRow } from '../segments/snapshot-format';
import type { BatchRow, PlannedBatch } from './batch-delivery';
import { compileContactBuilder, type MisfitValue } from './contact-builder';
import { FirstSeenEmails } from './first-seen-emails';
import { RowSelection } from './row-selection';

export interface SegmentRows {
  readonly columns: readonly string[];
  readonly mapping: FieldMapping;
  /** The snapshot's row count, when known: sizes the memory of emails seen up front. */
  readonly rowCount?: number;
  rows(): AsyncIterable<SnapshotRow>;
}

type SkippedKind = 'invalid' | 'duplicate' | 'opted-out';

export interface SkippedRow {
  readonly line: number;
  readonly email: string;
  readonly kind: SkippedKind;
  readonly reason: string;
}

/** A value left out of a contact that is sent (the row is selected). */
export interface MisfitRow extends MisfitValue {
  readonly line: number;
  readonly email: string;
}

/** What the plan and the report want to hear about the rows that are sent. */
export interface SentRowObserver {
  /** A value left out of a contact that is sent. */
  readonly misfit?: (row: MisfitRow) => void;
  /** A contact that is sent (the first row of its email). */
  readonly sent?: (contact: OutgoingContact) => void;
  /**
   * Sees each contact once (the first row of its email) and may leave it unselected: a sync's
   * unchanged contacts (issue 13). Those are not "sent" and their misfits are not told.
   */
  readonly keep?: (contact: OutgoingContact) => boolean;
  /**
   * Every row, and whether it is the first row of a usable email (a contact unless its consent
   * says leave out): what the column facts record to recount without reading again (issue 17 item 8).
   */
  readonly judged?: (cells: readonly string[], firstOfEmail: boolean) => void;
}

/**
 * Judges every row; rows that will not be sent go to `onSkipped` with the reason; contacts that
 * are sent, and the values left out of them, go to `observer`.
 */
export async function selectRows(
  source: SegmentRows,
  onSkipped: (row: SkippedRow) => void = () => undefined,
  observer: SentRowObserver = {},
): Promise<RowSelection> {
  const build = compileContactBuilder(source.columns, source.mapping);
  const seen = new FirstSeenEmails(source.rowCount);
  const selection = new RowSelection();
  for await (const row of source.rows()) {
    const built = build(row.cells);
    if (built.kind === 'invalid') {
      onSkipped({ line: row.line, email: built.email, kind: 'invalid', reason: built.reason });
      observer.judged?.(row.cells, false);
      selection.push(false);
      continue;
    }
    const email = built.kind === 'contact' ? built.contact.email : built.email;
    const firstLine = seen.firstLine(built.key, row.line);
    let kept = false;
    if (firstLine !== undefined) {
      const reason = `The same email is on line ${firstLine}; it is sent once.`;
      onSkipped({ line: row.line, email, kind: 'duplicate', reason });
    } else if (built.kind === 'opted-out') {
      // The first row of an email decides, so a later "yes" row cannot send an opted-out person.
      const reason = 'This person did not agree to receive email; left out as you chose.';
      onSkipped({ line: row.line, email, kind: 'opted-out', reason });
    } else if ((kept = observer.keep?.(built.contact) ?? true)) {
      observer.sent?.(built.contact);
      if (observer.misfit) {
        for (const misfit of built.misfits) observer.misfit({ ...misfit, line: row.line, email });
      }
    }
    observer.judged?.(row.cells, firstLine === undefined);
    selection.push(kept);
  }
  return selection;
}

/** The selection no longer matches the snapshot (it cannot change, so this means damage). */
export class SelectionMismatchError extends Error {
  override readonly name = 'SelectionMismatchError';
}

/**
 * Yields batch k = the contacts of selected rows k*size .. k*size+size-1, skipping (without
 * building their contacts) the batches `isDone` names.
 */
export async function* selectedBatches(
  segment: number,
  source: SegmentRows,
  selection: RowSelection,
  batchSize: number,
  isDone: (seq: number) => boolean = () => false,
): AsyncGenerator<PlannedBatch> {
  const build = compileContactBuilder(source.columns, source.mapping);
  let ordinal = 0;
  let selectedOrdinal = 0;
  let rows: BatchRow[] = [];
  for await (const row of source.rows()) {
    const index = ordinal;
    ordinal += 1;
    if (!selection.has(index)) continue;
    const seq = Math.floor(selectedOrdinal / batchSize);
    selectedOrdinal += 1;
    if (isDone(seq)) continue;
    const built = build(row.cells);
    if (built.kind !== 'contact') {
      throw new SelectionMismatchError(
        `Line ${row.line} no longer reads as it did when the export was counted. Set the export up again.`,
      );
    }
    rows.push({ line: row.line, contact: built.contact });
    if (rows.length === batchSize || selectedOrdinal === selection.selected) {
      yield { segment, seq, rows };
      rows = [];
    }
  }
  if (ordinal !== selection.rows) {
    throw new SelectionMismatchError(
      'The segment’s saved copy changed since the export was counted. Set the export up again.',
    );
  }
}

/** Where batch `seq` starts and ends in the source file, and how many contacts it holds. */
interface BatchBounds {
  readonly seq: number;
  readonly first: number;
  readonly last: number;
  readonly size: number;
}

/**
 * The bounds of every batch the selection makes, as selectedBatches would build them, without
 * building a contact: what the journal's records are checked against (core/jobs/checked-ledger.ts).
 */
export async function* batchBounds(
  rows: AsyncIterable<SnapshotRow>,
  selection: RowSelection,
  batchSize: number,
): AsyncGenerator<BatchBounds> {
  let ordinal = 0;
  let selectedOrdinal = 0;
  let first = 0;
  for await (const row of rows) {
    const index = ordinal;
    ordinal += 1;
    if (!selection.has(index)) continue;
    const position = selectedOrdinal % batchSize;
    selectedOrdinal += 1;
    if (position === 0) first = row.line;
    if (position === batchSize - 1 || selectedOrdinal === selection.selected) {
      const seq = Math.floor((selectedOrdinal - 1) / batchSize);
      yield { seq, first, last: row.line, size: position + 1 };
    }
  }
  if (ordinal !== selection.rows) {
    throw new SelectionMismatchError(
      'The segment’s saved copy changed since the export was counted. Set the export up again.',
    );
  }
}
