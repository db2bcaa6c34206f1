/**
 * Saved export setups in the settings document: destination, segments with their lists, and the
 * matching per header signature. Saving also remembers the matching for those shapes.
 */
import { randomUUID } from 'node:crypto';
import type { ExportSetup, SaveSetupInput } from '../../shared/model/exports';
import type { SettingsRepository } from '../settings/settings-repository';
import type { ExportSetupRecord, Settings } from '../settings/settings-schema';
import { readSnapshotManifest } from '../segments/snapshot-store';
import { ExportsError } from './exports-error';
import { exportErrorCodes } from '../../shared/model/exports';
import { headerSignature } from './header-signature';
import { planProblem } from './plan-summary';

const setupNameMaxLength = 80;

/** A setup as the screen sees it; parts an older record lacks read as empty. */
function toSetup(record: ExportSetupRecord): ExportSetup {
  return {
    id: record.id,
    name: record.name,
    destinationId: record.destinationId ?? null,
    createdAt: record.createdAt ?? '',
    updatedAt: record.updatedAt ?? record.createdAt ?? '',
    segments: (record.segments ?? []).map((segment) => ({ ...segment })),
    mappings: (record.mappings ?? []).map((entry) => ({ ...entry })),
    ...(record.mirror === undefined ? {} : { mirror: record.mirror }),
  };
}

function setupName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '' || name.length > setupNameMaxLength) {
    throw new ExportsError(
      exportErrorCodes.invalidSetupName,
      `Give the setup a name of 1 to ${setupNameMaxLength} characters.`,
      { params: { max: setupNameMaxLength } },
    );
  }
  return name;
}

async function describeSegments(dataFolder: string, input: SaveSetupInput) {
  try {
    return await Promise.all(
      input.segments.map(async ({ segmentId, list }) => {
        const manifest = await readSnapshotManifest(dataFolder, segmentId);
        return {
          segmentId,
          segmentName: manifest.name,
          signature: headerSignature(manifest.columns),
          list,
        };
      }),
    );
  } catch (error) {
    throw planProblem(error);
  }
}

/** The record this save replaces: the one named by id, else the one with the same name. */
function replacedRecord(settings: Settings, input: SaveSetupInput, name: string) {
  if (input.id !== undefined) {
    const found = settings.exportSetups.find((setup) => setup.id === input.id);
    if (!found) {
      throw new ExportsError(
        exportErrorCodes.setupNotFound,
        'This saved setup no longer exists. Save it again under a name.',
      );
    }
    return found;
  }
  const lower = name.toLowerCase();
  return settings.exportSetups.find((setup) => setup.name.toLowerCase() === lower);
}

interface SavedSetups {
  list(): Promise<ExportSetup[]>;
  save(input: SaveSetupInput): Promise<ExportSetup>;
  remove(id: string): Promise<void>;
}

export function createSavedSetups(options: {
  readonly dataFolder: string;
  readonly settings: SettingsRepository;
  readonly now: () => Date;
  readonly newId?: () => string;
}): SavedSetups {
  const newId = options.newId ?? randomUUID;
  return {
    async list() {
      const settings = await options.settings.read();
      return settings.exportSetups.map(toSetup).sort((a, b) => a.name.localeCompare(b.name));
    },
    async save(input) {
      const name = setupName(input.name);
      const segments = await describeSegments(options.dataFolder, input);
      const at = options.now().toISOString();
      let saved: ExportSetupRecord | undefined;
      await options.settings.update((current) => {
        const replaced = replacedRecord(current, input, name);
        const record: ExportSetupRecord = {
          ...replaced,
          id: replaced?.id ?? newId(),
          name,
          ...(input.destinationId === null ? {} : { destinationId: input.destinationId }),
          createdAt: replaced?.createdAt ?? at,
          updatedAt: at,
          segments,
          mappings: input.mappings,
          ...(input.mirror === undefined ? {} : { mirror: input.mirror }),
        };
        if (input.destinationId === null) delete record.destinationId;
        saved = record;
        const others = current.exportSetups.filter((setup) => setup.id !== record.id);
        return { ...current, exportSetups: [...others, record] };
      });
      return toSetup(saved as ExportSetupRecord);
    },
    async remove(id) {
      let found = false;
      await options.settings.update((current) => {
        found = current.exportSetups.some((setup) => setup.id === id);
        return { ...current, exportSetups: current.exportSetups.filter((s) => s.id !== id) };
      });
      if (!found) {
        throw new ExportsError(
          exportErrorCodes.setupNotFound,
          'This saved setup no longer exists.',
        );
      }
    },
  };
}
