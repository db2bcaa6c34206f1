/**
 * Every job in the data folder with its counts, newest first: the History screen and `jobs`. A job
 * whose manifest still says "running" while no process holds its lock was cut short (a crash, a
 * kill, a power cut): it is listed as interrupted and can be resumed.
 */
import type { SegmentTally } from './delivery-tally';
import { findJobDamage } from './job-damage';
import { readJobLedger } from './job-ledger';
import { jobLockHolder } from './job-lock';
import { resumableStatuses, type JobManifest } from './job-manifest';
import { jobFile, JobNotFoundError, listJobIds, readJobManifest } from './job-store';
import { summarizeJob, type JobSummary } from './job-summary';

export interface JobListing {
  readonly summary: JobSummary;
  /** What was answered for per segment: the summary's counts are their sum. */
  readonly segmentTallies: readonly SegmentTally[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly destination: JobManifest['destination'];
  readonly segments: readonly { readonly name: string; readonly listName: string }[];
  readonly stopMessage: string | null;
  /** A live process is running it now. */
  readonly running: boolean;
  /** It says "running" but nobody runs it: resumable. */
  readonly interrupted: boolean;
  /**
   * Why an unfinished job cannot run as counted (a row selection or snapshot missing or cut short),
   * when the listing was asked to check; such a job is never "interrupted" (resumable).
   */
  readonly damage: string | null;
}

/** A job folder whose description cannot be read at all. */
export interface UnreadableJob {
  readonly jobId: string;
  readonly damage: string;
}

interface ListingOptions {
  /** Check unfinished jobs' files (reads each one's snapshot rows once): the command line's `jobs`. */
  readonly checkDamage?: boolean;
}

export async function readJobListing(
  dataFolder: string,
  jobId: string,
  options: ListingOptions = {},
): Promise<JobListing> {
  const manifest = await readJobManifest(dataFolder, jobId);
  const ledger = await readJobLedger(jobFile(dataFolder, jobId, 'journal'), manifest);
  const holder = await jobLockHolder(jobFile(dataFolder, jobId, 'lock'));
  const unfinished = resumableStatuses.includes(manifest.status) && holder === null;
  const damage =
    options.checkDamage && unfinished ? await findJobDamage(dataFolder, manifest) : null;
  return {
    summary: summarizeJob(manifest, ledger.totals, ledger.elapsedMs),
    segmentTallies: ledger.segments,
    createdAt: manifest.createdAt,
    updatedAt: manifest.updatedAt,
    destination: manifest.destination,
    segments: manifest.segments.map((segment) => ({
      name: segment.name,
      listName: segment.listName,
    })),
    stopMessage: manifest.stop?.message ?? null,
    running: holder !== null,
    interrupted: manifest.status === 'running' && holder === null && damage === null,
    damage,
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

/**
 * Every job folder for the command line's `jobs`, newest first: readable jobs checked for damage,
 * and folders whose description is unreadable listed as damaged rather than left out. A folder
 * with no description at all (a crash before the job existed) is not a job and is skipped.
 */
export async function listJobsChecked(dataFolder: string): Promise<(JobListing | UnreadableJob)[]> {
  const listings: (JobListing | UnreadableJob)[] = [];
  for (const jobId of (await listJobIds(dataFolder)).reverse()) {
    try {
      listings.push(await readJobListing(dataFolder, jobId, { checkDamage: true }));
    } catch (error) {
      if (error instanceof JobNotFoundError) continue;
      listings.push({ jobId, damage: 'its description (manifest.json) is unreadable.' });
    }
  }
  return listings;
}
