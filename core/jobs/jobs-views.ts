/**
 * Jobs as the History screen shows them (shared/model/jobs.ts), built from what the engine
 * keeps on disk: the manifest, the journal's ledger (one read gives the per-segment tallies and the
 * totals that are their sum), the lock, the retry that sent the failed rows again. Nothing here
 * holds state; the service adds what only it knows (which runs are live in this process and their
 * last progress event).
 */
import { contactsToSend, type JobManifest } from './job-manifest';
import { summarizeJobSync } from '../sync/job-sync-summary';
import { listJobIds, readJobManifest } from './job-store';
import type { JobSummary } from './job-summary';
import { readJobListing, type JobListing } from './list-jobs';
import { overallOf, segmentProgressOf, type JobProgress } from '../upload/progress';
import type { JobCounts, JobDetail, JobListItem, JobStop } from '../../shared/model/jobs';
import { stopKindOf } from './jobs-destination';
import { findRetryJob, readRetryOf, retryableStatuses } from './retry-job';

function countsOf(summary: JobSummary): JobCounts {
  const { rows, valid, invalid, duplicates, sent, succeeded, failed, refused, givenUp, unsent } =
    summary;
  return { rows, valid, invalid, duplicates, sent, succeeded, failed, refused, givenUp, unsent };
}

type DeliveredByRetry = JobListItem['deliveredByRetry'];

/** What the retry of a job delivered of its failed rows, from the retry's own listing. */
function deliveredByRetryOf(retry: JobListing | null): DeliveredByRetry {
  if (!retry) return null;
  const { jobId, status, succeeded } = retry.summary;
  return { jobId, createdAt: retry.createdAt, status, delivered: succeeded };
}

/**
 * An unexpected error's stop from before `detail` was recorded held the error's words as its
 * message: they are its detail.
 */
function stopDetail(stop: NonNullable<JobManifest['stop']>): string | undefined {
  return stop.detail ?? (stop.reason === 'error' ? stop.message : undefined);
}

function stopOf(stop: JobManifest['stop']): JobStop | null {
  if (!stop) return null;
  const detail = stopDetail(stop);
  return {
    kind: stopKindOf(stop),
    message: stop.message,
    ...(detail ? { detail } : {}),
    at: stop.at,
  };
}

const startableStatuses: readonly JobManifest['status'][] = ['ready', 'paused', 'failed'];

function toListItem(
  listing: JobListing,
  manifest: JobManifest,
  links: { readonly retryOf: string | null; readonly deliveredByRetry: DeliveredByRetry },
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
    retryOf: links.retryOf,
    deliveredByRetry: links.deliveredByRetry,
    ...(manifest.trigger === undefined ? {} : { trigger: manifest.trigger }),
  };
}

interface ReadItem {
  readonly item: JobListItem;
  readonly manifest: JobManifest;
  readonly listing: JobListing;
}

export async function readListItem(
  dataFolder: string,
  jobId: string,
  runningHere: (jobId: string) => boolean,
): Promise<ReadItem> {
  const manifest = await readJobManifest(dataFolder, jobId);
  const listing = await readJobListing(dataFolder, jobId);
  const retryOf = await readRetryOf(dataFolder, jobId);
  const retryId = await findRetryJob(dataFolder, jobId);
  const retry = retryId === null ? null : await readJobListing(dataFolder, retryId);
  const links = { retryOf, deliveredByRetry: deliveredByRetryOf(retry) };
  return { item: toListItem(listing, manifest, links, runningHere(jobId)), manifest, listing };
}

interface ReadJob {
  readonly manifest: JobManifest;
  readonly listing: JobListing;
  readonly retryOf: string | null;
}

/** Every job, newest first; a damaged or half-created job folder is skipped. */
export async function readListItems(
  dataFolder: string,
  runningHere: (jobId: string) => boolean,
): Promise<JobListItem[]> {
  const jobs: ReadJob[] = [];
  for (const jobId of (await listJobIds(dataFolder)).reverse()) {
    try {
      const manifest = await readJobManifest(dataFolder, jobId);
      const listing = await readJobListing(dataFolder, jobId);
      jobs.push({ manifest, listing, retryOf: await readRetryOf(dataFolder, jobId) });
    } catch {
      // A folder a crash left before its manifest existed: list the rest.
    }
  }
  // Newest first, so the first retry met for a job is its newest (as findRetryJob answers).
  const retries = new Map<string, JobListing>();
  for (const job of jobs) {
    if (job.retryOf !== null && !retries.has(job.retryOf)) retries.set(job.retryOf, job.listing);
  }
  return jobs.map(({ manifest, listing, retryOf }) => {
    const deliveredByRetry = deliveredByRetryOf(retries.get(manifest.id) ?? null);
    return toListItem(listing, manifest, { retryOf, deliveredByRetry }, runningHere(manifest.id));
  });
}

export async function readDetail(
  dataFolder: string,
  jobId: string,
  runningHere: (jobId: string) => boolean,
  progress: JobProgress | null,
): Promise<JobDetail> {
  const { item, manifest, listing } = await readListItem(dataFolder, jobId, runningHere);
  // The same ledger read as the item's counts, so the segments add up to them.
  const tallies = listing.segmentTallies;
  const sync = await summarizeJobSync(dataFolder, manifest);
  const segments = manifest.segments.map((segment, index) => {
    const { succeeded, failed } = segmentProgressOf(tallies[index], contactsToSend(segment));
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
      succeeded,
      failed,
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
  const retriedBy = item.deliveredByRetry?.jobId ?? null;
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
export function pausedProgress(
  { item, manifest, listing }: ReadItem,
  message: string,
): JobProgress {
  const segments = manifest.segments.map((segment, index) =>
    segmentProgressOf(listing.segmentTallies[index], contactsToSend(segment)),
  );
  return {
    jobId: item.id,
    state: 'paused',
    message,
    resumesAt: null,
    ...overallOf(segments),
    segments,
    contactsPerSecond: 0,
    allowedContactsPerSecond: 0,
    etaMs: null,
  };
}
