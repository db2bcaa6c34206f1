// Run alone in a child process by the memory benchmark: imports one file into a snapshot, then
// prints the rows and the process's peak resident memory (maxRSS) as JSON.
import { importSegment } from '../../core/import/import-segment';

const [sourcePath, dataFolder] = process.argv.slice(2);
if (!sourcePath || !dataFolder) throw new Error('usage: import-child <file> <data folder>');
const { manifest } = await importSegment({
  sourcePath,
  dataFolder,
  segmentId: 'bench-memory',
  now: () => new Date(),
});
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ rows: manifest.rowCount, maxRssMb })}\n`);
