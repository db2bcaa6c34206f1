import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage, statFile } from '@electron/asar';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packages the real build with electron-builder (`--linux dir`, the step every installer starts
// from) and checks what would ship. Electron's binary cannot be downloaded here, so a stand-in
// `electron` carrying Electron's fuse wire (with Electron's default settings) takes its place:
// electron-builder copies it, flips its fuses and writes resources/app.asar beside it
// (../shared/docs/environment.md, "electron-builder offline"). Output goes to a temporary folder.

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const builderCli = require.resolve('electron-builder/cli.js');
const electronVersion = (require('electron/package.json') as { version: string }).version;

/** @electron/fuses' marker, then wire version 1, its length and one byte per fuse. */
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The fuse wire's order (@electron/fuses FuseV1Options) under electron-builder.yml's names. */
const fuseOrder = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** What an unmodified Electron binary ships with: most are the opposite of our settings. */
const electronDefaultWire = '10110001';

function standInElectron(): Buffer {
  return Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for the Electron binary in packaging tests.\nexit 0\n# '),
    Buffer.from(fuseSentinel, 'ascii'),
    Buffer.from([1, fuseOrder.length]),
    Buffer.from(`${electronDefaultWire}\n`, 'ascii'),
  ]);
}

function readFuseWire(binary: Buffer): Record<string, boolean> {
  const at = binary.indexOf(fuseSentinel) + fuseSentinel.length;
  expect(at).toBeGreaterThan(fuseSentinel.length - 1);
  expect(binary[at]).toBe(1);
  const wire = binary.toString('ascii', at + 2, at + 2 + (binary[at + 1] ?? 0));
  return Object.fromEntries(fuseOrder.map((name, index) => [name, wire[index] === '1']));
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

const isBuiltin = (name: string) =>
  name.startsWith('node:') || builtinModules.includes(name.split('/')[0] ?? name);

/**
 * Package names a bundle loads with require('...') at run time (not relative, not built in). A
 * require inside a string or template is code a library generates (ajv's standalone mode), not a
 * call, hence the look-behind.
 */
function requiredPackages(bundle: string): string[] {
  const names = [...bundle.matchAll(/(?<![\w$.`'"])require\(\s*["']([^"'.][^"']*)["']\s*\)/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => name !== 'electron' && !isBuiltin(name))
    .map((name) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/'),
    );
  return [...new Set(names)];
}

// A Linux package: npm installed this machine's keychain binary, which only fits a Linux build here.
describe.runIf(process.platform === 'linux')('packaged app layout (electron-builder --dir)', () => {
  let work: string;
  let appFolder: string;
  let asarPath: string;
  let entries: string[];

  beforeAll(async () => {
    await run('npm', ['run', 'build']);
    work = await mkdtemp(path.join(tmpdir(), 'segment-courier-packaging-'));
    const electronDist = path.join(work, 'electron-dist');
    await mkdir(electronDist);
    await writeFile(path.join(electronDist, 'electron'), standInElectron(), { mode: 0o755 });
    const output = path.join(work, 'release');
    await run(process.execPath, [
      builderCli,
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
    ]);
    const unpackedName = readdirSync(output).find((name) => /^linux-.*unpacked$/.test(name));
    appFolder = path.join(output, unpackedName ?? 'linux-unpacked');
    asarPath = path.join(appFolder, 'resources', 'app.asar');
    entries = listPackage(asarPath, { isPack: false }).map((entry) =>
      entry.split(path.sep).join('/').replace(/^\//, ''),
    );
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('holds the main process, the preload and the renderer', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/electron/main.cjs',
        'dist/electron/preload.cjs',
        'dist/electron/tray-icon.png',
        'dist/electron/tray-icon@2x.png',
        'dist/renderer/index.html',
      ]),
    );
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString()) as {
      main: string;
      scripts?: unknown;
      devDependencies?: unknown;
    };
    expect(manifest.main).toBe('dist/electron/main.cjs');
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
  });

  it("holds every script and style the renderer's page loads", () => {
    const page = extractFile(asarPath, 'dist/renderer/index.html').toString();
    const assets = [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(entries).toContain(`dist/renderer/${asset}`);
  });

  it('holds no sources, tests, source maps or dotfiles', () => {
    const leaks = entries.filter(
      (entry) =>
        /\.(ts|tsx|mts|cts|map)$/.test(entry) ||
        entry.split('/').some((part) => part.startsWith('.')) ||
        entry.split('/').some((part) => ['test', 'tests', '__tests__'].includes(part)) ||
        /^(electron|renderer|shared|core|cli|emulator|scripts|bench|build|tests)\//.test(entry),
    );
    expect(leaks).toEqual([]);
    const topLevel = new Set(entries.map((entry) => entry.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['dist', 'node_modules', 'package.json']);
  });

  it('holds every package the bundles require at run time, and no other', () => {
    const bundles = ['dist/electron/main.cjs', 'dist/electron/preload.cjs'];
    const required = bundles.flatMap((bundle) =>
      requiredPackages(extractFile(asarPath, bundle).toString()),
    );
    for (const name of required) expect(entries).toContain(`node_modules/${name}/package.json`);
    const packaged = entries.filter((entry) =>
      /^node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(entry),
    );
    for (const manifest of packaged) expect(manifest).toMatch(/^node_modules\/@napi-rs\/keyring/);
  });

  it("keeps the keychain's native module out of the archive, in app.asar.unpacked", () => {
    const nativeEntries = entries.filter((entry) => entry.endsWith('.node'));
    expect(nativeEntries.length).toBeGreaterThan(0);
    expect(nativeEntries.every((entry) => entry.startsWith('node_modules/@napi-rs/keyring-'))).toBe(
      true,
    );
    for (const entry of nativeEntries) {
      expect(statFile(asarPath, entry)).toMatchObject({ unpacked: true });
      const onDisk = path.join(appFolder, 'resources', 'app.asar.unpacked', entry);
      expect(existsSync(onDisk)).toBe(true);
      expect(readFileSync(onDisk).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    }
  });

  it('flips the fuses in the packaged binary to the settings in electron-builder.yml', () => {
    const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
      linux: { executableName: string };
    };
    const binary = readFileSync(path.join(appFolder, config.linux.executableName));
    const wire = readFuseWire(binary);
    expect(wire).toEqual(config.electronFuses);
    expect(wire).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
