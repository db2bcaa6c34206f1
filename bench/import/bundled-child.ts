import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

/** A child entry bundled as the app bundles main (esbuild), so tsx's own work is not counted. */
export async function bundleChild(entry: string): Promise<string> {
  const folder = path.join(root, 'node_modules', '.cache', 'segment-courier-bench');
  await mkdir(folder, { recursive: true });
  const outfile = path.join(folder, `${path.basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(import.meta.dirname, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/**
 * Runs `entry` (a file of this folder) in a fresh Node process and answers the JSON it prints.
 * A fresh process holds only the importer, as the command line and the app's main process do: in
 * the benchmark's own process, Playwright, Vite and esbuild keep about 100 MB of heap, which made
 * the import's young-generation collections about ten times as costly (README, Import figures).
 */
export async function runBundledChild<T>(entry: string, args: readonly string[]): Promise<T> {
  const file = await bundleChild(entry);
  try {
    const child = spawn(process.execPath, [file, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`The benchmark child ${entry} exited with ${code}.`);
    return JSON.parse(output) as T;
  } finally {
    await rm(file, { force: true });
  }
}
