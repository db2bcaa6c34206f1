// Issue 12, item 15: the Content Security Policy travels as a header with every app:// response,
// frame-ancestors included, and says what renderer/index.html's meta says.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTempFolder } from '../support/temp-folder';

type Handler = (request: { url: string }) => Promise<Response>;
const handlers = new Map<string, Handler>();

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: (scheme: string, handler: Handler) => handlers.set(scheme, handler),
  },
}));

const { serveRenderer } = await import('../../electron/protocol/app-protocol');

function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

async function metaPolicy(): Promise<string> {
  const html = await readFile(
    path.resolve(import.meta.dirname, '../../renderer/index.html'),
    'utf8',
  );
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match?.[1]) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  return match[1];
}

const rendererRoot = useTempFolder('courier-renderer-', { per: 'file' });

beforeAll(async () => {
  await mkdir(path.join(rendererRoot(), 'assets'));
  await writeFile(path.join(rendererRoot(), 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(rendererRoot(), 'assets/index-abc.js'), 'console.log(1)');
  serveRenderer(rendererRoot());
});

async function request(url: string): Promise<Response> {
  const handler = handlers.get('app');
  if (!handler) throw new Error('serveRenderer installed no app:// handler');
  return handler({ url });
}

describe('the app:// protocol sends the Content Security Policy as a header', () => {
  it('on the page, with frame-ancestors, which a meta cannot carry', async () => {
    const response = await request('app://segment-courier/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>x</title>');
    const policy = directivesOf(response.headers.get('content-security-policy') ?? '');
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the same policy as the meta in renderer/index.html, directive for directive', async () => {
    const response = await request('app://segment-courier/');
    const header = directivesOf(response.headers.get('content-security-policy') ?? '');
    expect(header).toEqual(directivesOf(await metaPolicy()));
  });

  it('on scripts and on refusals too', async () => {
    const script = await request('app://segment-courier/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    for (const url of ['app://segment-courier/missing.html', 'app://other-host/index.html']) {
      const refused = await request(url);
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });
});
