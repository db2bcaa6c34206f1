import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SegmentEncoding } from '../../../../shared/segments/import-report';
import { detectNewline } from '../../delimiter-detection';
import { ImportError } from '../../import-error';
import { ChunkParser } from '../../parse-text';
import { stripLineEndCr } from '../../row-assembler';
import { createDecoder } from '../../text-decoding';
import type { TableFileWriter } from '../table-file-writer';
import type { CdmEntity, CdmPartition, CdmSchema } from './cdm-schema';

/**
 * Finds and reads an entity's partitions. Locations are URLs of the storage account the export
 * went to; on the person's disk the same files sit below the export folder, so the longest tail
 * of the URL's path that exists there is the part. Parts outside the folder are never read.
 */

function locationSegments(location: string): string[] {
  let pathname = location;
  if (/^[a-z][a-z0-9+.-]*:/i.test(location)) {
    try {
      pathname = new URL(location).pathname;
    } catch {
      pathname = location.replace(/^[a-z][a-z0-9+.-]*:/i, '');
    }
  }
  return pathname
    .split(/[\\/]/)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

async function isFile(candidate: string): Promise<boolean> {
  return (await stat(candidate).catch(() => null))?.isFile() ?? false;
}

export async function locatePart(folder: string, partition: CdmPartition): Promise<string | null> {
  const segments = locationSegments(partition.location);
  for (let start = 0; start < segments.length; start += 1) {
    const candidate = path.join(folder, ...segments.slice(start));
    const inside = !path.relative(folder, candidate).startsWith('..');
    if (inside && (await isFile(candidate))) return candidate;
  }
  return null;
}

function partLabel(partition: CdmPartition): string {
  return locationSegments(partition.location).pop() ?? partition.name;
}

export function partMissing(schema: CdmSchema, partition: CdmPartition): ImportError {
  const part = partLabel(partition);
  return new ImportError(
    'cdm-part-missing',
    `The Customer Insights export “${schema.name}” lists the part “${part}”, but it is not in the folder, so nothing was imported. Copy the whole export folder again, with every part of the latest run.`,
    { fileName: schema.name, part },
  );
}

function wrongColumns(
  schema: CdmSchema,
  partition: CdmPartition,
  line: number,
  found: number,
  expected: number,
) {
  const part = partLabel(partition);
  return new ImportError(
    'cdm-part-columns',
    `Line ${line} of the part “${part}” of “${schema.name}” has ${found} values, but the schema names ${expected} columns, so nothing was imported. The part may be from another export run: copy the export folder again.`,
    { fileName: schema.name, part, line, found, expected },
  );
}

const encodings: Record<string, SegmentEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

async function* decodedPart(filePath: string, encoding: SegmentEncoding): AsyncGenerator<string> {
  const decoder = createDecoder(encoding, false);
  for await (const chunk of createReadStream(filePath, { highWaterMark: 128 * 1024 })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

async function firstText(filePath: string, encoding: SegmentEncoding): Promise<string> {
  for await (const text of decodedPart(filePath, encoding)) return text.slice(0, 64 * 1024);
  return '';
}

/** Appends one part's rows to the table, each checked against the schema's column count. */
export async function copyPart(
  schema: CdmSchema,
  entity: CdmEntity,
  partition: CdmPartition,
  filePath: string,
  writer: TableFileWriter,
): Promise<void> {
  const encoding = encodings[partition.format.encoding] ?? 'utf-8';
  const newline = detectNewline(await firstText(filePath, encoding));
  // As in the CSV pass: CRLF parts are split on LF and the CR dropped, so mixed endings never merge.
  const breakChar = newline === '\r' ? '\r' : '\n';
  const parser = new ChunkParser(partition.format.delimiter as ',', breakChar);
  const state = { line: 0, skipHeader: partition.format.columnHeaders };
  const take = (row: string[]) => {
    if (row.length !== entity.attributes.length) {
      throw wrongColumns(schema, partition, state.line, row.length, entity.attributes.length);
    }
    return writer.write(row);
  };
  for await (const text of decodedPart(filePath, encoding)) {
    await copyRows(parser.parse(text, false).rows, state, breakChar, take);
  }
  await copyRows(parser.parse('', true).rows, state, breakChar, take);
}

/** Hands each data row on (blank lines and the part's own header skipped), waiting when asked. */
async function copyRows(
  rows: string[][],
  state: { line: number; skipHeader: boolean },
  breakChar: '\n' | '\r',
  write: (row: string[]) => Promise<void> | null,
): Promise<void> {
  for (const row of rows) {
    state.line += 1;
    if (breakChar === '\n') stripLineEndCr(row);
    if (row.length === 1 && row[0] === '') continue;
    if (state.skipHeader) {
      state.skipHeader = false;
      continue;
    }
    const wait = write(row);
    if (wait) await wait;
  }
}
