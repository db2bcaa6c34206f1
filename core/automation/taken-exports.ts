/**
 * Which exports a setup has already taken, kept in the data folder so that the same export is
 * never taken twice, not even after a restart (issue 18, item 1).
 *
 * An export's identity: for a plain file its path below the watched folder, size and modification
 * time; for a Customer Insights folder the schema file's path and a hash of its text (each refresh
 * rewrites the schema with the new run's part locations, while a sync tool touching the same
 * schema again leaves its text alone).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { QueuedJsonRecord } from './json-record';
import type { ExportLook } from './export-scan';

/** Enough to recognise every export still lying in a synced folder; older ones are forgotten. */
const takenPerSetupLimit = 500;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function exportIdentity(look: ExportLook): string {
  if (look.kind === 'cdm-folder') {
    return sha256(JSON.stringify(['cdm-folder', look.schemaFile, sha256(look.schemaText ?? '')]));
  }
  const [file] = look.files;
  return sha256(JSON.stringify(['file', look.path, file?.size, file?.mtimeMs]));
}

const takenEntry = z.object({ id: z.string(), path: z.string(), takenAt: z.string() });
const ledgerSchema = z.object({
  version: z.literal(1),
  setups: z.record(z.string(), z.array(takenEntry)),
});

type Ledger = z.infer<typeof ledgerSchema>;

export function takenExportsFile(dataFolder: string): string {
  return path.join(dataFolder, 'automation', 'taken-exports.json');
}

/** The durable record for one data folder; writes are queued so none is lost. */
export class TakenExports {
  readonly #record: QueuedJsonRecord<Ledger>;

  constructor(dataFolder: string) {
    const file = takenExportsFile(dataFolder);
    // Never guess: an unreadable record could make every old export look new and send it again.
    this.#record = new QueuedJsonRecord(
      file,
      ledgerSchema,
      () => ({ version: 1, setups: {} }),
      `The record of exports already taken (${file}) is damaged.`,
    );
  }

  async has(setupId: string, id: string): Promise<boolean> {
    const ledger = await this.#record.read();
    return (ledger.setups[setupId] ?? []).some((entry) => entry.id === id);
  }

  /** Records an export as taken; false when it already was (so the caller must not run it). */
  take(setupId: string, id: string, exportPath: string, takenAt: Date): Promise<boolean> {
    return this.#record.change((ledger) => {
      const taken = ledger.setups[setupId] ?? [];
      if (taken.some((entry) => entry.id === id)) return false;
      const entry = { id, path: exportPath, takenAt: takenAt.toISOString() };
      ledger.setups[setupId] = [...taken, entry].slice(-takenPerSetupLimit);
      return true;
    });
  }
}
