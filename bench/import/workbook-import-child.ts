// Run alone in a child process by the workbook benchmark: imports one file into a snapshot, then
// prints the rows and this process's own peak resident memory as JSON.
import { importSegment } from '../../core/import/import-segment';
import { ownPeakRssMb } from './peak-rss';

const [sourcePath, dataFolder] = process.argv.slice(2);
if (!sourcePath || !dataFolder) throw new Error('usage: workbook-import-child <file> <folder>');
const { manifest } = await importSegment({
  sourcePath,
  dataFolder,
  segmentId: 'bench-workbook',
  now: () => new Date(),
});
process.stdout.write(`${JSON.stringify({ rows: manifest.rowCount, maxRssMb: ownPeakRssMb() })}\n`);
