import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireJobLock, JobBusyError, jobLockHolder } from '../../core/jobs/job-lock';
import { useTempFolder } from '../support/temp-folder';

/**
 * Many would-be runners at once, in one process: each passes the id of a distinct live process
 * (sleeping children), so the lock judges them as it would judge separate programs, while their
 * file operations interleave as tightly as the event loop allows.
 */
const runners = 12;
let sleepers: ChildProcess[] = [];
const folder = useTempFolder('courier-lock-');

beforeAll(async () => {
  sleepers = Array.from({ length: runners }, () =>
    spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }),
  );
  await Promise.all(
    sleepers.map((child) => new Promise((resolve) => child.once('spawn', resolve))),
  );
});

afterAll(() => {
  for (const child of sleepers) child.kill('SIGKILL');
});

/** A process id that is certainly gone: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

async function race(lockFile: string) {
  const pids = sleepers.map((child) => child.pid as number);
  const results = await Promise.allSettled(pids.map((pid) => acquireJobLock(lockFile, 'job', pid)));
  const winners = results.filter((result) => result.status === 'fulfilled');
  const losers = results.filter((result) => result.status === 'rejected');
  for (const loser of losers) expect(loser.reason).toBeInstanceOf(JobBusyError);
  return { winners, pids, results };
}

describe('the run lock under a race', () => {
  it('lets exactly one of many runners started together take a free lock', async () => {
    for (let round = 0; round < 10; round += 1) {
      const lockFile = path.join(folder(), `free-${round}.lock`);
      const { winners } = await race(lockFile);
      expect(winners, `round ${round}`).toHaveLength(1);
    }
  });

  it('lets exactly one of them take over a lock left by a dead process', async () => {
    const dead = await deadPid();
    for (let round = 0; round < 10; round += 1) {
      const lockFile = path.join(folder(), `stale-${round}.lock`);
      // As a killed run leaves it (the name older versions used), or a numbered one.
      await writeFile(round % 2 === 0 ? lockFile : `${lockFile}.7`, String(dead));
      const { winners, pids, results } = await race(lockFile);
      expect(winners, `round ${round}`).toHaveLength(1);
      const winner = pids[results.findIndex((result) => result.status === 'fulfilled')];
      expect(await jobLockHolder(lockFile)).toBe(winner);
    }
  });

  it('does not read a lock file that is still being written as stale', async () => {
    const lockFile = path.join(folder(), 'run.lock');
    await writeFile(lockFile, ''); // Created a moment ago by a run that has not written its id yet.
    await expect(acquireJobLock(lockFile, 'job', sleepers[0]?.pid)).rejects.toBeInstanceOf(
      JobBusyError,
    );
  });

  it('leaves only the lock of the runner that holds it (no leftovers), and nothing once released', async () => {
    const lockFile = path.join(folder(), 'run.lock');
    const dead = await deadPid();
    await writeFile(lockFile, String(dead));
    // What a kill in the middle of taking the lock leaves: the temporary file, never linked.
    await writeFile(`${lockFile}.1.${dead}-0badc0de.tmp`, String(dead));
    const lock = await acquireJobLock(lockFile, 'job');
    expect(await readdir(folder())).toEqual(['run.lock.1']);
    await expect(acquireJobLock(lockFile, 'job')).rejects.toBeInstanceOf(JobBusyError);
    await lock.release();
    expect(await readdir(folder())).toEqual([]);
  });
});
