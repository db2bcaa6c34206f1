import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('dependencies', () => {
  const manifest = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
  ) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const all = { ...manifest.dependencies, ...manifest.devDependencies };

  it('never include @electron/remote', () => {
    expect(Object.keys(all)).not.toContain('@electron/remote');
  });

  it('keep the keychain on the maintained N-API module, not archived keytar', () => {
    expect(Object.keys(all)).toContain('@napi-rs/keyring');
    expect(Object.keys(all)).not.toContain('keytar');
  });

  it('ship Electron as a development tool only (electron-builder adds the runtime)', () => {
    expect(manifest.dependencies ?? {}).not.toHaveProperty('electron');
  });
});
