/**
 * A small JSON record in the data folder (the exports a setup took, the counts of its last run):
 * missing means empty; anything that does not parse or fit its schema is an error, never a guess,
 * since a guess could send an old export again or wave a shrunken one through.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

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
