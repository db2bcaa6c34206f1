import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../electron/protocol/resolve-app-file';

const root = path.resolve('/opt/courier/renderer');

describe('app:// protocol file resolution', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://segment-courier/index.html')?.filePath).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveAppFile(root, 'app://segment-courier/')?.filePath).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveAppFile(root, 'app://segment-courier/assets/index-abc.js')).toEqual({
      filePath: path.join(root, 'assets/index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('clamps dot segments to the folder, as URL parsing does', () => {
    const file = resolveAppFile(root, 'app://segment-courier/%2e%2e/%2e%2e/etc/passwd.html');
    expect(file?.filePath).toBe(path.join(root, 'etc/passwd.html'));
  });

  it.each([
    'app://segment-courier/../../etc/passwd',
    'app://segment-courier/assets/..%2f..%2f..%2fsecret.js',
    'app://other-host/index.html',
    'app://segment-courier/%E0%A4%A',
    'app://segment-courier/run.exe',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});
