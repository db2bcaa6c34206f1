// Loaded into a child with `node --import <this file>`: on exit, writes the process's peak
// resident memory (maxRSS, in KiB) to the file named by MAX_RSS_FILE, for the memory benchmark.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.MAX_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
