/**
 * The command line bundled into one file with esbuild, so tests and benchmarks can start it as a
 * child process in a fraction of a second (many times, for the kill -9 tests) and measure its
 * memory without tsx's own. Same source as `npm run cli`; packages stay external.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');
let bundled: Promise<string> | null = null;

/** Builds (once per process) and returns the bundle's path, inside node_modules/.cache. */
export function bundleCli(): Promise<string> {
  bundled ??= (async () => {
    const folder = path.join(root, 'node_modules', '.cache', 'segment-courier-cli');
    await mkdir(folder, { recursive: true });
    // Built beside, then renamed: parallel test files may bundle at once, and a child must never
    // start a half-written file.
    const outfile = path.join(folder, 'cli.mjs');
    const temporary = path.join(folder, `cli-${process.pid}.tmp.mjs`);
    await build({
      entryPoints: [path.join(root, 'cli/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: temporary,
      logLevel: 'silent',
    });
    await rename(temporary, outfile);
    return outfile;
  })();
  return bundled;
}

export interface CliChild {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: readonly string[] = [],
): Promise<CliChild> {
  const bundle = await bundleCli();
  const child = spawn(process.execPath, [...nodeArgs, bundle, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}
