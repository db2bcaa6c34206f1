/**
 * Benchmark (d): a push in a child process is killed with SIGKILL in the middle of its run, then
 * resumed. Counts what the emulator holds afterwards: contacts lost (must be 0) and batches sent
 * twice (at most the batches that were in flight: the concurrency).
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultJobSettings } from '../../core/jobs/job-manifest';
import { startEmulator } from '../../emulator/server';
import type { Figure } from '../benchmark';
import { spawnCli } from './cli-bundle';

const contacts = 20_000;

async function writeSegment(folder: string): Promise<string> {
  const lines = ['Email,FirstName,LastName'];
  for (let index = 0; index < contacts; index += 1)
    lines.push(`kill.${index}@example.com,K${index},L${index}`);
  const file = path.join(folder, 'segment.csv');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

export async function measureKillAndResume(): Promise<Figure[]> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'courier-bench-kill-'));
  const server = await startEmulator({ rate: 50, latencyMs: 20 });
  const dataFolder = path.join(folder, 'data');
  const env = { AUTOPILOT_API_KEY: server.apiKey, HOME: folder };
  try {
    const file = await writeSegment(folder);
    const push = await spawnCli(
      [
        'push',
        file,
        '--list',
        'Kill',
        '--consent',
        '--rate',
        '50',
        '--endpoint',
        server.url,
        '--data-dir',
        dataFolder,
        '--json',
      ],
      env,
    );
    // Half-way through the 200 batches, whatever is in flight.
    await server.waitForRequests(2 + contacts / 200);
    push.child.kill('SIGKILL');
    const killed = await push.exited;
    const [jobId] = await readdir(path.join(dataFolder, 'jobs'));
    const resume = await spawnCli(['resume', jobId ?? '', '--data-dir', dataFolder, '--json'], env);
    const resumed = await resume.exited;
    const summary = JSON.parse(resume.stdout() || '{}') as { status?: string; succeeded?: number };
    const onList = server.contactsInList('Kill').length;
    const resentBatches = (server.counters.contactsAccepted - contacts) / 100;
    return [
      {
        label: 'killed with SIGKILL',
        value: killed.signal === 'SIGKILL' ? 1 : 0,
        unit: 'yes',
        min: 1,
      },
      { label: 'resume exit code', value: resumed.code ?? -1, unit: '', max: 0, min: 0 },
      {
        label: 'resume says completed',
        value: summary.status === 'completed' ? 1 : 0,
        unit: 'yes',
        min: 1,
      },
      { label: 'contacts lost', value: contacts - onList, unit: `of ${contacts}`, max: 0 },
      {
        label: 'batches sent twice',
        value: resentBatches,
        unit: 'batches',
        max: defaultJobSettings.concurrency,
      },
    ];
  } finally {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}
