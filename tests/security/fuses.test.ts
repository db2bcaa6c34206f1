import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

// Electron fuses are switches compiled into the Electron binary and flipped by electron-builder
// when it packages the app (electronFuses in electron-builder.yml). The packaged binary's wire is
// checked in tests/integration/packaging-layout.test.ts; here, the settings themselves.

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

function configuredFuses(): Record<string, unknown> {
  const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
    electronFuses?: Record<string, unknown>;
  };
  return config.electronFuses ?? {};
}

/** Every fuse the installed electron-builder knows (its schema's FuseOptionsV1). */
function knownFuses(): string[] {
  const schemaPath = require.resolve('app-builder-lib/scheme.json', {
    paths: [path.dirname(require.resolve('electron-builder/package.json'))],
  });
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };
  // Not a fuse: a macOS re-signing step electron-builder already does after flipping fuses.
  return Object.keys(schema.definitions.FuseOptionsV1.properties).filter(
    (name) => name !== 'resetAdHocDarwinSignature',
  );
}

describe('electron fuses', () => {
  const fuses = configuredFuses();

  it('cannot be run as a plain Node (ELECTRON_RUN_AS_NODE ignored)', () => {
    expect(fuses.runAsNode).toBe(false);
  });

  it('ignores NODE_OPTIONS and --inspect switches', () => {
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('encrypts cookies on disk', () => {
    expect(fuses.enableCookieEncryption).toBe(true);
  });

  it('loads the app only from an integrity-checked app.asar', () => {
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
  });

  it('gives file: pages no extra privileges', () => {
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('decides every fuse electron-builder knows, so a new one cannot slip in unset', () => {
    const known = knownFuses();
    expect(known.length).toBeGreaterThanOrEqual(8);
    for (const name of known) expect(typeof fuses[name], name).toBe('boolean');
    expect(Object.keys(fuses).sort()).toEqual([...known].sort());
  });
});
