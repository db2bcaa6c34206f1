// Loaded into a child with `node --import <this file>`: on exit, writes the process's own peak
// resident memory (in KiB) to the file named by MAX_RSS_FILE, for the memory benchmark. VmHWM, not
// getrusage's maxRSS: Linux keeps maxRSS across exec, so a child of a large benchmark process
// would report its parent's peak (bench/import/peak-rss.ts does the same for the import).
import { readFileSync, writeFileSync } from 'node:fs';

function ownPeakKiB() {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kilobytes = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (kilobytes) return Number(kilobytes);
  } catch {
    // No /proc (macOS, Windows): maxRSS is the best there is.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  const file = process.env.MAX_RSS_FILE;
  if (file) writeFileSync(file, String(ownPeakKiB()));
});
