import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function runCli(args: string[]) {
  return spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'cli/main.ts', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 30_000,
    },
  );
}

describe('command line', () => {
  it('prints its usage with --help and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage:');
    expect(result.stdout).toContain('AUTOPILOT_API_KEY');
  });

  it('exits 2 with the usage on an unknown command', () => {
    const result = runCli(['launch-rockets']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command "launch-rockets"');
    expect(result.stderr).toContain('Usage:');
  });
});
