import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ImportError } from '../../import-error';

/**
 * A Common Data Model folder's schema, as Customer Insights writes it with an export
 * (../shared/docs/exports.md): `model.json`, or a `*.manifest.cdm.json` naming entity files.
 * Only what reading the rows needs: each entity's column names in order and its partitions.
 */

interface PartitionFormat {
  readonly columnHeaders: boolean;
  readonly delimiter: string;
  readonly encoding: string;
}

export interface CdmPartition {
  readonly name: string;
  readonly location: string;
  readonly format: PartitionFormat;
}

export interface CdmEntity {
  readonly name: string;
  readonly attributes: readonly string[];
  readonly partitions: readonly CdmPartition[];
}

export interface CdmSchema {
  /** The export's name (model.json's `name`), else the folder's. */
  readonly name: string;
  readonly folder: string;
  readonly schemaFile: string;
  readonly entities: readonly CdmEntity[];
}

const defaultFormat: PartitionFormat = {
  columnHeaders: false,
  delimiter: ',',
  encoding: 'utf-8',
};

const formatSettings = z
  .object({
    columnHeaders: z.union([z.boolean(), z.string()]).optional(),
    delimiter: z.string().optional(),
    quoteStyle: z.string().optional(),
    encoding: z.string().optional(),
  })
  .passthrough();

const modelJson = z.object({
  name: z.string().optional(),
  entities: z.array(
    z
      .object({
        name: z.string(),
        attributes: z.array(z.object({ name: z.string() }).passthrough()).default([]),
        partitions: z
          .array(
            z
              .object({
                name: z.string().optional(),
                location: z.string(),
                fileFormatSettings: formatSettings.optional(),
              })
              .passthrough(),
          )
          .default([]),
      })
      .passthrough(),
  ),
});

export function toFormat(settings: z.infer<typeof formatSettings> | undefined): PartitionFormat {
  if (!settings) return defaultFormat;
  const headers = settings.columnHeaders;
  return {
    columnHeaders: headers === true || headers === 'true',
    delimiter: settings.delimiter && settings.delimiter.length === 1 ? settings.delimiter : ',',
    encoding: (settings.encoding ?? 'utf-8').toLowerCase(),
  };
}

export function schemaDamaged(fileName: string, why: string): ImportError {
  return new ImportError(
    'cdm-damaged',
    `The Customer Insights schema “${fileName}” could not be read (${why}), so nothing was imported. Copy the export folder again as Customer Insights wrote it.`,
    { fileName },
  );
}

async function readJson(filePath: string): Promise<unknown> {
  const text = await readFile(filePath, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw schemaDamaged(path.basename(filePath), 'it is not valid JSON');
  }
}

export async function readModelJson(schemaFile: string): Promise<CdmSchema> {
  const parsed = modelJson.safeParse(await readJson(schemaFile));
  if (!parsed.success) throw schemaDamaged(path.basename(schemaFile), 'it has no entities list');
  const folder = path.dirname(schemaFile);
  return {
    name: parsed.data.name ?? path.basename(folder),
    folder,
    schemaFile,
    entities: parsed.data.entities.map((entity) => ({
      name: entity.name,
      attributes: entity.attributes.map((attribute) => attribute.name),
      partitions: entity.partitions.map((partition, index) => ({
        name: partition.name ?? `${entity.name} part ${index + 1}`,
        location: partition.location,
        format: toFormat(partition.fileFormatSettings),
      })),
    })),
  };
}
