import type { SegmentEncoding } from '../../shared/segments/import-report';
import type { SniffedFormat } from './format-sniffing';
import { readPass, type Pass } from './read-pass';
import type { ReadSegmentOptions, RowSink } from './read-types';
import { invalidTextBytes, mixedEncodings } from './structure-errors';
import { TextDecodingFailure } from './text-decoding';
import { takeUtf8Census } from './utf8-census';

/**
 * The encoding is decided on the whole file, never on its start alone (issue 12 item 4). A file
 * that is UTF-8 at first and has one bad byte later is not Windows-1252: re-reading it so would
 * turn every earlier accented name into "JosÃ©". So a file is read as Windows-1252 only when it
 * holds no UTF-8 character at all; a file that mixes the two is refused with both lines, and the
 * person can still choose the encoding on the card. Refusing, rather than reading on with U+FFFD
 * in the bad lines, keeps garbled names from ever reaching Autopilot.
 */

const encodingNames: Record<SegmentEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
};

interface CheckedPass {
  readonly pass: Pass;
  readonly format: SniffedFormat;
}

function breakByte(format: SniffedFormat): number {
  return format.newline === '\r' ? 0x0d : 0x0a;
}

/**
 * A file guessed to be Windows-1252 from its start must hold no UTF-8 character anywhere (and one
 * that turns out valid UTF-8 throughout is read as UTF-8).
 */
async function confirmWindows1252(
  options: ReadSegmentOptions,
  fileName: string,
  format: SniffedFormat,
): Promise<SniffedFormat> {
  const census = await takeUtf8Census(options.sourcePath, breakByte(format));
  if (census.firstInvalidLine === null) {
    return { ...format, encoding: 'utf-8', utf8Guessed: true, windows1252Guessed: false };
  }
  if (census.firstUtf8Line !== null) {
    throw mixedEncodings(fileName, census.firstUtf8Line, census.firstInvalidLine);
  }
  return format;
}

/** After a strict pass stopped at bytes its encoding does not allow: refuse, or read as 1252. */
async function afterBadBytes(
  failure: TextDecodingFailure,
  options: ReadSegmentOptions,
  fileName: string,
  format: SniffedFormat,
): Promise<SniffedFormat> {
  if (format.encoding !== 'utf-8') {
    throw invalidTextBytes(fileName, failure.line, encodingNames[format.encoding]);
  }
  const census = await takeUtf8Census(options.sourcePath, breakByte(format));
  const badLine = census.firstInvalidLine ?? failure.line;
  if (!format.utf8Guessed) throw invalidTextBytes(fileName, badLine, 'UTF-8');
  if (census.firstUtf8Line !== null) throw mixedEncodings(fileName, census.firstUtf8Line, badLine);
  return { ...format, encoding: 'windows-1252', utf8Guessed: false };
}

/**
 * Runs the read pass in the encoding the file's start suggested, checked against the whole file:
 * a Windows-1252 guess is confirmed first; a UTF-8 guess that meets a bad byte is read again as
 * Windows-1252 only when nothing before or after it was UTF-8.
 */
export async function readInCheckedEncoding(
  options: ReadSegmentOptions,
  fileName: string,
  sniffed: SniffedFormat,
  totalBytes: number,
  sink: RowSink,
): Promise<CheckedPass> {
  const format = sniffed.windows1252Guessed
    ? await confirmWindows1252(options, fileName, sniffed)
    : sniffed;
  try {
    return { pass: await readPass(options, format, totalBytes, sink), format };
  } catch (error) {
    if (!(error instanceof TextDecodingFailure)) throw error;
    const fallback = await afterBadBytes(error, options, fileName, format);
    await sink.reset();
    return { pass: await readPass(options, fallback, totalBytes, sink), format: fallback };
  }
}
