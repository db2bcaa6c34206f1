import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../electron/security/external-links';

describe('openExternal allow-list', () => {
  it.each([
    ['https://www.autopilothq.com/help', true],
    ['https://help.ortto.com/a-235-rate-limits', true],
    ['http://www.autopilothq.com/', false],
    ['https://www.autopilothq.com.evil.com/', false],
    ['https://evil.com/?https://www.autopilothq.com', false],
    ['https://user:pass@www.autopilothq.com/', false],
    ['https://www.autopilothq.com:8443/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
  });
});
