/**
 * Benchmark (e): a 1,000,000-contact push from a CSV file, in a child process exactly as
 * `npm run cli -- push` runs (import, count, send), against an unthrottled emulator. The child's
 * peak resident memory (its own VmHWM) is the figure: it must stay under 300 MB however big the file.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../emulator/server';
import type { Figure } from '../benchmark';
import { spawnCli } from './cli-bundle';

const contacts = 1_000_000;

async function writeSegment(file: string): Promise<void> {
  const stream = createWriteStream(file);
  stream.write('Email,FirstName,LastName,Points\n');
  let chunk = '';
  for (let index = 0; index < contacts; index += 1) {
    chunk += `million.${index}@example.com,Name${index},Surname${index},${index % 1000}\n`;
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await once(stream, 'finish');
}

export async function measureMillion(): Promise<Figure[]> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'courier-bench-million-'));
  const server = await startEmulator({});
  try {
    const file = path.join(folder, 'million.csv');
    await writeSegment(file);
    const rssFile = path.join(folder, 'max-rss');
    const probe = path.join(import.meta.dirname, 'max-rss-probe.mjs');
    const started = performance.now();
    const child = await spawnCli(
      [
        'push',
        file,
        '--list',
        'Million',
        '--consent',
        '--rate',
        '1000',
        '--endpoint',
        server.url,
        '--data-dir',
        path.join(folder, 'data'),
        '--json',
      ],
      { AUTOPILOT_API_KEY: server.apiKey, HOME: folder, MAX_RSS_FILE: rssFile },
      ['--import', probe],
    );
    const exit = await child.exited;
    const seconds = (performance.now() - started) / 1000;
    const summary = JSON.parse(child.stdout() || '{}') as { succeeded?: number };
    const maxRssMb = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) / 1024;
    return [
      { label: 'exit code', value: exit.code ?? -1, unit: '', min: 0, max: 0 },
      {
        label: 'contacts delivered',
        value: summary.succeeded ?? 0,
        unit: `of ${contacts}`,
        min: contacts,
      },
      {
        label: 'emulator accepted',
        value: server.counters.contactsAccepted,
        unit: 'contacts',
        min: contacts,
      },
      { label: 'import + count + send time', value: seconds, unit: 's' },
      { label: 'peak memory of the push (own peak RSS)', value: maxRssMb, unit: 'MB', max: 300 },
    ];
  } finally {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}
