import { readFileSync } from 'node:fs';

/**
 * This process's own peak resident memory, in MB. Linux keeps getrusage's maxRSS across exec, so
 * a child spawned by a large parent reports the parent's peak; VmHWM belongs to the new process.
 */
export function ownPeakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kilobytes = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kilobytes ? Number(kilobytes) / 1024 : process.resourceUsage().maxRSS / 1024;
}
