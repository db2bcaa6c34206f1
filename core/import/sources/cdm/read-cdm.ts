import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectEmailColumn } from '../../../../shared/matching/email-column';
import type { SegmentShape, ShapeChoice } from '../../../../shared/segments/segment-shape';
import { ImportError } from '../../import-error';
import type { TableFileWriter } from '../table-file-writer';
import { readCdmManifest } from './cdm-manifest';
import { copyPart, locatePart, partMissing } from './cdm-parts';
import { readModelJson, type CdmEntity, type CdmSchema } from './cdm-schema';

export function isSchemaFileName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return lower === 'model.json' || lower.endsWith('.manifest.cdm.json');
}

/** The schema file in a folder: `model.json` first, else a `*.manifest.cdm.json`; null if none. */
export async function schemaFileIn(folder: string): Promise<string | null> {
  const names = (await readdir(folder).catch(() => [] as string[])).sort();
  const model = names.find((name) => name.toLowerCase() === 'model.json');
  const found = model ?? names.find((name) => name.toLowerCase().endsWith('.manifest.cdm.json'));
  return found === undefined ? null : path.join(folder, found);
}

function readSchema(schemaFile: string): Promise<CdmSchema> {
  return path.basename(schemaFile).toLowerCase() === 'model.json'
    ? readModelJson(schemaFile)
    : readCdmManifest(schemaFile);
}

/** The person's pick, else the only entity, else the first whose columns include an email. */
function chooseEntity(schema: CdmSchema, wanted: string | undefined): CdmEntity {
  const entities = schema.entities.filter((entity) => entity.partitions.length > 0);
  const names = entities.map((entity) => entity.name);
  if (wanted !== undefined) {
    const named =
      entities.find((entity) => entity.name === wanted) ??
      entities.find((entity) => entity.name.toLowerCase() === wanted.toLowerCase());
    if (named) return named;
    throw new ImportError(
      'cdm-unknown-entity',
      `The Customer Insights export “${schema.name}” has no table named “${wanted}”. Its tables: ${names.join(', ') || 'none'}.`,
      { fileName: schema.name, entity: wanted, entities: names.join(', ') },
    );
  }
  const chosen =
    entities.find((entity) => detectEmailColumn([...entity.attributes]) !== null) ?? entities[0];
  if (!chosen) {
    throw new ImportError(
      'cdm-no-entity',
      `The Customer Insights export “${schema.name}” lists no table with data files, so there is nothing to import.`,
      { fileName: schema.name },
    );
  }
  return chosen;
}

interface CdmRead {
  readonly shape: SegmentShape;
  readonly columns: readonly string[];
  /** Bytes of the schema and the parts read. */
  readonly size: number;
}

/**
 * Reads an export folder's chosen entity into the writer: a header of the schema's attribute
 * names, then every listed part's rows in the schema's order. Every part is found before any is
 * read, so a missing one stops the import before a row is written.
 */
export async function readCdmFolder(
  schemaFile: string,
  choice: ShapeChoice,
  writer: TableFileWriter,
): Promise<CdmRead> {
  const schema = await readSchema(schemaFile);
  const entity = chooseEntity(schema, choice.entity);
  const parts: string[] = [];
  for (const partition of entity.partitions) {
    const found = await locatePart(schema.folder, partition);
    if (found === null) throw partMissing(schema, partition);
    parts.push(found);
  }
  if (entity.attributes.length === 0) {
    throw new ImportError(
      'cdm-damaged',
      `The Customer Insights schema “${path.basename(schemaFile)}” names no columns for “${entity.name}”, so nothing was imported.`,
      { fileName: path.basename(schemaFile) },
    );
  }
  await writer.write(entity.attributes);
  let size = (await stat(schemaFile)).size;
  for (const [index, partition] of entity.partitions.entries()) {
    const filePath = parts[index] ?? '';
    await copyPart(schema, entity, partition, filePath, writer);
    size += (await stat(filePath)).size;
  }
  const others = schema.entities
    .filter((other) => other !== entity && other.partitions.length > 0)
    .map((other) => other.name);
  return {
    shape: {
      source: 'cdm',
      entity: entity.name,
      parts: parts.length,
      ...(others.length > 0 ? { choices: others } : {}),
    },
    columns: entity.attributes,
    size,
  };
}
