import type { SnapshotManifest, SnapshotRow, SnapshotTable } from '../segments/snapshot-format';
import { parserNewline } from './delimiter-detection';
import { isBlankRow, isEmptyLine } from './header-rules';
import { ChunkParser } from './parse-text';
import { lineBreaksIn, stripLineEndCr } from './row-assembler';
import { createDecoder, type StreamingDecoder } from './text-decoding';

/**
 * The import's row walk without its checks (row-assembler.ts): the same line numbers, the lines
 * before the table and the header skipped, blank rows skipped, and only rows with the header's
 * number of values kept. The import already refused any text this walk could not read.
 */
class TableWalk {
  private nextLine = 1;
  private skipRows: number;
  private started = false;
  private readonly breakChar: '\n' | '\r';
  private readonly stripCr: boolean;

  constructor(
    private readonly table: SnapshotTable,
    private readonly columnCount: number,
  ) {
    this.breakChar = parserNewline(table.newline);
    this.stripCr = table.newline !== '\r';
    this.skipRows = table.skipRows;
  }

  /** The rows of one parse result that a snapshot holds. */
  take(rows: readonly string[][], singleLine: boolean): SnapshotRow[] {
    const kept: SnapshotRow[] = [];
    for (let index = 0; index < rows.length; index += 1) {
      const cells = rows[index] ?? [''];
      const line = this.nextLine;
      this.nextLine += singleLine ? 1 : 1 + lineBreaksIn(cells, this.breakChar);
      if (this.stripCr) stripLineEndCr(cells);
      if (this.skipRows > 0) {
        this.skipRows -= 1;
      } else if (!this.started) {
        if (isEmptyLine(cells)) continue;
        this.started = true;
        if (!this.table.header) kept.push({ line, cells });
      } else if (cells.length === this.columnCount && !isBlankRow(cells)) {
        kept.push({ line, cells });
      }
    }
    return kept;
  }
}

/**
 * A format 2 snapshot's rows (snapshot-format.ts), from its copy of the text given a slice at a
 * time: decoded, parsed and walked as the import did, so memory stays bounded.
 */
export class TableReplay {
  private readonly decoder: StreamingDecoder;
  private readonly parser: ChunkParser;
  private readonly walk: TableWalk;

  constructor(manifest: SnapshotManifest & { readonly table: SnapshotTable }) {
    const { table, format } = manifest;
    this.decoder = createDecoder(format.encoding, true);
    this.parser = new ChunkParser(format.delimiter, parserNewline(table.newline));
    this.walk = new TableWalk(table, manifest.columns.length);
  }

  /** The rows the next slice completes. */
  rows(bytes: Buffer): SnapshotRow[] {
    const parsed = this.parser.parse(this.decoder.decode(bytes, { stream: true }), false);
    return this.walk.take(parsed.rows, parsed.singleLine);
  }

  /** The rows left once the whole copy was given. */
  end(): SnapshotRow[] {
    const parsed = this.parser.parse(this.decoder.decode(undefined, { stream: false }), true);
    return this.walk.take(parsed.rows, parsed.singleLine);
  }
}
