/**
 * A small JSON record in the data folder (the exports a setup took, the counts of its last run):
 * missing means empty; anything that does not parse or fit its schema is an error, never a guess,
 * since a guess could send an old export again or wave a shrunken one through.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { makePrivateFolder, writeFileAtomic } from '../files/private-files';

export async function readJsonRecord<T>(
  file: string,
  schema: z.ZodType<T>,
  empty: () => T,
  damaged: string,
): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(damaged);
  return parsed.data;
}

/**
 * One such record written by one process: each change reads, changes and writes the file in
 * turn, so two quick changes never lose one another; reads wait for the changes before them.
 */
export class QueuedJsonRecord<T> {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
    private readonly damaged: string,
  ) {}

  async read(): Promise<T> {
    await this.#queue.catch(() => undefined);
    return readJsonRecord(this.file, this.schema, this.empty, this.damaged);
  }

  change<R>(change: (record: T) => R): Promise<R> {
    const next = this.#queue
      .catch(() => undefined)
      .then(async () => {
        const record = await readJsonRecord(this.file, this.schema, this.empty, this.damaged);
        const result = change(record);
        await makePrivateFolder(path.dirname(this.file));
        await writeFileAtomic(this.file, `${JSON.stringify(record, null, 2)}\n`);
        return result;
      });
    this.#queue = next;
    return next;
  }
}
