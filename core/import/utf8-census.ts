import { createReadStream } from 'node:fs';

/**
 * Where a file's bytes are and are not UTF-8, decided on the whole file (issue 12 item 4). Read
 * only when the fast path cannot tell: the file is not valid UTF-8 somewhere, and the question is
 * whether it is Windows-1252 (no UTF-8 character anywhere) or UTF-8 with some bad bytes.
 */
interface Utf8Census {
  /** Line of the first valid multi-byte UTF-8 character, or null when there is none. */
  readonly firstUtf8Line: number | null;
  /** Line of the first byte that is not valid UTF-8, or null when the file is valid UTF-8. */
  readonly firstInvalidLine: number | null;
}

/** Bytes a UTF-8 character starting with `lead` has in all (0 for a byte that cannot lead). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The allowed range of a sequence's second byte (RFC 3629: no overlongs, no surrogates). */
function secondByteFits(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
  if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
  if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  return byte >= 0x80 && byte <= 0xbf;
}

/** A streaming UTF-8 validator that remembers the lines of the first good and bad characters. */
class CensusScanner {
  line = 1;
  firstUtf8Line: number | null = null;
  firstInvalidLine: number | null = null;
  private lead = 0;
  private needed = 0;
  private seen = 0;

  constructor(private readonly breakByte: number) {}

  get done(): boolean {
    return this.firstUtf8Line !== null && this.firstInvalidLine !== null;
  }

  scan(bytes: Uint8Array): void {
    for (let index = 0; index < bytes.length; index += 1) {
      const byte = bytes[index] as number;
      if (this.needed > 0 && this.continues(byte)) continue;
      if (byte === this.breakByte) this.line += 1;
      if (byte < 0x80) continue;
      this.needed = sequenceLength(byte) - 1;
      this.lead = byte;
      this.seen = 0;
      if (this.needed < 0) this.invalid();
    }
  }

  /** Ends the file: a character cut off by the end is not UTF-8. */
  end(): void {
    if (this.needed > 0) this.invalid();
  }

  /** Takes a byte inside a sequence; false when the sequence broke and the byte starts anew. */
  private continues(byte: number): boolean {
    const fits = this.seen === 0 ? secondByteFits(this.lead, byte) : byte >= 0x80 && byte <= 0xbf;
    if (!fits) {
      this.needed = 0;
      this.invalid();
      return false;
    }
    this.seen += 1;
    this.needed -= 1;
    if (this.needed === 0) this.firstUtf8Line ??= this.line;
    return true;
  }

  private invalid(): void {
    this.needed = 0;
    this.firstInvalidLine ??= this.line;
  }
}

/** Scans the whole file (stopping early once both answers are known). */
export async function takeUtf8Census(sourcePath: string, breakByte: number): Promise<Utf8Census> {
  const scanner = new CensusScanner(breakByte);
  const source = createReadStream(sourcePath, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of source) {
      scanner.scan(chunk as Buffer);
      if (scanner.done) break;
    }
  } finally {
    source.destroy();
  }
  if (!scanner.done) scanner.end();
  return { firstUtf8Line: scanner.firstUtf8Line, firstInvalidLine: scanner.firstInvalidLine };
}

/** The same census of bytes already in memory (the head of a file, tests). */
export function utf8CensusOf(bytes: Uint8Array, breakByte = 0x0a, isWhole = true): Utf8Census {
  const scanner = new CensusScanner(breakByte);
  scanner.scan(bytes);
  if (isWhole) scanner.end();
  return { firstUtf8Line: scanner.firstUtf8Line, firstInvalidLine: scanner.firstInvalidLine };
}
