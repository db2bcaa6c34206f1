import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { SniffedFormat } from './format-sniffing';
import { ImportError } from './import-error';
import { parseText } from './parse-text';
import type { ReadSegmentOptions, RowSink } from './read-segment-file';
import { RowAssembler, type AssembledSegment, type ParseIssue } from './row-assembler';
import { createDecoder } from './text-decoding';
import { TextWindow } from './text-window';

/**
 * 128 KiB per read: each slice is a few milliseconds of work, so the main process stays
 * responsive, and the rows alive at any moment stay few (measured: faster and leaner than 512 KiB).
 */
const readChunkBytes = 128 * 1024;
/** A quoted value this long without a row ending is a quote that never closes. */
const runawayQuoteChars = 4 * 1024 * 1024;

export interface Pass {
  readonly assembled: AssembledSegment | null;
  readonly sha256: string;
}

/**
 * One full read of a file in one encoding: bytes are hashed and decoded, the text goes through
 * papaparse, the rows are numbered, validated and handed to the sink, waiting when it is behind.
 */
class ReadPass {
  private readonly hash = createHash('sha256');
  private readonly window = new TextWindow();
  private readonly breakChar: string;
  private readonly assembler: RowAssembler;
  private rows = 0;
  private bytesRead = 0;
  private charsSinceRow = 0;
  private consumed = 0;
  private pendingDrain: Promise<void> | null = null;

  constructor(
    private readonly options: ReadSegmentOptions,
    private readonly format: SniffedFormat,
    private readonly totalBytes: number,
    private readonly sink: RowSink,
  ) {
    this.breakChar = format.newline === '\r' ? '\r' : '\n';
    this.assembler = new RowAssembler((batch) => {
      this.rows += batch.length;
      if (!sink.write(batch)) this.pendingDrain = sink.drained();
    }, format.newline);
  }

  async run(): Promise<Pass> {
    await parseText(this.decodedText(), {
      delimiter: this.format.delimiter,
      newline: this.format.newline,
      onRows: (batch, issues, cursor) => this.onRows(batch, issues, cursor),
    });
    const assembled = this.assembler.finish();
    if (this.pendingDrain) await this.pendingDrain;
    return { assembled, sha256: this.hash.digest('hex') };
  }

  private async *decodedText(): AsyncGenerator<string> {
    const decoder = createDecoder(this.format.encoding, this.format.utf8Guessed);
    const source = createReadStream(this.options.sourcePath, { highWaterMark: readChunkBytes });
    for await (const chunk of source) {
      const bytes = chunk as Buffer;
      this.hash.update(bytes);
      const text = decoder.decode(bytes, { stream: true });
      this.bytesRead += bytes.length;
      this.charsSinceRow += text.length;
      if (this.charsSinceRow > runawayQuoteChars) throw this.unclosedQuote();
      this.options.onProgress?.({
        bytesRead: this.bytesRead,
        totalBytes: this.totalBytes,
        rows: this.rows,
      });
      this.window.append(text);
      if (text.length > 0) yield text;
    }
    const rest = decoder.decode();
    this.window.append(rest);
    this.window.end();
    if (rest.length > 0) yield rest;
  }

  private onRows(batch: string[][], issues: readonly ParseIssue[], cursor: number) {
    if (batch.length > 0) this.charsSinceRow = 0;
    const singleLine = this.singleLineRows(this.consumed, cursor, batch.length);
    this.consumed = cursor;
    this.window.release(cursor);
    this.assembler.push(batch, issues, singleLine);
    const wait = this.pendingDrain;
    this.pendingDrain = null;
    return wait;
  }

  /**
   * Whether no row of a batch spans several lines: its text holds exactly one line break per row
   * (but the parser's last row, which has none). Then line numbers simply count up, and the
   * cells need no scan.
   */
  private singleLineRows(from: number, to: number, rows: number): boolean {
    if (rows === 0) return false;
    const expected = this.window.isLast(to) ? rows - 1 : rows;
    return this.window.countBreaks(from, to, this.breakChar, expected) === expected;
  }

  private unclosedQuote(): ImportError {
    const fileName = this.options.fileName ?? path.basename(this.options.sourcePath);
    const line = this.assembler.currentLine;
    return new ImportError(
      'unclosed-quote',
      `Line ${line} of “${fileName}” opens a quoted value (") that never closes, so the rest of the file cannot be read as rows. Fix that line and export the file again.`,
      { fileName, line },
    );
  }
}

export function readPass(
  options: ReadSegmentOptions,
  format: SniffedFormat,
  totalBytes: number,
  sink: RowSink,
): Promise<Pass> {
  return new ReadPass(options, format, totalBytes, sink).run();
}
