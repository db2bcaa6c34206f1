import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export interface TempFolderOptions {
  /** `test` (the default): a fresh folder before each test. `file`: one folder for every test in the file (or describe block). */
  readonly per?: 'test' | 'file';
}

/**
 * Registers the hooks that make a throw-away folder in the system's temp folder (named
 * `<prefix>XXXXXX`) and remove it afterwards, and answers a function that gives its path.
 *
 * Call it before the file's own hooks that use the folder: vitest runs `before*` hooks in the
 * order they were registered and `after*` hooks in reverse, so the folder exists while those
 * hooks run and is removed only after the file's own clean-up (closing services, watchers) is done.
 */
export function useTempFolder(prefix: string, options: TempFolderOptions = {}): () => string {
  let folder = '';
  const make = async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  };
  const remove = async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  };
  if (options.per === 'file') {
    beforeAll(make);
    afterAll(remove);
  } else {
    beforeEach(make);
    afterEach(remove);
  }
  return () => {
    if (!folder)
      throw new Error(
        `The temp folder ${prefix}… is made by a vitest hook: read it in a hook or a test.`,
      );
    return folder;
  };
}
