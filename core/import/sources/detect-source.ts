import { open } from 'node:fs/promises';

/**
 * What a file is by its first bytes, before a reader is chosen: gzip, a zip package (a workbook
 * or an archive), an OLE2 compound file (an encrypted workbook or an old .xls), or anything else,
 * which the CSV pass looks at.
 */
type PackedKind = 'gzip' | 'zip' | 'compound' | 'other';

export async function readStart(filePath: string, bytes: number): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const startsWith = (head: Buffer, bytes: readonly number[]) =>
  bytes.every((byte, index) => head[index] === byte);

export function packedKind(head: Buffer): PackedKind {
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return 'zip';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'compound';
  return 'other';
}

/**
 * A password-protected .xlsx is a compound file whose directory names an `EncryptedPackage`
 * stream (MS-OFFCRYPTO 2.3.4); names are UTF-16 LE. The directory of a workbook-sized file sits
 * in its first megabyte, which is what is searched.
 */
export async function isEncryptedPackage(filePath: string): Promise<boolean> {
  const start = await readStart(filePath, 1024 * 1024);
  return start.includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

export function hasGzipName(fileName: string): boolean {
  return /\.(gz|gzip|tgz)$/i.test(fileName);
}

export function hasWorkbookName(fileName: string): boolean {
  return /\.(xlsx|xlsm|xls)$/i.test(fileName);
}
