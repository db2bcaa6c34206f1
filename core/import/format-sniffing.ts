import type { SegmentDelimiter, SegmentEncoding } from '../../shared/segments/import-report';
import {
  detectBinary,
  detectBom,
  guessUtf16WithoutBom,
  isValidUtf8,
  textLooksBinary,
  type BinaryKind,
} from './byte-sniff';
import { detectDelimiter, detectNewline, type Newline } from './delimiter-detection';
import { ImportError } from './import-error';
import { readSeparatorHint } from './separator-hint';
import { createDecoder } from './text-decoding';

export interface FormatOverrides {
  readonly encoding?: SegmentEncoding;
  readonly delimiter?: SegmentDelimiter;
  /** The first row is data, not a header (`--no-header`): columns are "Column 1", "Column 2"... */
  readonly noHeader?: boolean;
  /**
   * Names the person gave the columns of a file without a header row (issue 14, item 2), in
   * order; a blank or missing one stays "Column N". Ignored when the file has a header row.
   */
  readonly columnNames?: readonly string[];
}

export interface SniffedFormat {
  readonly encoding: SegmentEncoding;
  readonly hasBom: boolean;
  /**
   * UTF-8 chosen because the start was valid: a later invalid byte switches to Windows-1252 only
   * when the file holds no UTF-8 character at all (encoding-checks.ts).
   */
  readonly utf8Guessed: boolean;
  /** Windows-1252 chosen because the start was not UTF-8: the whole file is checked first. */
  readonly windows1252Guessed?: boolean;
  readonly delimiter: SegmentDelimiter;
  readonly newline: Newline;
  /** Lines before the table that are not data: 1 for Excel's `sep=` hint (none when absent). */
  readonly skipRows?: number;
}

function notText(fileName: string, kind: BinaryKind): ImportError {
  const why =
    kind === 'spreadsheet'
      ? 'It looks like an Excel or spreadsheet workbook. In Excel choose File › Save As › "CSV UTF-8", then drop the CSV file here.'
      : kind === 'pdf'
        ? 'It is a PDF document. Export the segment as a CSV or text file instead.'
        : 'Drop a CSV, TSV or TXT export of your segment instead.';
  return new ImportError(
    'not-text',
    `“${fileName}” is not a text file Segment Courier can read. ${why}`,
    {
      fileName,
      kind,
    },
  );
}

function chooseEncoding(
  head: Uint8Array,
  isWholeFile: boolean,
  fileName: string,
  forced: SegmentEncoding | undefined,
): Pick<SniffedFormat, 'encoding' | 'hasBom' | 'utf8Guessed' | 'windows1252Guessed'> {
  const bom = detectBom(head);
  if (forced) return { encoding: forced, hasBom: bom?.encoding === forced, utf8Guessed: false };
  if (bom) return { encoding: bom.encoding, hasBom: true, utf8Guessed: false };
  const utf16 = guessUtf16WithoutBom(head);
  if (utf16) return { encoding: utf16, hasBom: false, utf8Guessed: false };
  const binary = detectBinary(head);
  if (binary) throw notText(fileName, binary);
  return isValidUtf8(head, isWholeFile)
    ? { encoding: 'utf-8', hasBom: false, utf8Guessed: true }
    : { encoding: 'windows-1252', hasBom: false, utf8Guessed: false, windows1252Guessed: true };
}

/** The head without its last, probably cut, line (unless it is the whole file). */
function completeLines(text: string, isWholeFile: boolean): string {
  if (isWholeFile) return text;
  const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return end > 0 ? text.slice(0, end) : text;
}

/**
 * Reads the encoding, delimiter and line ending off the first bytes of a file, honouring the
 * person's overrides. Throws ImportError('not-text') for binary files.
 */
export function sniffFormat(
  head: Uint8Array,
  isWholeFile: boolean,
  fileName: string,
  overrides: FormatOverrides = {},
): SniffedFormat {
  const chosen = chooseEncoding(head, isWholeFile, fileName, overrides.encoding);
  const sample = completeLines(
    createDecoder(chosen.encoding, false).decode(head, { stream: !isWholeFile }),
    isWholeFile,
  );
  if (chosen.encoding.startsWith('utf-16') && !overrides.encoding && textLooksBinary(sample)) {
    throw notText(fileName, 'other');
  }
  const newline = detectNewline(sample);
  const hint = readSeparatorHint(sample);
  return {
    ...chosen,
    newline,
    delimiter: overrides.delimiter ?? hint?.delimiter ?? detectDelimiter(sample, newline),
    skipRows: hint ? 1 : 0,
  };
}
