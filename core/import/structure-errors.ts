import { delimiterNames, type SegmentDelimiter } from '../../shared/segments/import-report';
import { ImportError } from './import-error';

/**
 * The ways a file's structure can be broken so badly that reading on would hand other rows to the
 * wrong contact (issue 12): refused whole, naming the line, so nothing half-read is ever sent.
 */

/**
 * Excel holds at most 32,767 characters in a cell, and Autopilot's text fields far fewer: a longer
 * value was never one cell of a segment, it is rows run together.
 */
export const longestValueChars = 32_767;

export function unclosedQuote(fileName: string, line: number): ImportError {
  return new ImportError(
    'unclosed-quote',
    `Line ${line} of “${fileName}” opens a quoted value (") that never closes, so the rest of the file cannot be read as rows. Fix that line and export the file again.`,
    { fileName, line },
  );
}

export function swallowedRows(fileName: string, line: number, endLine: number): ImportError {
  return new ImportError(
    'swallowed-rows',
    `Line ${line} of “${fileName}” opens a quoted value (") that runs on to line ${endLine} and takes in the rows between, so a quote is missing or extra there. Fix that line and export the file again.`,
    { fileName, line, endLine },
  );
}

export function valueTooLong(fileName: string, line: number, length: number): ImportError {
  const shown = length.toLocaleString('en-US');
  return new ImportError(
    'value-too-long',
    `Line ${line} of “${fileName}” holds a value of ${shown} characters, longer than any real field, so rows have run together there (usually a quote (") that is missing or extra). Fix that line and export the file again.`,
    { fileName, line, length: shown },
  );
}

export function invalidTextBytes(fileName: string, line: number, encoding: string): ImportError {
  return new ImportError(
    'invalid-text-bytes',
    `Line ${line} of “${fileName}” has bytes that are not valid ${encoding} text, though the file is read as ${encoding}. Save the export again as "CSV UTF-8", or choose its encoding, and import it again.`,
    { fileName, line, encoding },
  );
}

export function mixedEncodings(fileName: string, utf8Line: number, otherLine: number): ImportError {
  return new ImportError(
    'mixed-encodings',
    `“${fileName}” mixes two text encodings: line ${utf8Line} is written in UTF-8 but line ${otherLine} is not, so some names would come out garbled. Save the export again as "CSV UTF-8", or choose its encoding, and import it again.`,
    { fileName, utf8Line, otherLine },
  );
}

export function nulCharacter(fileName: string, line: number): ImportError {
  return new ImportError(
    'nul-character',
    `Line ${line} of “${fileName}” holds a zero byte (NUL), which a text export never has: the file is damaged or not all text. Export the segment again and import the new file.`,
    { fileName, line },
  );
}

/** Every row was set aside for its number of values: most likely the wrong separator. */
export function noFittingRows(
  fileName: string,
  rows: number,
  fieldCount: number,
  delimiter: SegmentDelimiter,
): ImportError {
  const separator = delimiterNames[delimiter];
  const shownRows = rows.toLocaleString('en-US');
  return new ImportError(
    'no-fitting-rows',
    `None of the ${shownRows} rows of “${fileName}” has the ${fieldCount} values its header has, so none can be read as a contact. The separator is probably not the ${separator}: choose another one, or check the file.`,
    { fileName, rows: shownRows, fieldCount, separator },
  );
}
