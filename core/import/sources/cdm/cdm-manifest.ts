import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { schemaDamaged, toFormat, type CdmEntity, type CdmSchema } from './cdm-schema';

/**
 * The newer CDM form: `<name>.manifest.cdm.json` lists entities, each defined in its own
 * `<entity>.cdm.json` (`definitions[].hasAttributes[]`), with `dataPartitions` whose CSV settings
 * are the `is.partition.format.CSV` trait's arguments (microsoft/CDM object model).
 */

const traitArgument = z.object({ name: z.string().optional(), value: z.unknown() }).passthrough();
const trait = z
  .object({ traitReference: z.string(), arguments: z.array(traitArgument).default([]) })
  .passthrough();

const manifest = z.object({
  manifestName: z.string().optional(),
  entities: z.array(
    z
      .object({
        entityName: z.string(),
        entityPath: z.string().optional(),
        dataPartitions: z
          .array(
            z
              .object({
                name: z.string().optional(),
                location: z.string(),
                exhibitsTraits: z.array(z.union([trait, z.string()])).default([]),
              })
              .passthrough(),
          )
          .default([]),
      })
      .passthrough(),
  ),
});

const entityDocument = z.object({
  definitions: z.array(
    z
      .object({
        entityName: z.string(),
        hasAttributes: z.array(z.object({ name: z.string() }).passthrough()).default([]),
      })
      .passthrough(),
  ),
});

async function readJson(filePath: string): Promise<unknown> {
  try {
    return JSON.parse((await readFile(filePath, 'utf8')).replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw schemaDamaged(path.basename(filePath), 'it is missing or not valid JSON');
  }
}

function csvSettings(traits: readonly (z.infer<typeof trait> | string)[]) {
  const csv = traits.find(
    (item): item is z.infer<typeof trait> =>
      typeof item !== 'string' && item.traitReference === 'is.partition.format.CSV',
  );
  const settings: Record<string, string> = {};
  for (const argument of csv?.arguments ?? []) {
    if (argument.name && typeof argument.value === 'string')
      settings[argument.name] = argument.value;
  }
  return toFormat({
    columnHeaders: settings.columnHeaders,
    delimiter: settings.delimiter,
    quoteStyle: settings.quoteStyle,
    encoding: settings.encoding,
  });
}

/** "Contacts.cdm.json/Contacts" → the definition Contacts in Contacts.cdm.json beside the manifest. */
async function attributesOf(folder: string, entityName: string, entityPath: string | undefined) {
  const [file = `${entityName}.cdm.json`, definition = entityName] = (entityPath ?? '').split('/');
  const documentPath = path.join(folder, path.basename(file.replace(/^local:/, '')));
  const parsed = entityDocument.safeParse(await readJson(documentPath));
  if (!parsed.success) throw schemaDamaged(path.basename(documentPath), 'it defines no entity');
  const found = parsed.data.definitions.find((item) => item.entityName === definition);
  return (found ?? parsed.data.definitions[0])?.hasAttributes.map((item) => item.name) ?? [];
}

export async function readCdmManifest(schemaFile: string): Promise<CdmSchema> {
  const parsed = manifest.safeParse(await readJson(schemaFile));
  if (!parsed.success) throw schemaDamaged(path.basename(schemaFile), 'it has no entities list');
  const folder = path.dirname(schemaFile);
  const entities: CdmEntity[] = [];
  for (const entity of parsed.data.entities) {
    entities.push({
      name: entity.entityName,
      attributes: await attributesOf(folder, entity.entityName, entity.entityPath),
      partitions: entity.dataPartitions.map((partition, index) => ({
        name: partition.name ?? `${entity.entityName} part ${index + 1}`,
        location: partition.location,
        format: csvSettings(partition.exhibitsTraits),
      })),
    });
  }
  return {
    name: parsed.data.manifestName ?? path.basename(folder),
    folder,
    schemaFile,
    entities,
  };
}
