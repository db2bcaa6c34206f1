/**
 * The delivery ledger's file: append-only text, one line per event, so a batch adds a few KB and
 * never rewrites the rest (a million-email ledger is about 60 MB and is rewritten only when
 * compacted, ledger-index.ts). Lines, tab-separated:
 *   +  <email key>  <fingerprint>  <job id>  <email>   delivered with these fields by that export
 *   -  <email key>  -              <job id>  <email>   taken off the list by that export (mirror)
 * A kill can tear only the last line; a torn line fails the strict parse and is skipped.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { hex52, parseHex52 } from './fingerprints';

type LedgerEntry =
  | {
      readonly kind: 'delivered';
      readonly key: number;
      readonly fingerprint: number;
      readonly jobId: string;
      readonly email: string;
    }
  | {
      readonly kind: 'removed';
      readonly key: number;
      readonly jobId: string;
      readonly email: string;
    };

export function formatEntry(entry: LedgerEntry): string {
  const fingerprint = entry.kind === 'delivered' ? hex52(entry.fingerprint) : '-';
  const sign = entry.kind === 'delivered' ? '+' : '-';
  return `${sign}\t${hex52(entry.key)}\t${fingerprint}\t${entry.jobId}\t${entry.email}\n`;
}

function parseEntry(line: string): LedgerEntry | undefined {
  const parts = line.split('\t');
  if (parts.length !== 5) return undefined;
  const [sign, keyText, fingerprintText, jobId, email] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  const key = parseHex52(keyText);
  if (key === undefined || !jobId || !email) return undefined;
  if (sign === '-' && fingerprintText === '-') return { kind: 'removed', key, jobId, email };
  const fingerprint = parseHex52(fingerprintText);
  if (sign !== '+' || fingerprint === undefined) return undefined;
  return { kind: 'delivered', key, fingerprint, jobId, email };
}

/** Emails cannot hold tabs or line breaks; refuse them rather than write a line that misreads. */
function isWritable(entry: LedgerEntry): boolean {
  return !/[\t\r\n]/.test(entry.email) && !/[\t\r\n]/.test(entry.jobId);
}

/** Appends and fsyncs. Opened per call, so a compaction's rename is never written past. */
export async function appendEntries(file: string, entries: readonly LedgerEntry[]): Promise<void> {
  const text = entries.filter(isWritable).map(formatEntry).join('');
  if (!text) return;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'a+', 0o600);
  try {
    // A torn last line from a kill would swallow this one's start: begin on a fresh line.
    const size = (await handle.stat()).size;
    const prefix = size > 0 && !(await endsWithNewline(handle, size)) ? '\n' : '';
    await handle.appendFile(prefix + text, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

async function endsWithNewline(handle: Awaited<ReturnType<typeof open>>, size: number) {
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

/** Every readable line in file order, with its line number; a missing file has none. */
export async function* readEntries(
  file: string,
): AsyncGenerator<{ readonly line: number; readonly entry: LedgerEntry }> {
  try {
    await stat(file);
  } catch {
    return;
  }
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const entry = parseEntry(text);
    if (entry) yield { line, entry };
  }
}
