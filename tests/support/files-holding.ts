import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `folder` whose bytes contain `text`: proves a secret went nowhere on disk. */
export async function filesHolding(folder: string, text: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const hits: string[] = [];
  for (const entry of entries.filter((item) => item.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file)).includes(text)) hits.push(file);
  }
  return hits;
}
