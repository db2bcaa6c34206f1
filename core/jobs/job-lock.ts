/**
 * One run per job at a time, across processes (the app and the command line share the data
 * folder). The lock file holds the running process's id; a lock left by a process that no longer
 * exists (killed, crashed) is taken over, which is what makes "resume after kill -9" work.
 */
import { open, readFile, rm, writeFile } from 'node:fs/promises';

export class JobBusyError extends Error {
  override readonly name = 'JobBusyError';
  constructor(
    readonly jobId: string,
    readonly pid: number,
  ) {
    super(
      `Export job "${jobId}" is already running (process ${pid}). Wait for it or stop it first.`,
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface JobLock {
  release(): Promise<void>;
}

/** Takes the job's lock for this process or throws JobBusyError. */
export async function acquireJobLock(
  lockFile: string,
  jobId: string,
  pid: number = process.pid,
): Promise<JobLock> {
  try {
    const handle = await open(lockFile, 'wx', 0o600);
    await handle.writeFile(String(pid));
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== pid && processAlive(holder)) {
      throw new JobBusyError(jobId, holder);
    }
    await writeFile(lockFile, String(pid), { mode: 0o600 });
  }
  return {
    async release() {
      await rm(lockFile, { force: true });
    },
  };
}

/** The id of the live process running the job, if any. */
export async function jobLockHolder(lockFile: string): Promise<number | null> {
  const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
  return Number.isInteger(holder) && holder > 0 && processAlive(holder) ? holder : null;
}
