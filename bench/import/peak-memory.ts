import { runBundledChild } from './bundled-child';

/** Imports the file in a fresh Node process and answers its peak resident memory, in MB. */
export function measurePeakMemory(
  file: string,
  dataFolder: string,
): Promise<{ rows: number; maxRssMb: number }> {
  return runBundledChild('import-child.ts', [file, dataFolder]);
}
