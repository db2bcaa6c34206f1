import type { SegmentEncoding } from '../../shared/segments/import-report';

/**
 * Bytes to text in streaming mode, so a character split across two reads is joined, not garbled
 * (the papaparse pitfall in ../shared/docs/environment.md). UTF decoders drop a leading BOM, so it
 * never sticks to the first header.
 */
export interface StreamingDecoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (€, curly quotes, Œ, Š...). Node 20's
// TextDecoder('windows-1252') decodes that range as Latin-1 control characters (nodejs/node#56542),
// so the table is applied here. The five unassigned bytes keep their Latin-1 value, as WHATWG says.
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

const latin1Controls = /[\u0080-\u009f]/g;

class Windows1252Decoder implements StreamingDecoder {
  decode(bytes?: Uint8Array): string {
    if (!bytes || bytes.length === 0) return '';
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return latin1.replace(
      latin1Controls,
      (char) => windows1252High[char.charCodeAt(0) - 0x80] ?? char,
    );
  }
}

/** `fatal`: bytes invalid in the encoding throw instead of becoming U+FFFD (never silently). */
export function createDecoder(encoding: SegmentEncoding, fatal: boolean): StreamingDecoder {
  if (encoding === 'windows-1252') return new Windows1252Decoder();
  return new TextDecoder(encoding, { fatal });
}

/** Thrown by a fatal decoder on bytes that are not valid in its encoding. */
export function isDecodingError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
  );
}

/**
 * Bytes not valid in the pass's encoding. `line` is where the text decoded so far ends: exact for
 * a file read strictly, though a UTF-8 file is measured again byte by byte (utf8-census.ts).
 */
export class TextDecodingFailure extends Error {
  override readonly name = 'TextDecodingFailure';

  constructor(readonly line: number) {
    super(`The bytes after line ${line} are not valid in the file's encoding.`);
  }
}
