import type { SegmentEncoding } from '../../shared/segments/import-report';

/**
 * What the first bytes of a file say about it, before any text is decoded: a byte-order mark,
 * UTF-16 without one, a binary format (a spreadsheet saved as .xlsx, a PDF), or invalid UTF-8.
 */

interface ByteOrderMark {
  readonly encoding: SegmentEncoding;
  readonly length: number;
}

export function detectBom(head: Uint8Array): ByteOrderMark | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Mostly-ASCII UTF-16 has a zero in every other byte: odd positions for little endian, even for
 * big endian. Excel's "Unicode text" has a BOM; this catches the tools that leave it out.
 */
export function guessUtf16WithoutBom(head: Uint8Array): SegmentEncoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    if (head[pair * 2] === 0) evenZeros += 1;
    if (head[pair * 2 + 1] === 0) oddZeros += 1;
  }
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

export type BinaryKind = 'spreadsheet' | 'pdf' | 'other';

const signatures: readonly { readonly bytes: readonly number[]; readonly kind: BinaryKind }[] = [
  // .xlsx and .ods are zip archives; .xls is an OLE2 compound file.
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'spreadsheet' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'spreadsheet' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
];

function isControlByte(byte: number): boolean {
  // Tab, line feed, form feed, carriage return and Ctrl-Z (old DOS end-of-file) are text.
  return (
    byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a
  );
}

/** Non-null when the bytes are not text in a single-byte or UTF-8 encoding. */
export function detectBinary(head: Uint8Array): BinaryKind | null {
  for (const signature of signatures) {
    if (signature.bytes.every((byte, index) => head[index] === byte)) return signature.kind;
  }
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return 'other';
    if (isControlByte(byte)) control += 1;
  }
  return control > head.length * 0.01 ? 'other' : null;
}

/** Same test on decoded UTF-16 text: NULs and stray control characters mean it is not text. */
export function textLooksBinary(text: string): boolean {
  let control = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if (isControlByte(code)) control += 1;
  }
  return control > text.length * 0.01;
}

/**
 * Whether the bytes are valid UTF-8. When they are only the start of the file, a multi-byte
 * character cut at the end is forgiven.
 */
export function isValidUtf8(bytes: Uint8Array, isWholeFile: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes, { stream: !isWholeFile });
    return true;
  } catch {
    return false;
  }
}
