/**
 * The log of automatic runs (issue 18, item 4: "History marks automatic runs"): one entry per
 * run, whatever its outcome, kept in the data folder, newest first, the last 200.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { automationRunSchema, type AutomationRun } from '../../shared/model/automation';
import { QueuedJsonRecord } from './json-record';

const automationRunsLimit = 200;

const logSchema = z.object({ version: z.literal(1), runs: z.array(automationRunSchema) });

export function automationRunsFile(dataFolder: string): string {
  return path.join(dataFolder, 'automation', 'runs.json');
}

export class AutomationRuns {
  readonly #record: QueuedJsonRecord<z.infer<typeof logSchema>>;

  constructor(dataFolder: string) {
    const file = automationRunsFile(dataFolder);
    this.#record = new QueuedJsonRecord(
      file,
      logSchema,
      () => ({ version: 1, runs: [] }),
      `The log of automatic runs (${file}) is damaged.`,
    );
  }

  /** Adds a run at the top; the oldest beyond the limit are dropped. */
  record(run: Omit<AutomationRun, 'id'>): Promise<AutomationRun> {
    return this.#record.change((log) => {
      const entry: AutomationRun = { id: randomUUID(), ...run };
      log.runs = [entry, ...log.runs].slice(0, automationRunsLimit);
      return entry;
    });
  }

  /** Every run kept, newest first. */
  async list(): Promise<AutomationRun[]> {
    return (await this.#record.read()).runs;
  }
}
