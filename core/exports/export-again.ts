/**
 * "Export again" from History: the past job's destination, segments, lists and matching, with
 * where each segment's file stands now. The job's snapshot is reused when its source file is
 * unchanged; a file changed at the same place can be imported again from there; a moved file
 * (or a snapshot removed since) must be chosen again.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ExportAgain } from '../../shared/model/exports';
import { JobNotFoundError, readJobManifest } from '../jobs/job-store';
import type { JobSegment } from '../jobs/job-manifest';
import type { SnapshotManifest } from '../segments/snapshot-format';
import { readSnapshotManifest } from '../segments/snapshot-store';
import type { SettingsRepository } from '../settings/settings-repository';
import { ExportsError } from './exports-error';
import { exportErrorCodes } from '../../shared/model/exports';

type SourceState = ExportAgain['segments'][number]['state'];

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** Whether the file a snapshot was read from is still there, as it was. */
export async function sourceState(manifest: SnapshotManifest): Promise<SourceState> {
  const found = await stat(manifest.source.path).catch(() => null);
  if (!found?.isFile()) return 'moved';
  if (found.size !== manifest.source.size) return 'changed';
  const sha256 = await fileSha256(manifest.source.path).catch(() => null);
  if (sha256 === null) return 'moved';
  return sha256 === manifest.source.sha256 ? 'ready' : 'changed';
}

async function segmentNow(dataFolder: string, segment: JobSegment) {
  const manifest = await readSnapshotManifest(dataFolder, segment.segmentId).catch(() => null);
  const state: SourceState = manifest ? await sourceState(manifest) : 'missing';
  return {
    name: manifest?.name ?? segment.name,
    fileName: segment.source.fileName,
    listName: segment.listName,
    mapping: segment.mapping,
    state,
    segmentId: manifest ? manifest.id : null,
    importedAt: manifest ? manifest.importedAt : null,
  };
}

export async function readExportAgain(
  dataFolder: string,
  settings: SettingsRepository,
  jobId: string,
): Promise<ExportAgain> {
  let job;
  try {
    job = await readJobManifest(dataFolder, jobId);
  } catch (error) {
    if (!(error instanceof JobNotFoundError)) throw error;
    throw new ExportsError(
      exportErrorCodes.jobNotFound,
      'That export is no longer in History, so it cannot be run again from there.',
      { cause: error },
    );
  }
  const destinations = (await settings.read()).destinations;
  const destination = destinations.find((item) => item.id === job.destination.id);
  const segments = [];
  for (const segment of job.segments) segments.push(await segmentNow(dataFolder, segment));
  return {
    jobId: job.id,
    createdAt: job.createdAt,
    destinationId: destination?.id ?? null,
    destinationName: destination?.displayName ?? job.destination.name,
    segments,
    mirror: job.sync?.mirror ?? false,
  };
}
