import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { sniffFormat, type FormatOverrides } from './format-sniffing';
import { ImportError } from './import-error';
import { readInCheckedEncoding } from './encoding-checks';
import { prepareSource, type PreparedSource } from './sources/prepare-source';
import {
  discardingSink,
  type ReadSegment,
  type ReadSegmentOptions,
  type RowSink,
} from './read-types';
import { noFittingRows } from './structure-errors';

const headBytes = 64 * 1024;

async function readHead(sourcePath: string, size: number): Promise<Buffer> {
  const handle = await open(sourcePath, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size, headBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a segment file end to end, streaming: detects its format, decodes it in an encoding
 * checked against the whole file (encoding-checks.ts), parses it with papaparse, validates every row
 * and hands the rows to the sink. Throws ImportError with a plain-language message for files that
 * cannot be segments.
 */
export async function readSegmentFile(
  options: ReadSegmentOptions,
  sink: RowSink = discardingSink,
): Promise<ReadSegment> {
  const fileName = options.fileName ?? path.basename(options.sourcePath);
  const prepared = await prepareSource({
    sourcePath: options.sourcePath,
    fileName,
    choice: options.choice,
    workFolder: options.workFolder,
    limits: options.archiveLimits,
  });
  try {
    return await readPrepared(options, fileName, prepared, sink);
  } finally {
    await prepared.dispose();
  }
}

/** Rewritten tables (workbooks, export folders) are always UTF-8 and comma-separated. */
const rewrittenFormat: FormatOverrides = { encoding: 'utf-8', delimiter: ',' };

/** The CSV pass over the prepared text: the file itself, or its unpacked or rewritten copy. */
async function readPrepared(
  original: ReadSegmentOptions,
  fileName: string,
  prepared: PreparedSource,
  sink: RowSink,
): Promise<ReadSegment> {
  const options: ReadSegmentOptions = {
    ...original,
    sourcePath: prepared.textPath,
    fileName,
    overrides: prepared.rewritten ? rewrittenFormat : original.overrides,
  };
  const info = await stat(prepared.textPath);
  if (info.size === 0) throw emptyFile(fileName);
  const head = await readHead(prepared.textPath, info.size);
  const sniffed = sniffFormat(head, info.size <= head.length, fileName, options.overrides);
  const { pass, format } = await readInCheckedEncoding(options, fileName, sniffed, info.size, sink);
  const { assembled } = pass;
  if (assembled === null) throw emptyFile(fileName);
  const { rows, wrongFieldCount } = assembled.report.counts;
  if (rows === 0 && wrongFieldCount > 0) {
    throw noFittingRows(fileName, wrongFieldCount, assembled.columns.length, format.delimiter);
  }
  if (rows === 0) {
    throw new ImportError(
      'no-rows',
      `“${fileName}” has a header line but no rows of data under it. Check that the export finished, then try again.`,
      { fileName },
    );
  }
  return {
    source: {
      path: path.resolve(original.sourcePath),
      fileName,
      size: prepared.size,
      sha256: pass.sha256,
      modifiedAt: prepared.modifiedAt.toISOString(),
    },
    format: { encoding: format.encoding, delimiter: format.delimiter, hasBom: format.hasBom },
    columns: assembled.columns,
    hasHeader: assembled.hasHeader,
    table: {
      bytes: pass.bytes,
      newline: format.newline,
      skipRows: format.skipRows ?? 0,
      header: assembled.hasHeader,
    },
    emailColumn: assembled.emailColumn,
    report: assembled.report,
    shape: prepared.shape,
  };
}

function emptyFile(fileName: string): ImportError {
  return new ImportError(
    'empty-file',
    `“${fileName}” is empty: there is nothing to import. Export the segment again and drop the new file.`,
    { fileName },
  );
}
