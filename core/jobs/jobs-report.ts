/**
 * The report of a job's undelivered rows (core/report/job-report.ts) for the person to save. It is
 * written again from the snapshot and the journal, so a paused or cancelled job's report is as
 * current as a finished one's; when a segment's saved copy has been removed since, the report
 * written when the job ended is used instead.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobManifest } from './job-manifest';
import { jobFile, readJobManifest } from './job-store';
import { writeJobReport } from '../report/job-report';
import type { SnapshotAccess } from '../upload/snapshot-access';
import { RetryError } from './retry-job';

/** Lines of a report written earlier, less its header (its cells hold no line breaks). */
async function countReportRows(file: string): Promise<number | null> {
  try {
    const text = await readFile(file, 'utf8');
    return Math.max(0, text.split('\n').filter((line) => line.trim() !== '').length - 1);
  } catch {
    return null;
  }
}

export async function buildReport(
  dataFolder: string,
  manifest: JobManifest,
  snapshots: SnapshotAccess,
): Promise<{ file: string; rows: number }> {
  try {
    return await writeJobReport(dataFolder, manifest, snapshots);
  } catch (error) {
    const file = jobFile(dataFolder, manifest.id, 'report');
    const rows = await countReportRows(file);
    if (rows !== null) return { file, rows };
    throw new RetryError(
      'segment-missing',
      'The report cannot be written: the saved copy of a segment of this export was removed.',
      { cause: error },
    );
  }
}

/** "Clients VIP - not delivered 2025-06-01.csv": what it is, from which export, when. */
export function reportFileName(manifest: JobManifest): string {
  const names = manifest.segments.map((segment) => segment.name).join(', ');
  // Characters no file system takes in a name (and control characters) become dashes.
  const safe =
    [...names]
      .map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '-' : char))
      .join('')
      .slice(0, 80)
      .trim() || 'export';
  return `${safe} - not delivered ${manifest.createdAt.slice(0, 10)}.csv`;
}

export interface SavedReport {
  readonly saved: boolean;
  readonly fileName: string | null;
  readonly rows: number;
}

/** Builds a job's report of undelivered rows and copies it where `chooseTarget` says (or not). */
export async function saveJobReport(
  dataFolder: string,
  jobId: string,
  snapshots: SnapshotAccess,
  chooseTarget: (suggestedName: string) => Promise<string | null>,
): Promise<SavedReport> {
  const manifest = await readJobManifest(dataFolder, jobId);
  const report = await buildReport(dataFolder, manifest, snapshots);
  const target = await chooseTarget(reportFileName(manifest));
  if (!target) return { saved: false, fileName: null, rows: report.rows };
  await copyFile(report.file, target);
  return { saved: true, fileName: path.basename(target), rows: report.rows };
}
