/**
 * Whether a job can still be run as it was counted: its row selections, and the segment snapshots
 * they select from, are all there and whole. A damaged job is said so (`jobs` lists it as damaged,
 * `resume` refuses it with exit 2) rather than offered as resumable and failing half-way (issue 12,
 * item 12).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { snapshotFiles, type SnapshotManifest } from '../segments/snapshot-format';
import { snapshotFolder } from '../segments/snapshot-paths';
import { readSnapshotManifest } from '../segments/snapshot-store';
import { RowSelection } from '../upload/row-selection';
import { contactsToSend, type JobManifest } from './job-manifest';
import { selectionFile } from './job-store';

export class JobDamagedError extends Error {
  override readonly name = 'JobDamagedError';
  constructor(
    readonly jobId: string,
    readonly detail: string,
  ) {
    super(
      `Export job "${jobId}" is damaged and cannot be resumed: ${detail} Nothing was sent. Set the export up again (push the file again, or use Export again in the app).`,
    );
  }
}

/** Lines in a rows file, and whether it ends on a whole line (a cut file does not). */
async function countLines(file: string): Promise<{ lines: number; whole: boolean }> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let index = bytes.indexOf(0x0a); index >= 0; index = bytes.indexOf(0x0a, index + 1)) {
      lines += 1;
    }
    if (bytes.length > 0) last = bytes[bytes.length - 1] as number;
  }
  return { lines, whole: last === 0x0a };
}

async function readSelection(file: string): Promise<RowSelection | null> {
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) return null;
  try {
    return RowSelection.fromBytes(bytes);
  } catch {
    return null;
  }
}

/** What is wrong with one segment of the job, or null. */
async function segmentDamage(
  dataFolder: string,
  manifest: JobManifest,
  index: number,
): Promise<string | null> {
  const segment = manifest.segments[index] as JobManifest['segments'][number];
  const name = `“${segment.name}”`;
  const selection = await readSelection(selectionFile(dataFolder, manifest.id, index));
  if (!selection) return `the list of rows to send for ${name} is missing or unreadable.`;
  const snapshot = await readSnapshotManifest(dataFolder, segment.segmentId).catch(() => null);
  if (!snapshot) return `the saved copy of ${name} is missing or unreadable.`;
  if (snapshot.rowCount !== selection.rows || selection.selected !== contactsToSend(segment)) {
    return `the saved copy of ${name} no longer matches the export.`;
  }
  if (!(await snapshotWhole(snapshotFolder(dataFolder, segment.segmentId), snapshot))) {
    return `the saved copy of ${name} is incomplete (cut short).`;
  }
  return null;
}

/** A format 2 copy of the text has the size it was written with; format 1 holds a line per row. */
async function snapshotWhole(folder: string, snapshot: SnapshotManifest): Promise<boolean> {
  if (snapshot.table) {
    const info = await stat(path.join(folder, snapshotFiles.table)).catch(() => null);
    return info?.size === snapshot.table.bytes;
  }
  const counted = await countLines(path.join(folder, snapshotFiles.rows)).catch(() => null);
  return counted !== null && counted.whole && counted.lines === snapshot.rowCount;
}

/** The first thing that keeps the job from running as counted, in words, or null. */
export async function findJobDamage(
  dataFolder: string,
  manifest: JobManifest,
): Promise<string | null> {
  for (const index of manifest.segments.keys()) {
    const damage = await segmentDamage(dataFolder, manifest, index);
    if (damage) return damage;
  }
  return null;
}

/** Throws JobDamagedError when the job cannot run as counted. */
export async function ensureJobIntact(dataFolder: string, manifest: JobManifest): Promise<void> {
  const damage = await findJobDamage(dataFolder, manifest);
  if (damage) throw new JobDamagedError(manifest.id, damage);
}
