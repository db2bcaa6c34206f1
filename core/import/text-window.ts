/**
 * The decoded text the parser has been given but not yet consumed, so a batch of rows can be
 * checked for line breaks inside quoted values in one scan of its text instead of one per cell.
 * Offsets are absolute, counted from the start of the text, as papaparse's cursor is.
 */
export class TextWindow {
  private chunks: { start: number; text: string }[] = [];
  private total = 0;
  private ended = false;

  append(text: string): void {
    this.chunks.push({ start: this.total, text });
    this.total += text.length;
  }

  /** How much text has been appended in all: the offset just past the last chunk. */
  get length(): number {
    return this.total;
  }

  /** No more text will come. */
  end(): void {
    this.ended = true;
  }

  /** Whether a batch that ends at `cursor` is the parser's last: all text given and consumed. */
  isLast(cursor: number): boolean {
    return this.ended && cursor === this.total;
  }

  /** Line breaks in [from, to), counting no further than `limit + 1`. */
  countBreaks(from: number, to: number, breakChar: string, limit: number): number {
    let count = 0;
    for (const { start, text } of this.chunks) {
      const end = start + text.length;
      if (end <= from || start >= to) continue;
      const stop = Math.min(to, end) - start;
      let at = text.indexOf(breakChar, Math.max(from, start) - start);
      while (at !== -1 && at < stop) {
        count += 1;
        if (count > limit) return count;
        at = text.indexOf(breakChar, at + 1);
      }
    }
    return count;
  }

  /** Forgets the text before `offset`, which the parser has consumed. */
  release(offset: number): void {
    while (this.chunks.length > 0) {
      const first = this.chunks[0] as { start: number; text: string };
      if (first.start + first.text.length > offset) return;
      this.chunks.shift();
    }
  }
}
