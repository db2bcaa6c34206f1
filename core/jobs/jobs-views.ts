/**
 * Jobs as the History screen shows them (shared/model/jobs.ts), built from what the engine
 * keeps on disk: the manifest, the journal's totals and per-segment tallies, the lock. Nothing
 * here holds state; the service adds what only it knows (which runs are live in this process and
 * their last progress event).
 */
import type { JobManifest } from './job-manifest';
import { summarizeJobSync } from '../sync/job-sync-summary';
import { jobFile, listJobIds, readJobManifest } from './job-store';
import type { JobSummary } from './job-summary';
import { readJobListing, type JobListing } from './list-jobs';
import type { JobProgress } from '../upload/progress';
import type { JobCounts, JobDetail, JobListItem, JobStop } from '../../shared/model/jobs';
import { stopKindOf } from './jobs-destination';
import { readSegmentTallies } from './journal-tallies';
import { findRetryJob, readRetryOf, retryableStatuses } from './retry-job';

export function countsOf(summary: JobSummary): JobCounts {
  const { rows, valid, invalid, duplicates, sent, succeeded, failed, refused, givenUp } = summary;
  return { rows, valid, invalid, duplicates, sent, succeeded, failed, refused, givenUp };
}

export function stopOf(stop: JobManifest['stop']): JobStop | null {
  return stop ? { kind: stopKindOf(stop), message: stop.message, at: stop.at } : null;
}

const startableStatuses: readonly JobManifest['status'][] = ['ready', 'paused', 'failed'];

export function toListItem(
  listing: JobListing,
  manifest: JobManifest,
  retryOf: string | null,
  runningHere: boolean,
): JobListItem {
  const running = runningHere || listing.running;
  const interrupted = listing.interrupted && !running;
  return {
    id: manifest.id,
    createdAt: manifest.createdAt,
    updatedAt: manifest.updatedAt,
    status: manifest.status,
    running,
    interrupted,
    resumable: !running && (interrupted || startableStatuses.includes(manifest.status)),
    destination: {
      id: manifest.destination.id,
      name: manifest.destination.name,
      endpoint: manifest.destination.endpoint,
      ...(manifest.destination.service === undefined
        ? {}
        : { service: manifest.destination.service }),
    },
    segments: manifest.segments.map(({ name, listName }) => ({ name, listName })),
    counts: countsOf(listing.summary),
    elapsedMs: listing.summary.elapsedMs,
    stop: stopOf(manifest.stop),
    retryOf,
    ...(manifest.trigger === undefined ? {} : { trigger: manifest.trigger }),
  };
}

export interface ReadItem {
  readonly item: JobListItem;
  readonly manifest: JobManifest;
}

export async function readListItem(
  dataFolder: string,
  jobId: string,
  runningHere: (jobId: string) => boolean,
): Promise<ReadItem> {
  const manifest = await readJobManifest(dataFolder, jobId);
  const listing = await readJobListing(dataFolder, jobId);
  const retryOf = await readRetryOf(dataFolder, jobId);
  return { item: toListItem(listing, manifest, retryOf, runningHere(jobId)), manifest };
}

/** Every job, newest first; a damaged or half-created job folder is skipped. */
export async function readListItems(
  dataFolder: string,
  runningHere: (jobId: string) => boolean,
): Promise<JobListItem[]> {
  const items: JobListItem[] = [];
  for (const jobId of (await listJobIds(dataFolder)).reverse()) {
    try {
      items.push((await readListItem(dataFolder, jobId, runningHere)).item);
    } catch {
      // A folder a crash left before its manifest existed: list the rest.
    }
  }
  return items;
}

export async function readDetail(
  dataFolder: string,
  jobId: string,
  runningHere: (jobId: string) => boolean,
  progress: JobProgress | null,
): Promise<JobDetail> {
  const { item, manifest } = await readListItem(dataFolder, jobId, runningHere);
  const tallies = await readSegmentTallies(
    jobFile(dataFolder, jobId, 'journal'),
    manifest.segments.length,
    manifest,
  );
  const sync = await summarizeJobSync(dataFolder, manifest);
  const segments = manifest.segments.map((segment, index) => {
    const tally = tallies[index];
    const synced = sync.segments[index];
    const { name, listName, rows, valid, invalid, duplicates } = segment;
    return {
      name,
      listName,
      fileName: segment.source.fileName,
      rows,
      valid,
      invalid,
      duplicates,
      succeeded: tally?.succeeded ?? 0,
      failed: (tally?.refused ?? 0) + (tally?.givenUp ?? 0),
      ...(segment.sending === undefined ? {} : { sending: segment.sending }),
      ...(manifest.sync && synced
        ? {
            sync: {
              new: synced.new,
              changed: synced.changed,
              unchanged: synced.unchanged,
              removed: synced.removed,
              notRemoved: synced.removalFailed,
            },
          }
        : {}),
    };
  });
  const retriedBy = await findRetryJob(dataFolder, jobId);
  const retryable = item.counts.givenUp;
  return {
    ...item,
    segments,
    consent: { ...manifest.consent },
    progress,
    retry: {
      available: retryableStatuses.includes(item.status) && retryable > 0 && retriedBy === null,
      retryable,
      refused: item.counts.refused,
      retriedBy,
    },
    reportAvailable: !item.running,
    ...(manifest.sync ? { sync: { ...manifest.sync } } : {}),
  };
}

/** The progress event of a job that stopped before it could run (its key could not be had). */
export function pausedProgress(item: JobListItem, message: string): JobProgress {
  return {
    jobId: item.id,
    state: 'paused',
    message,
    resumesAt: null,
    total: item.counts.valid,
    sent: item.counts.sent,
    succeeded: item.counts.succeeded,
    failed: item.counts.failed,
    contactsPerSecond: 0,
    requestRate: 0,
    etaMs: null,
  };
}
