import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { SniffedFormat } from './format-sniffing';
import type { ImportError } from './import-error';
import { parseText } from './parse-text';
import type { ReadSegmentOptions, RowSink } from './read-segment-file';
import { parserNewline } from './delimiter-detection';
import { RowAssembler, type AssembledSegment, type ParseIssue } from './row-assembler';
import { nulCharacter, unclosedQuote } from './structure-errors';
import {
  createDecoder,
  isDecodingError,
  TextDecodingFailure,
  type StreamingDecoder,
} from './text-decoding';
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
  private readonly breakChar: '\n' | '\r';
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
    this.breakChar = parserNewline(format.newline);
    this.assembler = new RowAssembler(
      (batch) => {
        this.rows += batch.length;
        if (!sink.write(batch)) this.pendingDrain = sink.drained();
      },
      {
        fileName: this.fileName,
        newline: format.newline,
        delimiter: format.delimiter,
        header: options.overrides?.noHeader ? 'absent' : 'auto',
        skipRows: format.skipRows,
      },
    );
  }

  private get fileName(): string {
    return this.options.fileName ?? path.basename(this.options.sourcePath);
  }

  async run(): Promise<Pass> {
    await parseText(this.decodedText(), {
      delimiter: this.format.delimiter,
      newline: this.breakChar,
      onRows: (batch, issues, cursor) => this.onRows(batch, issues, cursor),
    });
    const assembled = this.assembler.finish();
    if (this.pendingDrain) await this.pendingDrain;
    return { assembled, sha256: this.hash.digest('hex') };
  }

  private async *decodedText(): AsyncGenerator<string> {
    const decoder = createDecoder(this.format.encoding, true);
    const source = createReadStream(this.options.sourcePath, { highWaterMark: readChunkBytes });
    for await (const chunk of source) {
      const bytes = chunk as Buffer;
      this.hash.update(bytes);
      const text = this.decode(decoder, bytes, true);
      this.bytesRead += bytes.length;
      this.charsSinceRow += text.length;
      if (this.charsSinceRow > runawayQuoteChars) throw this.unclosedQuote();
      this.options.onProgress?.({
        bytesRead: this.bytesRead,
        totalBytes: this.totalBytes,
        rows: this.rows,
      });
      this.take(text);
      if (text.length > 0) yield text;
    }
    const rest = this.decode(decoder, undefined, false);
    this.take(rest);
    this.window.end();
    if (rest.length > 0) yield rest;
  }

  /** Decodes strictly: bytes invalid in the encoding stop the pass, saying about where. */
  private decode(decoder: StreamingDecoder, bytes: Buffer | undefined, stream: boolean): string {
    try {
      return decoder.decode(bytes, { stream });
    } catch (error) {
      if (!isDecodingError(error)) throw error;
      throw new TextDecodingFailure(this.lineAt(this.window.length));
    }
  }

  /** Adds decoded text to the window; a NUL in it (never in a text export) stops the read. */
  private take(text: string): void {
    this.window.append(text);
    const nul = text.indexOf('\u0000');
    if (nul !== -1) {
      throw nulCharacter(this.fileName, this.lineAt(this.window.length - text.length + nul));
    }
  }

  /** The line of a text offset not yet given to the parser. */
  private lineAt(offset: number): number {
    const breaks = this.window.countBreaks(this.consumed, offset, this.breakChar, Infinity);
    return this.assembler.currentLine + breaks;
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
    return unclosedQuote(this.fileName, this.assembler.currentLine);
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
