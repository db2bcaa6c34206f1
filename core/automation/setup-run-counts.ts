/**
 * How many profiles each segment of a saved setup sent on its last run, kept in the data folder,
 * so the next automatic run can tell a partial export from a normal week (run-guardrails.ts).
 */
import path from 'node:path';
import { z } from 'zod';
import { readJsonRecord } from './json-record';
import { makePrivateFolder, writeFileAtomic } from '../files/private-files';

const countsSchema = z.object({
  version: z.literal(1),
  /** Setup id → segment name → profiles sent on the last run. */
  setups: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
});

type Counts = z.infer<typeof countsSchema>;

function setupRunCountsFile(dataFolder: string): string {
  return path.join(dataFolder, 'automation', 'setup-run-counts.json');
}

function readCounts(file: string): Promise<Counts> {
  // Without the last counts the guardrail cannot compare: say so rather than wave a run through.
  return readJsonRecord(
    file,
    countsSchema,
    () => ({ version: 1, setups: {} }),
    `The record of the last runs' profile counts (${file}) is damaged.`,
  );
}

/** Segment name → profiles of the setup's last run (empty before the first run). */
export async function lastRunCounts(
  dataFolder: string,
  setupId: string,
): Promise<Readonly<Record<string, number>>> {
  return (await readCounts(setupRunCountsFile(dataFolder))).setups[setupId] ?? {};
}

export async function recordRunCounts(
  dataFolder: string,
  setupId: string,
  counts: Readonly<Record<string, number>>,
): Promise<void> {
  const file = setupRunCountsFile(dataFolder);
  const all = await readCounts(file);
  all.setups[setupId] = { ...counts };
  await makePrivateFolder(path.dirname(file));
  await writeFileAtomic(file, `${JSON.stringify(all, null, 2)}\n`);
}
