/**
 * What a Customer Insights export folder's schema file says must be there: the partition files
 * (and, for a CDM manifest, the entity documents that name the columns). Only the locations are
 * read here; reading the columns is the importer's job (issue 14).
 *
 * Locations are storage URLs (`https://<account>.blob.core.windows.net/container/.../x.csv`) or
 * corpus paths (`Contact/part-1.csv`, `adls:/container/...`), never local paths, so a location is
 * matched to the local copy by its path below the export folder: the longest tail of the
 * location's path that is a file below the folder (see /work/shared/docs/exports.md).
 */
import { z } from 'zod';

const looseObject = z.object({}).passthrough();

const modelJson = z.object({
  entities: z.array(
    looseObject.extend({
      partitions: z.array(looseObject.extend({ location: z.string().optional() })).optional(),
    }),
  ),
});

const manifestJson = z.object({
  entities: z.array(
    looseObject.extend({
      entityPath: z.string().optional(),
      dataPartitions: z.array(looseObject.extend({ location: z.string().optional() })).optional(),
    }),
  ),
});

interface SchemaParts {
  /** Partition locations as the schema writes them. */
  readonly partitions: readonly string[];
  /** Other documents the schema needs beside it (a manifest's entity `.cdm.json` files). */
  readonly documents: readonly string[];
}

type SchemaRead =
  | { readonly ok: true; readonly parts: SchemaParts }
  | { readonly ok: false; readonly reason: string };

export function isSchemaFileName(name: string): boolean {
  return name === 'model.json' || name.endsWith('.manifest.cdm.json');
}

function present(values: readonly (string | undefined)[]): string[] {
  return values.filter((value): value is string => value !== undefined && value !== '');
}

/**
 * Reads a schema file's text. A file still being written is not valid JSON yet: that is "not
 * complete", not an error, so the reason is a sentence and nothing throws.
 */
export function readSchemaParts(fileName: string, text: string): SchemaRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${fileName} is not complete JSON yet.` };
  }
  if (fileName === 'model.json') {
    const parsed = modelJson.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'model.json lists no entities.' };
    const partitions = parsed.data.entities.flatMap((entity) =>
      present((entity.partitions ?? []).map((partition) => partition.location)),
    );
    return { ok: true, parts: { partitions, documents: [] } };
  }
  const parsed = manifestJson.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `${fileName} lists no entities.` };
  const partitions = parsed.data.entities.flatMap((entity) =>
    present((entity.dataPartitions ?? []).map((partition) => partition.location)),
  );
  // "Contact.cdm.json/Contact" names the document Contact.cdm.json and the entity inside it.
  const documents = present(
    parsed.data.entities.map((entity) => entity.entityPath?.replace(/(\.cdm\.json)\/[^/]*$/, '$1')),
  );
  return { ok: true, parts: { partitions, documents } };
}

/** The location's path as segments: URL host and query dropped, an adapter prefix dropped. */
export function locationSegments(location: string): string[] {
  let pathText = location;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    try {
      pathText = new URL(location).pathname;
    } catch {
      pathText = location;
    }
  } else {
    pathText = location.replace(/^[a-z][a-z0-9-]*:(?=\/)/i, ''); // "adls:/container/x.csv"
  }
  return pathText
    .split(/[\\/]/)
    .filter((segment) => segment !== '' && segment !== '.')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/**
 * The file below the export folder that a location names, as a '/'-separated relative path, or
 * undefined when none is there yet. `relativeFiles` holds every file below the folder.
 */
export function matchLocation(
  location: string,
  relativeFiles: ReadonlySet<string>,
): string | undefined {
  const segments = locationSegments(location);
  for (let start = 0; start < segments.length; start += 1) {
    const tail = segments.slice(start).join('/');
    if (relativeFiles.has(tail)) return tail;
  }
  return undefined;
}

/** A short name for a missing part in a sentence: its file name. */
export function partLabel(location: string): string {
  return locationSegments(location).at(-1) ?? location;
}
