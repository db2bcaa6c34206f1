import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The packaging settings (electron-builder.yml) checked without building anything: the file is
// valid for the installed electron-builder, and the installers are the ones issue 9 asks for.

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
type Config = Record<string, unknown>;

function loadConfig(): Config {
  return yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

function section(config: Config, key: string): Config {
  return (config[key] ?? {}) as Config;
}

/**
 * Validates like electron-builder itself (app-builder-lib/out/util/config/schemaValidator.js): the
 * schema is draft-07 and uses a non-standard `typeof` keyword for function-valued options, which
 * electron-builder's ajv ignores (`strict: false`).
 */
function compileBuilderSchema() {
  const schemaPath = require.resolve('app-builder-lib/scheme.json', {
    paths: [path.dirname(require.resolve('electron-builder/package.json'))],
  });
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { $schema: string };
  expect(schema.$schema).toContain('draft-07');
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder configuration', () => {
  const config = loadConfig();
  const validate = compileBuilderSchema();

  it("validates against the installed electron-builder's schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would catch a misspelt option (the check is not vacuous)', () => {
    const misspelt = { ...config, nsis: { ...section(config, 'nsis'), perMachnie: false } };
    expect(validate(misspelt)).toBe(false);
    const badFuse = { ...config, electronFuses: { runAsNode: 'no' } };
    expect(validate(badFuse)).toBe(false);
  });

  it('names the app and writes installers to release/', () => {
    expect(config.appId).toBe('com.segmentcourier.app');
    expect(config.productName).toBe('Segment Courier');
    expect(section(config, 'directories').output).toBe('release');
  });

  it('packages only built output and the keychain binding, in an asar with the binding outside', () => {
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
    expect(files).toEqual(expect.arrayContaining(['!**/*.map', '!**/.*', '!node_modules/**']));
    expect(
      files.filter((pattern) => /^(electron|renderer|shared|core|tests|cli)\b/.test(pattern)),
    ).toEqual([]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', 'node_modules/@napi-rs/keyring-*/**']),
    );
  });

  it('never rebuilds native modules (the keychain binding is prebuilt N-API)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('installs per user on Windows, without administrator rights', () => {
    expect(section(config, 'win').target).toBe('nsis');
    const nsis = section(config, 'nsis');
    expect(nsis.perMachine).toBe(false);
    expect(nsis.allowElevation).toBe(false);
    expect(nsis.oneClick).toBe(true);
  });

  it('builds a hardened, JIT-only dmg and zip on macOS', () => {
    const mac = section(config, 'mac');
    expect(mac.target).toEqual(['dmg', 'zip']);
    expect(mac.category).toBe('public.app-category.business');
    expect(mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(path.join(root, String(mac.entitlements)), 'utf8');
    const granted = [...entitlements.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('builds an AppImage and a deb on Linux with a category, maintainer and synopsis', () => {
    const linux = section(config, 'linux');
    expect(linux.target).toEqual(['AppImage', 'deb']);
    expect(linux.category).toBe('Office');
    expect(linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(String(linux.synopsis).length).toBeGreaterThan(10);
  });

  it('registers .csv and .tsv as segment files the app can view', () => {
    const associations = config.fileAssociations as Config[];
    expect(associations.map((association) => association.ext)).toEqual(['csv', 'tsv']);
    for (const association of associations) {
      expect(association.role).toBe('Viewer');
      expect(association.name).toEqual(expect.any(String));
      expect(association.description).toEqual(expect.any(String));
      expect(association.mimeType).toMatch(/^text\//);
    }
  });

  it('points at icon files that exist', () => {
    const icons = [
      section(config, 'win').icon,
      section(config, 'nsis').installerIcon,
      section(config, 'mac').icon,
      section(config, 'linux').icon,
    ];
    for (const icon of icons) expect(existsSync(path.join(root, String(icon)))).toBe(true);
  });
});
