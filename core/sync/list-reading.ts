/**
 * How a list's account applies `_autopilot_list` (autopilot-api.md §3: "added to this list when
 * created", unconfirmed for contacts that already exist). `lenient`: every upserted contact joins
 * the list, so a push needs nothing more. `strict`: only created contacts join, so after a push the
 * engine checks membership and adds the missing ones. Until the app has seen which, it checks.
 */
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../files/private-files';
import { readingFile, type LedgerLocation } from './ledger-paths';

type ListReading = 'unknown' | 'lenient' | 'strict';

export async function readListReading(location: LedgerLocation): Promise<ListReading> {
  try {
    const parsed = JSON.parse(await readFile(readingFile(location), 'utf8')) as {
      reading?: unknown;
    };
    return parsed.reading === 'lenient' || parsed.reading === 'strict' ? parsed.reading : 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function writeListReading(
  location: LedgerLocation,
  reading: Exclude<ListReading, 'unknown'>,
): Promise<void> {
  const file = readingFile(location);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify({ reading })}\n`);
}
