import type {
  ImportCounts,
  ImportProblem,
  SegmentDelimiter,
  SegmentEncoding,
} from '../../../shared/segments/import-report';
import { encodeText, type CorpusEncoding } from './encode-text';

/** A corpus file: how to make its bytes, and exactly what importing it must give. */
export interface ExpectedImport {
  readonly encoding: SegmentEncoding;
  readonly hasBom: boolean;
  readonly delimiter: SegmentDelimiter;
  readonly columns: readonly string[];
  readonly emailColumn: string | null;
  readonly counts: ImportCounts;
  /** Line each data row starts on, when the case is about line numbers. */
  readonly lines?: readonly number[];
  /** The whole problem list, when the case is about problems. */
  readonly problems?: readonly ImportProblem[];
  /** Data rows (by index) whose decoded cells must come out exactly so. */
  readonly rows?: Readonly<Record<number, readonly string[]>>;
  /** Auto-matched standard fields. */
  readonly standard?: Readonly<Record<string, string>>;
}

export interface CorpusCase {
  readonly name: string;
  readonly fileName: string;
  readonly bytes: () => Buffer;
  readonly expected: ExpectedImport;
}

export interface BrokenCase {
  readonly name: string;
  readonly fileName: string;
  readonly bytes: () => Buffer;
  readonly error: string;
  /** What the error must say, when the case is about where (the line) or why. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export function file(
  lines: readonly string[],
  newline: string,
  encoding: CorpusEncoding,
): () => Buffer {
  return () => encodeText(lines.join(newline) + newline, encoding);
}

export function counts(partial: Partial<ImportCounts> & { rows: number }): ImportCounts {
  return { valid: 0, invalid: 0, blank: 0, duplicates: 0, wrongFieldCount: 0, ...partial };
}
