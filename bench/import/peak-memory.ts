import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

/** The import child bundled as the app bundles main (esbuild), so tsx's own memory is not counted. */
async function bundleChild(): Promise<string> {
  const folder = path.join(root, 'node_modules', '.cache', 'segment-courier-bench');
  await mkdir(folder, { recursive: true });
  const outfile = path.join(folder, `import-child-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(import.meta.dirname, 'import-child.ts')],
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

/** Imports the file in a fresh Node process and answers its peak resident memory, in MB. */
export async function measurePeakMemory(
  file: string,
  dataFolder: string,
): Promise<{ rows: number; maxRssMb: number }> {
  const bundle = await bundleChild();
  try {
    const child = spawn(process.execPath, [bundle, file, dataFolder], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`The import child exited with ${code}.`);
    return JSON.parse(output) as { rows: number; maxRssMb: number };
  } finally {
    await rm(bundle, { force: true });
  }
}
