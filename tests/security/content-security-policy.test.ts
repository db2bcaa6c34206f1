import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function readPolicy(): Map<string, string[]> {
  const html = readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match?.[1]) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  const directives = new Map<string, string[]>();
  for (const part of match[1].split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

describe('Content Security Policy in renderer/index.html', () => {
  const policy = readPolicy();

  it('denies by default', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('runs only our own scripts, never inline or eval', () => {
    const scripts = policy.get('script-src') ?? [];
    expect(scripts).toEqual(["'self'"]);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it('allows no plugins, no base rewriting, no framing and no form posts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('lets the page connect only to itself: the API is called from main, not the renderer', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('keeps styles to our own stylesheets', () => {
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });
});
