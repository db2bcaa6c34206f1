import { describe, expect, it, vi } from 'vitest';
import { guardSession, guardWebContents } from '../../electron/security/install-guards';
import { appEntryUrl } from '../../electron/security/navigation';
import { fakeSession } from '../support/fake-session';
import { fakeWebContents } from '../support/fake-web-contents';

describe('web contents guards', () => {
  it('refuses navigation and redirects away from the app', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents, { openExternal: vi.fn() });
    expect(fake.navigate('will-navigate', appEntryUrl)).toBe(false);
    expect(fake.navigate('will-navigate', 'https://good.example.com.evil.com')).toBe(true);
    expect(fake.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(fake.navigate('will-attach-webview', 'https://anything.example')).toBe(true);
  });

  it('never opens a window; safe links go to the browser, others nowhere', () => {
    const fake = fakeWebContents();
    const openExternal = vi.fn(async () => undefined);
    guardWebContents(fake.contents, { openExternal });
    expect(fake.open('https://www.autopilothq.com/help')).toEqual({ action: 'deny' });
    expect(fake.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.autopilothq.com/help']]);
  });
});

describe('session permission handlers', () => {
  it('deny every request and check', () => {
    const fake = fakeSession();
    guardSession(fake.session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation']) {
      fake.installed.request?.(null, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false]);
    expect(fake.installed.check?.(null, 'clipboard-read')).toBe(false);
  });
});
