/**
 * The report of a job: every row that was not delivered, with its line number, email and reason
 * (left out as invalid, duplicate or opted out, refused by the destination, or given up after
 * faults), and every value left out of a delivered contact because it does not fit its field. Built
 * from the immutable snapshot and the journal, so it can be written again at any time; streamed,
 * so a million bad rows never sit in memory.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { JobManifest } from '../jobs/job-manifest';
import { jobFile } from '../jobs/job-store';
import { foldBatches } from '../jobs/journal-fold';
import { emailConsentField } from '../../shared/matching/field-mapping';
import { serviceNames } from '../../shared/model/destination-service';
import { findStandardField } from '../destination-port/standard-fields';
import { selectRows, type MisfitRow, type SkippedRow } from '../upload/batch-source';
import type { SnapshotAccess } from '../upload/snapshot-access';
import { csvLine } from './csv-cell';
import { writeRemovedRows } from './removed-rows';

const reportColumns = ['Segment', 'Line', 'Email', 'Problem', 'Reason'] as const;

const problemWords = {
  invalid: 'invalid',
  duplicate: 'duplicate',
  'opted-out': 'opted out',
  misfit: 'value left out',
  refused: 'refused',
  'given-up': 'given up',
} as const;

/** Buffers lines and writes them with plain synchronous writes: bounded memory, no backpressure. */
class ReportWriter {
  readonly #fd: number;
  #buffer = '';
  rows = 0;

  constructor(file: string) {
    this.#fd = openSync(file, 'w', 0o600);
  }

  write(line: string): void {
    this.#buffer += line;
    if (this.#buffer.length >= 64 * 1024) this.flush();
  }

  row(cells: readonly (string | number)[]): void {
    this.rows += 1;
    this.write(csvLine(cells));
  }

  flush(): void {
    if (this.#buffer) writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }

  close(): void {
    this.flush();
    fsyncSync(this.#fd);
    closeSync(this.#fd);
  }
}

/** The field as the marketer chose it: its label for standard ones, its name for custom ones. */
function misfitReason(row: MisfitRow): string {
  const label =
    row.field === emailConsentField
      ? 'Agreed to receive email'
      : (findStandardField(row.field)?.label ?? row.field);
  return `${label}: ${row.reason}; the contact was sent without this value.`;
}

/** Whether a segment's rows need reading again: something was left out, or a value may not fit. */
function mayHaveNotes(segment: JobManifest['segments'][number]): boolean {
  const { mapping } = segment;
  const typed =
    mapping.custom.some((field) => field.type !== 'string') ||
    Object.keys(mapping.standard).some((key) => findStandardField(key)?.type !== 'string');
  return segment.valid < segment.rows || typed || mapping.emailConsent !== undefined;
}

async function writeSkippedRows(
  writer: ReportWriter,
  manifest: JobManifest,
  snapshots: SnapshotAccess,
): Promise<void> {
  for (const segment of manifest.segments) {
    if (!mayHaveNotes(segment)) continue;
    const snapshot = await snapshots.readManifest(segment.segmentId);
    const source = {
      columns: snapshot.columns,
      mapping: segment.mapping,
      rowCount: snapshot.rowCount,
      rows: () => snapshots.readRows(segment.segmentId),
    };
    await selectRows(
      source,
      (row: SkippedRow) =>
        writer.row([segment.name, row.line, row.email, problemWords[row.kind], row.reason]),
      {
        misfit: (row) =>
          writer.row([segment.name, row.line, row.email, problemWords.misfit, misfitReason(row)]),
      },
    );
  }
}

function failureReason(kind: 'refused' | 'given-up', reason: string, service: string): string {
  return kind === 'refused' ? `${service} refused this contact: ${reason}` : reason;
}

/**
 * The refused and given-up rows, from the batches the job's ledger counts (journal-fold.ts): each
 * batch once, and only records that fit the job, so a damaged or foreign line (whose rows the run
 * sends again) never puts rows in the report that were delivered after all.
 */
async function writeFailedRows(writer: ReportWriter, manifest: JobManifest, journal: string) {
  const service = serviceNames[manifest.destination.service ?? 'autopilot'];
  for await (const record of foldBatches(journal, { manifest })) {
    const name = manifest.segments[record.seg]?.name ?? String(record.seg);
    for (const failure of record.failed) {
      const reason = failureReason(failure.kind, failure.reason, service);
      writer.row([name, failure.line, failure.email, problemWords[failure.kind], reason]);
    }
  }
}

/** Writes <job>/report.csv (UTF-8 with a BOM, so Excel shows accents) and returns its row count. */
export async function writeJobReport(
  dataFolder: string,
  manifest: JobManifest,
  snapshots: SnapshotAccess,
): Promise<{ file: string; rows: number }> {
  const file = jobFile(dataFolder, manifest.id, 'report');
  const temporary = path.join(path.dirname(file), `.report.${process.pid}.tmp`);
  const writer = new ReportWriter(temporary);
  try {
    writer.write(`\ufeff${csvLine(reportColumns)}`);
    await writeSkippedRows(writer, manifest, snapshots);
    await writeFailedRows(writer, manifest, jobFile(dataFolder, manifest.id, 'journal'));
    await writeRemovedRows(
      (cells) => writer.row(cells),
      manifest,
      jobFile(dataFolder, manifest.id, 'journal'),
    );
    writer.close();
  } catch (error) {
    try {
      writer.close();
    } finally {
      rmSync(temporary, { force: true });
    }
    throw error;
  }
  renameSync(temporary, file);
  return { file, rows: writer.rows };
}
