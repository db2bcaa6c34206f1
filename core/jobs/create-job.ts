/**
 * Creates a job on disk from a counted plan, a destination and the consent receipt. The export
 * setup screen and the command line both call this; nothing is sent until a run starts.
 */
import { makePrivateFolder, writeFileAtomic } from '../files/private-files';
import type { PlannedSegment } from '../upload/export-plan';
import {
  defaultJobSettings,
  type ConsentReceipt,
  type JobDestination,
  type JobManifest,
  type JobSettings,
} from './job-manifest';
import { writeLeavers } from '../sync/leavers-file';
import type { RunTrigger } from '../../shared/model/automation';
import { receiptWithChanges } from '../sync/receipt-changes';
import { jobFolder, jobsFolder, newJobId, selectionFile, writeJobManifest } from './job-store';

interface CreateJobInput {
  readonly dataFolder: string;
  readonly segments: readonly PlannedSegment[];
  readonly destination: JobDestination;
  readonly consent: ConsentReceipt;
  readonly settings?: Partial<JobSettings>;
  readonly now?: Date;
  /** "Send everything again" and mirror (issue 13); leavers are taken off only when mirroring. */
  readonly sync?: { readonly full: boolean; readonly mirror: boolean };
  /** Set by automatic runs and `run-setup` (issue 18): what started the job. */
  readonly trigger?: RunTrigger;
}

export async function createJob(input: CreateJobInput): Promise<JobManifest> {
  const now = input.now ?? new Date();
  const id = newJobId(now.getTime());
  // A job holds contacts (its journal and report name them): only this user may read it, even
  // where an older version left `jobs/` open to others (mkdir keeps an existing folder's mode).
  await makePrivateFolder(jobsFolder(input.dataFolder));
  await makePrivateFolder(jobFolder(input.dataFolder, id));
  // The selections first: a job exists for readers only once its manifest does.
  for (const [index, segment] of input.segments.entries()) {
    await writeFileAtomic(selectionFile(input.dataFolder, id, index), segment.selection.toBytes());
    if (input.sync?.mirror && segment.leavers?.length) {
      await writeLeavers(input.dataFolder, id, index, segment.leavers);
    }
  }
  const manifest: JobManifest = {
    formatVersion: 1,
    id,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    status: 'ready',
    stop: null,
    segments: input.segments.map((segment) => ({
      segmentId: segment.segmentId,
      name: segment.name,
      listName: segment.listName,
      mapping: segment.mapping,
      rows: segment.rows,
      valid: segment.valid,
      invalid: segment.invalid,
      duplicates: segment.duplicates,
      source: segment.source,
      ...(segment.listId ? { listId: segment.listId } : {}),
      ...(segment.changes
        ? {
            changes: {
              ...segment.changes,
              leaving: input.sync?.mirror ? segment.changes.leaving : 0,
            },
            sending: segment.selection.selected,
          }
        : {}),
    })),
    destination: input.destination,
    consent: receiptWithChanges(input.consent, input.segments, input.sync),
    settings: { ...defaultJobSettings, ...input.settings },
    ...(input.sync ? { sync: input.sync } : {}),
    ...(input.trigger ? { trigger: input.trigger } : {}),
  };
  await writeJobManifest(input.dataFolder, manifest);
  return manifest;
}
