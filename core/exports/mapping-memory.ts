/**
 * The matching remembered per header signature (settings `headerMappings`): written when an
 * export starts or a setup is saved, read when a segment of the same shape is chosen, so next
 * week's file is matched without asking (issue 7, "Saved setups").
 */
import type { FieldMapping } from '../../shared/matching/field-mapping';
import type { SettingsRepository } from '../settings/settings-repository';
import type { HeaderMappingRecord } from '../settings/settings-schema';
import { headerSignature, mappingForColumns } from './header-signature';

/** Enough for every recurring export a team has; the least recently used shapes go first. */
const rememberedShapeLimit = 200;

interface RememberedShape {
  readonly columns: readonly string[];
  readonly mapping: FieldMapping;
}

export interface MappingMemory {
  /** The remembered matching for files with these columns, in their spelling; null if none. */
  recall(columns: readonly string[]): Promise<FieldMapping | null>;
  remember(shapes: readonly RememberedShape[]): Promise<void>;
}

export function recallFrom(
  records: readonly HeaderMappingRecord[],
  columns: readonly string[],
): FieldMapping | null {
  const signature = headerSignature(columns);
  const found = records.find((record) => record.signature === signature);
  return found ? (mappingForColumns(found.mapping, columns) ?? null) : null;
}

export function createMappingMemory(
  settings: SettingsRepository,
  now: () => Date = () => new Date(),
): MappingMemory {
  return {
    async recall(columns) {
      return recallFrom((await settings.read()).headerMappings, columns);
    },
    async remember(shapes) {
      if (shapes.length === 0) return;
      const usedAt = now().toISOString();
      const fresh = new Map<string, HeaderMappingRecord>();
      for (const shape of shapes) {
        const signature = headerSignature(shape.columns);
        fresh.set(signature, {
          signature,
          columns: [...shape.columns],
          mapping: shape.mapping,
          usedAt,
        });
      }
      await settings.update((current) => {
        const kept = current.headerMappings.filter((record) => !fresh.has(record.signature));
        const headerMappings = [...fresh.values(), ...kept]
          .sort((a, b) => b.usedAt.localeCompare(a.usedAt))
          .slice(0, rememberedShapeLimit);
        return { ...current, headerMappings };
      });
    },
  };
}
