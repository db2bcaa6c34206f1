import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { SegmentDelimiter } from '../../shared/segments/import-report';
import type { Newline } from './delimiter-detection';
import type { ParseIssue } from './row-assembler';

export interface ParseTextOptions {
  readonly delimiter: SegmentDelimiter;
  readonly newline: Newline;
  /**
   * Receives each batch of rows and where in the text the batch ends (papaparse's cursor);
   * answers a promise when the caller needs the parse to wait.
   */
  readonly onRows: (
    rows: string[][],
    issues: readonly ParseIssue[],
    cursor: number,
  ) => Promise<void> | null;
}

/**
 * Streams decoded text through papaparse. Papaparse sees only text, never bytes. When onRows asks
 * to wait (the snapshot file is writing behind), the text source is paused rather than papaparse
 * itself, whose own pause and resume re-parse the leftover in chunk mode.
 */
export function parseText(text: AsyncIterable<string>, options: ParseTextOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const source = Readable.from(text, { objectMode: true });
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      source.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    Papa.parse<string[], Readable>(source, {
      delimiter: options.delimiter,
      newline: options.newline,
      skipEmptyLines: false,
      chunk(results) {
        if (failed) return;
        try {
          const issues = results.errors.map((error) => ({ row: error.row ?? 0, code: error.code }));
          const wait = options.onRows(results.data, issues, results.meta.cursor);
          if (wait) {
            source.pause();
            wait.then(() => source.resume(), fail);
          }
        } catch (error) {
          fail(error);
        }
      },
      complete: () => {
        if (!failed) resolve();
      },
      error: (error: Error) => fail(error),
    });
  });
}
