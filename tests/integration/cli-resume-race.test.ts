import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, spawnCli, type CliChild } from '../../bench/upload/cli-bundle';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import { jobFile } from '../../core/jobs/job-store';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { useTempFolder } from '../support/temp-folder';

/**
 * Issue 12, item 8: many `resume`s of one job started together, as separate processes, over the
 * lock a killed run left behind. Exactly one may run; the others are told the job is busy (or,
 * once it is over, that it has finished), and Autopilot receives each contact once.
 */
const contacts = 1_700;
const resumes = 6;

const folder = useTempFolder('courier-resume-race-', { per: 'file' });
let server: RunningEmulator;

beforeAll(async () => {
  server = await startEmulator({ rate: 1_000, burst: 1_000 });
  // Each child waits at this gate (loaded before the command line) until every one is started,
  // so they reach the lock as nearly together as the machine allows.
  await writeFile(
    path.join(folder(), 'gate.mjs'),
    `import { existsSync, writeFileSync } from 'node:fs';
     writeFileSync(process.env.GATE_DIR + '/ready-' + process.pid, '');
     await new Promise((go) => {
       const timer = setInterval(() => {
         if (existsSync(process.env.GATE_DIR + '/open')) { clearInterval(timer); go(); }
       }, 1);
     });`,
  );
  await bundleCli();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

/** Resolves once every child has reached the gate. */
async function allAtGate(gate: string, count: number): Promise<void> {
  for (;;) {
    const ready = (await readdir(gate)).filter((name) => name.startsWith('ready-'));
    if (ready.length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function round(index: number) {
  const dataFolder = path.join(folder(), `data-${index}`);
  const gate = path.join(folder(), `gate-${index}`);
  await writeSnapshot(dataFolder, {
    segmentId: 'seg',
    columns: generatedColumns,
    rows: generatedRows(contacts, `round${index}.example`),
  });
  const listName = `Race ${index}`;
  const job = await createFixtureJob({
    dataFolder,
    segments: [{ segmentId: 'seg', listName }],
    mapping: generatedMapping,
    endpoint: server.url,
    rate: 500,
  });
  // What `kill -9` of a run leaves: its lock, naming a process that is gone.
  await writeFile(jobFile(dataFolder, job.id, 'lock'), String(await deadPid()));
  await rm(gate, { recursive: true, force: true });
  await mkdir(gate);
  const before = server.counters.contactsAccepted;
  const children: CliChild[] = [];
  for (let child = 0; child < resumes; child += 1) {
    children.push(
      await spawnCli(
        ['resume', job.id, '--data-dir', dataFolder, '--json'],
        { AUTOPILOT_API_KEY: server.apiKey, HOME: folder(), GATE_DIR: gate },
        ['--import', path.join(folder(), 'gate.mjs')],
      ),
    );
  }
  await allAtGate(gate, resumes);
  await writeFile(path.join(gate, 'open'), '');
  const exits = await Promise.all(children.map((child) => child.exited));
  const outputs = children.map((child) => JSON.parse(child.stdout() || '{}'));
  return {
    exits,
    outputs,
    accepted: server.counters.contactsAccepted - before,
    members: server.contactsInList(listName).length,
  };
}

describe('resumes started together', () => {
  it('run the job once: one resume sends, the others say it is busy or done', async () => {
    for (let index = 0; index < 3; index += 1) {
      const result = await round(index);
      const winners = result.outputs.filter((output) => output.status === 'completed');
      expect(winners, `round ${index}: ${JSON.stringify(result.outputs)}`).toHaveLength(1);
      expect(result.exits.filter((exit) => exit.code === 0)).toHaveLength(1);
      for (const [child, output] of result.outputs.entries()) {
        if (output.status === 'completed') continue;
        expect(result.exits[child]?.code).toBe(2);
        expect(['job-busy', 'job-not-runnable']).toContain(output.error?.code);
      }
      // Each contact once: no batch went twice.
      expect(result.accepted, `round ${index}`).toBe(contacts);
      expect(result.members).toBe(contacts);
    }
  }, 120_000);
});
