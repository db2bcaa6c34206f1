/**
 * A saved setup's segments as they stand now, ready for the engine (issue 18, item 5): each
 * snapshot is reused when its source file is unchanged, and read again from the same place when
 * a new export replaced the file there; the matching saved for the file's shape is applied to
 * the file's current spelling of the columns. Anything that cannot be resolved is a sentence,
 * and no snapshot made on the way is left behind.
 */
import { randomBytes } from 'node:crypto';
import { sourceState } from '../exports/export-again';
import { headerSignature, mappingForColumns } from '../exports/header-signature';
import { importSegment } from '../import/import-segment';
import { readSnapshotManifest, removeSnapshot } from '../segments/snapshot-store';
import type { SnapshotManifest } from '../segments/snapshot-format';
import type { ExportSetupRecord } from '../settings/settings-schema';
import type { ExportSegmentInput } from '../../shared/model/exports';
import { emailColumnStop, type GuardrailStop } from './run-guardrails';

export class SetupRunError extends Error {
  override readonly name = 'SetupRunError';
  constructor(
    message: string,
    readonly code: string,
    /** When a guardrail refused the file itself (its email column is gone). */
    readonly stop?: GuardrailStop,
  ) {
    super(message);
  }
}

/** What the run guardrails need to know of each segment's file, in the order of `segments`. */
export interface SegmentShape {
  readonly segmentName: string;
  readonly emailColumn: string;
  readonly columns: readonly string[];
}

export interface ResolvedSetupSegments {
  readonly segments: readonly ExportSegmentInput[];
  readonly shapes: readonly SegmentShape[];
  /** Snapshots read again for this run; removed by `discard` when nothing is sent. */
  readonly newSnapshots: readonly string[];
  discard(): Promise<void>;
}

type SetupSegment = NonNullable<ExportSetupRecord['segments']>[number];

/** The list a setup's segment feeds: the one chosen, or a new one named after the segment. */
export function setupListName(segment: SetupSegment): string {
  return segment.list.kind === 'existing' ? segment.list.name : segment.segmentName;
}

function newSegmentId(): string {
  return `run-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

async function importAgain(
  dataFolder: string,
  sourcePath: string,
  newSnapshots: string[],
): Promise<SnapshotManifest> {
  const segmentId = newSegmentId();
  newSnapshots.push(segmentId);
  const imported = await importSegment({
    sourcePath,
    dataFolder,
    segmentId,
    now: () => new Date(),
  });
  return imported.manifest;
}

async function currentSnapshot(
  dataFolder: string,
  segment: SetupSegment,
  newSnapshots: string[],
  arrived: string | undefined,
): Promise<SnapshotManifest> {
  // A watched folder's new export is this segment's file now, wherever the old one was.
  if (arrived !== undefined) return importAgain(dataFolder, arrived, newSnapshots);
  const manifest = await readSnapshotManifest(dataFolder, segment.segmentId).catch(() => null);
  if (manifest === null) {
    throw new SetupRunError(
      `The segment "${segment.segmentName}" of this setup is no longer in Segment Courier. Open the setup in the app and add its file again.`,
      'setup-segment-missing',
    );
  }
  const state = await sourceState(manifest);
  if (state === 'ready') return manifest;
  if (state !== 'changed') {
    throw new SetupRunError(
      `The file of "${segment.segmentName}" is no longer at ${manifest.source.path}. Put the new export there, or open the setup in the app and choose the file again.`,
      'setup-file-moved',
    );
  }
  return importAgain(dataFolder, manifest.source.path, newSnapshots);
}

function segmentInput(
  setup: ExportSetupRecord,
  segment: SetupSegment,
  manifest: SnapshotManifest,
): ExportSegmentInput {
  const saved = (setup.mappings ?? []).find((entry) => entry.signature === segment.signature);
  const lostEmail =
    saved &&
    emailColumnStop({
      segmentName: segment.segmentName,
      emailColumn: saved.mapping.email,
      columns: manifest.columns,
    });
  if (lostEmail)
    throw new SetupRunError(lostEmail.message, `guardrail-${lostEmail.code}`, lostEmail);
  const mapping = saved && mappingForColumns(saved.mapping, manifest.columns);
  if (!mapping) {
    throw new SetupRunError(
      `The file of "${segment.segmentName}" no longer has the columns this setup matched (its columns now: ${manifest.columns.join(', ')}). Nothing was sent. Open the setup in the app and match the columns again.`,
      headerSignature(manifest.columns) === segment.signature
        ? 'setup-matching-missing'
        : 'setup-columns-changed',
    );
  }
  return { segmentId: manifest.id, listName: setupListName(segment), mapping };
}

interface ResolveOptions {
  /**
   * A new export found in the setup's watched folder (a file, or a Customer Insights schema
   * file): it is the file of the setup's one segment (a folder feeds a one-segment setup).
   */
  readonly arrived?: string;
}

export async function resolveSetupSegments(
  dataFolder: string,
  setup: ExportSetupRecord,
  options: ResolveOptions = {},
): Promise<ResolvedSetupSegments> {
  const newSnapshots: string[] = [];
  const discard = async (): Promise<void> => {
    await Promise.all(newSnapshots.map((id) => removeSnapshot(dataFolder, id)));
  };
  try {
    const segments: ExportSegmentInput[] = [];
    const shapes: SegmentShape[] = [];
    const saved = setup.segments ?? [];
    if (options.arrived !== undefined && saved.length !== 1) {
      throw new SetupRunError(
        `A new export in a folder can only feed a setup with one segment; "${setup.name}" has ${saved.length}.`,
        'setup-folder-segments',
      );
    }
    for (const segment of saved) {
      const manifest = await currentSnapshot(dataFolder, segment, newSnapshots, options.arrived);
      const input = segmentInput(setup, segment, manifest);
      segments.push(input);
      shapes.push({
        segmentName: segment.segmentName,
        emailColumn: input.mapping.email,
        columns: manifest.columns,
      });
    }
    if (segments.length === 0) {
      throw new SetupRunError('This setup has no segments to send.', 'setup-empty');
    }
    return { segments, shapes, newSnapshots, discard };
  } catch (error) {
    await discard();
    throw error;
  }
}
