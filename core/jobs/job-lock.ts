/**
 * One run per job at a time, across processes (the app and the command line share the data
 * folder). A lock left by a process that no longer exists (killed, crashed) is taken over, which
 * is what makes "resume after kill -9" work.
 *
 * Every step is an exclusive creation, so two processes started together cannot both win (issue
 * 12, item 8: they did in 1 of 10 trials when a stale lock was overwritten in place). The lock is
 * a numbered file, `run.lock.<n>`, holding its process id, and the highest number is the lock:
 * - it appears already written (a temporary file hard-linked into place), so no reader ever sees
 *   it empty and mistakes a starting run for a dead one;
 * - taking over a dead holder's `run.lock.<n>` means creating `run.lock.<n+1>` exclusively: of
 *   all the processes that found the same dead holder, exactly one succeeds.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class JobBusyError extends Error {
  override readonly name = 'JobBusyError';
  constructor(
    readonly jobId: string,
    readonly pid: number,
  ) {
    super(
      `Export job "${jobId}" is already running${pid > 0 ? ` (process ${pid})` : ''}. Wait for it or stop it first.`,
    );
  }
}

interface JobLock {
  release(): Promise<void>;
}

/** Locks this process holds, so a second run here is refused even though the pid is ours. */
const heldHere = new Set<string>();

/** A lock file still being written by a system without hard links counts as held this long. */
const unwrittenGraceMs = 10_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const generationFile = (lockFile: string, generation: number) =>
  generation === 0 ? lockFile : `${lockFile}.${generation}`;

/** The lock's numbered files, highest first; the plain name (older versions) counts as 0. */
async function generations(lockFile: string): Promise<number[]> {
  const base = path.basename(lockFile);
  const entries = await readdir(path.dirname(lockFile)).catch(() => [] as string[]);
  const found: number[] = [];
  for (const name of entries) {
    if (name === base) found.push(0);
    const match = name.startsWith(`${base}.`)
      ? /^(\d{1,15})$/.exec(name.slice(base.length + 1))
      : null;
    if (match) found.push(Number(match[1]));
  }
  return found.sort((a, b) => b - a);
}

type Holder = { readonly alive: boolean; readonly pid: number } | 'gone';

async function readHolder(file: string, lockFile: string, pid: number): Promise<Holder> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const holder = Number.parseInt(text, 10);
  if (!Number.isInteger(holder) || holder <= 0) {
    const age = Date.now() - ((await stat(file).catch(() => null))?.mtimeMs ?? 0);
    return { alive: age < unwrittenGraceMs, pid: 0 };
  }
  // Our own id in a lock we do not hold: a previous process with the same id (containers reuse
  // small ids on every start) that is gone.
  if (holder === pid) return { alive: heldHere.has(lockFile), pid: holder };
  return { alive: processAlive(holder), pid: holder };
}

/** Creates `file` holding `content`, or returns false when it exists. Never visible half-written. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    return createExclusiveWithoutLinks(file, content);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** File systems without hard links (some shares): exclusive open, then write (see readHolder). */
async function createExclusiveWithoutLinks(file: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/** Removes the dead holders' numbers below ours, and temporary files a kill left mid-creation. */
async function removeOlder(lockFile: string, below: number): Promise<void> {
  for (const generation of await generations(lockFile)) {
    if (generation < below) await rm(generationFile(lockFile, generation), { force: true });
  }
  const base = path.basename(lockFile);
  const entries = await readdir(path.dirname(lockFile)).catch(() => [] as string[]);
  for (const name of entries) {
    const left = name.startsWith(`${base}.`) ? /\.(\d+)-[0-9a-f]+\.tmp$/.exec(name) : null;
    if (left && !processAlive(Number(left[1]))) {
      await rm(path.join(path.dirname(lockFile), name), { force: true });
    }
  }
}

/** Takes the job's lock for this process or throws JobBusyError. */
export async function acquireJobLock(
  lockFile: string,
  jobId: string,
  pid: number = process.pid,
): Promise<JobLock> {
  // Each turn either wins, finds a live holder, or saw the lock change under it and looks again;
  // the numbers only grow, so the turns are few.
  for (let turn = 0; turn < 50; turn += 1) {
    const top = (await generations(lockFile))[0];
    if (top !== undefined) {
      const holder = await readHolder(generationFile(lockFile, top), lockFile, pid);
      if (holder === 'gone') continue;
      if (holder.alive) throw new JobBusyError(jobId, holder.pid);
    }
    const mine = (top ?? 0) + 1;
    if (!(await createExclusive(generationFile(lockFile, mine), String(pid)))) continue;
    // Someone who read the folder before ours appeared may have made a lower number since; it
    // yields to us. A higher one cannot appear while we live, but if it did, we would yield.
    if ((await generations(lockFile))[0] !== mine) {
      await rm(generationFile(lockFile, mine), { force: true });
      continue;
    }
    heldHere.add(lockFile);
    await removeOlder(lockFile, mine);
    return {
      async release() {
        heldHere.delete(lockFile);
        await rm(generationFile(lockFile, mine), { force: true });
      },
    };
  }
  throw new JobBusyError(jobId, 0);
}

/** The id of the live process running the job, if any. */
export async function jobLockHolder(lockFile: string): Promise<number | null> {
  const top = (await generations(lockFile))[0];
  if (top === undefined) return null;
  const holder = await readHolder(generationFile(lockFile, top), lockFile, -1);
  return holder !== 'gone' && holder.alive ? holder.pid : null;
}
