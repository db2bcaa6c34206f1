/**
 * Every job in the data folder with its counts, newest first: the History screen and `jobs`. A job
 * whose manifest still says "running" while no process holds its lock was cut short (a crash, a
 * kill, a power cut): it is listed as interrupted and can be resumed.
 */
import { readJobLedger } from './job-ledger';
import { jobLockHolder } from './job-lock';
import type { JobManifest } from './job-manifest';
import { jobFile, listJobIds, readJobManifest } from './job-store';
import { summarizeJob, type JobSummary } from './job-summary';

export interface JobListing {
  readonly summary: JobSummary;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly destination: JobManifest['destination'];
  readonly segments: readonly { readonly name: string; readonly listName: string }[];
  readonly stopMessage: string | null;
  /** A live process is running it now. */
  readonly running: boolean;
  /** It says "running" but nobody runs it: resumable. */
  readonly interrupted: boolean;
}

export async function readJobListing(dataFolder: string, jobId: string): Promise<JobListing> {
  const manifest = await readJobManifest(dataFolder, jobId);
  const ledger = await readJobLedger(jobFile(dataFolder, jobId, 'journal'));
  const holder = await jobLockHolder(jobFile(dataFolder, jobId, 'lock'));
  return {
    summary: summarizeJob(manifest, ledger.totals, ledger.elapsedMs),
    createdAt: manifest.createdAt,
    updatedAt: manifest.updatedAt,
    destination: manifest.destination,
    segments: manifest.segments.map((segment) => ({
      name: segment.name,
      listName: segment.listName,
    })),
    stopMessage: manifest.stop?.message ?? null,
    running: holder !== null,
    interrupted: manifest.status === 'running' && holder === null,
  };
}

export async function listJobs(dataFolder: string): Promise<JobListing[]> {
  const listings: JobListing[] = [];
  for (const jobId of (await listJobIds(dataFolder)).reverse()) {
    try {
      listings.push(await readJobListing(dataFolder, jobId));
    } catch {
      // A folder a crash left before its manifest existed, or a damaged one: skip, list the rest.
    }
  }
  return listings;
}
