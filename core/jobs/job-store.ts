/**
 * Where jobs live on disk: <dataFolder>/jobs/<jobId>/ holding manifest.json (atomic replace),
 * journal.jsonl (append-only), report.csv and a lock file while a run is going.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { makePrivateFolder, writeFileAtomic } from '../files/private-files';
import { jobManifestSchema, type JobManifest } from './job-manifest';

const jobFiles = {
  manifest: 'manifest.json',
  journal: 'journal.jsonl',
  report: 'report.csv',
  lock: 'run.lock',
} as const;

export function jobsFolder(dataFolder: string): string {
  return path.join(dataFolder, 'jobs');
}

export function jobFolder(dataFolder: string, jobId: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(jobId)) throw new JobNotFoundError(jobId);
  return path.join(jobsFolder(dataFolder), jobId);
}

export function jobFile(dataFolder: string, jobId: string, file: keyof typeof jobFiles): string {
  return path.join(jobFolder(dataFolder, jobId), jobFiles[file]);
}

/** The rows of segment `index` that become contacts (RowSelection bytes), fixed at creation. */
export function selectionFile(dataFolder: string, jobId: string, index: number): string {
  return path.join(jobFolder(dataFolder, jobId), `selection-${index}.bin`);
}

export class JobNotFoundError extends Error {
  override readonly name = 'JobNotFoundError';
  constructor(readonly jobId: string) {
    super(`There is no export job "${jobId}". Run \`jobs\` to see the jobs there are.`);
  }
}

export class JobStoreCorruptError extends Error {
  override readonly name = 'JobStoreCorruptError';
}

/** Sortable by creation time and short enough to type: `20250601-153200-a3f9c2`. */
export function newJobId(nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export async function writeJobManifest(dataFolder: string, manifest: JobManifest): Promise<void> {
  await makePrivateFolder(jobFolder(dataFolder, manifest.id));
  await writeFileAtomic(
    jobFile(dataFolder, manifest.id, 'manifest'),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
}

export async function readJobManifest(dataFolder: string, jobId: string): Promise<JobManifest> {
  let text: string;
  try {
    text = await readFile(jobFile(dataFolder, jobId, 'manifest'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JobNotFoundError(jobId);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new JobStoreCorruptError(
      `Export job "${jobId}" is damaged: its description (manifest.json) is unreadable. Nothing was sent.`,
    );
  }
  const result = jobManifestSchema.safeParse(parsed);
  if (!result.success) {
    throw new JobStoreCorruptError(
      `Export job "${jobId}" is damaged: its description (manifest.json) is not valid. Nothing was sent.`,
    );
  }
  return result.data;
}

/** Job ids, oldest first (ids start with their creation time). */
export async function listJobIds(dataFolder: string): Promise<string[]> {
  try {
    const entries = await readdir(jobsFolder(dataFolder), { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && /^[A-Za-z0-9-]+$/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
