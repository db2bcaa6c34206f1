import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { parserNewline } from './delimiter-detection';
import type { SniffedFormat } from './format-sniffing';
import { ChunkParser } from './parse-text';
import type { ReadSegmentOptions, RowSink } from './read-types';
import { RowAssembler, type AssembledSegment } from './row-assembler';
import { nulCharacter, unclosedQuote } from './structure-errors';
import {
  createDecoder,
  isDecodingError,
  TextDecodingFailure,
  type StreamingDecoder,
} from './text-decoding';

/**
 * 128 KiB per read: each slice is a few milliseconds of work, so the main process stays
 * responsive, and the rows alive at any moment stay few (measured: faster and leaner than 512 KiB).
 */
const readChunkBytes = 128 * 1024;
/** A row this long without its end is a quote that never closes (it cannot be read as rows). */
const runawayQuoteChars = 4 * 1024 * 1024;

/** Beyond this the index grows as it goes (2 GB of very short rows). */
const maxEstimatedRows = 30_000_000;

export interface Pass {
  readonly assembled: AssembledSegment | null;
  readonly sha256: string;
  readonly bytes: number;
}

function lineBreaksBefore(text: string, end: number, breakChar: string): number {
  let count = 0;
  for (
    let at = text.indexOf(breakChar);
    at !== -1 && at < end;
    at = text.indexOf(breakChar, at + 1)
  ) {
    count += 1;
  }
  return count;
}

/**
 * One full read of a file in one encoding: bytes are hashed, handed to the sink (waiting when it
 * is behind) and decoded strictly, the text goes through papaparse, and the rows are numbered,
 * checked and validated.
 */
class ReadPass {
  private readonly hash = createHash('sha256');
  private readonly breakChar: '\n' | '\r';
  private readonly parser: ChunkParser;
  private readonly assembler: RowAssembler;
  private bytesRead = 0;
  private pendingDrain: Promise<void> | null = null;
  private estimated = false;

  constructor(
    private readonly options: ReadSegmentOptions,
    private readonly format: SniffedFormat,
    private readonly totalBytes: number,
    private readonly sink: RowSink,
  ) {
    this.breakChar = parserNewline(format.newline);
    this.parser = new ChunkParser(format.delimiter, this.breakChar);
    this.assembler = new RowAssembler(null, {
      fileName: this.fileName,
      newline: format.newline,
      delimiter: format.delimiter,
      header: options.overrides?.noHeader ? 'absent' : 'auto',
      skipRows: format.skipRows,
      columnNames: options.overrides?.columnNames,
    });
  }

  private get fileName(): string {
    return this.options.fileName ?? path.basename(this.options.sourcePath);
  }

  async run(): Promise<Pass> {
    const decoder = createDecoder(this.format.encoding, true);
    const source = createReadStream(this.options.sourcePath, { highWaterMark: readChunkBytes });
    for await (const chunk of source) {
      const bytes = chunk as Buffer;
      this.hash.update(bytes);
      this.bytesRead += bytes.length;
      if (!this.sink.copy(bytes)) this.pendingDrain = this.sink.drained();
      this.feed(this.decode(decoder, bytes, true), false);
      if (this.pendingDrain) await this.pendingDrain;
      this.pendingDrain = null;
      this.options.onProgress?.({
        bytesRead: this.bytesRead,
        totalBytes: this.totalBytes,
        rows: this.assembler.keptRows,
      });
    }
    this.feed(this.decode(decoder, undefined, false), true);
    const assembled = this.assembler.finish();
    if (this.pendingDrain) await this.pendingDrain;
    return { assembled, sha256: this.hash.digest('hex'), bytes: this.bytesRead };
  }

  /** Parses the rows a piece of text completes and hands them on. */
  private feed(text: string, last: boolean): void {
    const nul = text.indexOf('\u0000');
    if (nul !== -1) throw nulCharacter(this.fileName, this.lineAt(text, nul));
    const parsed = this.parser.parse(text, last);
    if (parsed.rows.length > 0) {
      if (!this.estimated) this.estimateRows(parsed.rows.length);
      this.assembler.push(parsed.rows, parsed.issues, parsed.singleLine);
    }
    if (this.parser.pending.length > runawayQuoteChars) {
      throw unclosedQuote(this.fileName, this.assembler.currentLine);
    }
  }

  /** From the first chunk's rows, how many the whole file holds (a little more, to be safe). */
  private estimateRows(firstRows: number): void {
    this.estimated = true;
    const estimate = Math.ceil((firstRows * this.totalBytes * 1.05) / Math.max(this.bytesRead, 1));
    this.assembler.expectRows(Math.min(estimate, maxEstimatedRows));
  }

  /** Decodes strictly: bytes invalid in the encoding stop the pass, saying about where. */
  private decode(decoder: StreamingDecoder, bytes: Buffer | undefined, stream: boolean): string {
    try {
      return decoder.decode(bytes, { stream });
    } catch (error) {
      if (!isDecodingError(error)) throw error;
      throw new TextDecodingFailure(this.lineAt('', 0));
    }
  }

  /** The line of an offset in text not yet given to the parser. */
  private lineAt(text: string, offset: number): number {
    const pending = this.parser.pending;
    return (
      this.assembler.currentLine +
      lineBreaksBefore(pending, pending.length, this.breakChar) +
      lineBreaksBefore(text, offset, this.breakChar)
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
