/**
 * Who a mirroring job takes off each segment's list, fixed when the job is created (like the row
 * selection), so every run and resume works through the same people:
 * <dataFolder>/jobs/<jobId>/leavers-<n>.json, an array of emails.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../files/private-files';
import { jobFolder } from '../jobs/job-store';

function leaversFile(dataFolder: string, jobId: string, index: number): string {
  return path.join(jobFolder(dataFolder, jobId), `leavers-${index}.json`);
}

export async function writeLeavers(
  dataFolder: string,
  jobId: string,
  index: number,
  emails: readonly string[],
): Promise<void> {
  await writeFileAtomic(leaversFile(dataFolder, jobId, index), `${JSON.stringify(emails)}\n`);
}

/** None when the job does not mirror (no file). */
export async function readLeavers(
  dataFolder: string,
  jobId: string,
  index: number,
): Promise<string[]> {
  try {
    const parsed: unknown = JSON.parse(
      await readFile(leaversFile(dataFolder, jobId, index), 'utf8'),
    );
    return Array.isArray(parsed) ? parsed.filter((email) => typeof email === 'string') : [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
