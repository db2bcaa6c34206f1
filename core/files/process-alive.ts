/**
 * Whether a process with this id is running on this computer. Signal 0 checks without sending
 * anything: ESRCH means there is none; EPERM means there is one that belongs to someone else.
 * A pid the system has since given to another program reads as alive: callers then fall back
 * to a slower rule (an age), never the other way round.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
