import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes rows read from a workbook or an export folder as one plain UTF-8, comma-separated file,
 * so the same CSV pass that reads every other segment validates and snapshots them. Waits when
 * the disk is behind, so memory stays bounded however many rows there are.
 */
export class TableFileWriter {
  private readonly out: WriteStream;
  private buffered: string[] = [];
  private bufferedChars = 0;
  rows = 0;

  constructor(readonly filePath: string) {
    this.out = createWriteStream(filePath, { encoding: 'utf8' });
  }

  /** One row; returns a promise only when the caller should wait for the disk. */
  write(cells: readonly string[]): Promise<void> | null {
    const line = `${cells.map(quoteCell).join(',')}\n`;
    this.buffered.push(line);
    this.bufferedChars += line.length;
    this.rows += 1;
    return this.bufferedChars >= 64 * 1024 ? this.flush() : null;
  }

  /** A line with nothing on it, so line numbers keep matching the sheet's row numbers. */
  writeBlank(): Promise<void> | null {
    this.buffered.push('\n');
    this.bufferedChars += 1;
    return this.bufferedChars >= 64 * 1024 ? this.flush() : null;
  }

  async flush(): Promise<void> {
    if (this.buffered.length === 0) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.bufferedChars = 0;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'close');
  }

  /** Closes without caring about the content (the read failed). */
  async abandon(): Promise<void> {
    this.buffered = [];
    if (this.out.closed) return;
    this.out.end();
    await once(this.out, 'close').catch(() => undefined);
  }
}

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
