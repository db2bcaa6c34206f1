import { describe, expect, it, vi } from 'vitest';
import { createIpcDispatcher } from '../../electron/ipc/dispatcher';
import { UserFacingError } from '../../electron/ipc/user-facing-error';
import type { IpcHandlers } from '../../electron/ipc/handlers';

const origin = 'app://segment-courier';
const ownPage = { url: `${origin}/index.html`, isMainFrame: true };
const appInfo = {
  name: 'Segment Courier',
  version: '1.0.0',
  platform: 'linux',
  dataFolder: '/data',
};

function dispatcherWith(handler: IpcHandlers['app:info']) {
  const logError = vi.fn();
  const handlers = { 'app:info': handler } as IpcHandlers;
  return {
    logError,
    dispatcher: createIpcDispatcher({ handlers, trustedOrigins: [origin], logError }),
  };
}

describe('IPC dispatcher', () => {
  it('answers our own top-level page', async () => {
    const { dispatcher } = dispatcherWith(async () => appInfo);
    await expect(dispatcher.dispatch('app:info', ownPage, undefined)).resolves.toEqual({
      ok: true,
      value: appInfo,
    });
  });

  it.each([
    { url: 'https://evil.example/index.html', isMainFrame: true },
    { url: 'app://segment-courier.evil/index.html', isMainFrame: true },
    { url: `${origin}/index.html`, isMainFrame: false },
    { url: 'file:///index.html', isMainFrame: true },
    { url: '', isMainFrame: true },
  ])('never reaches the handler from a foreign sender %o', async (sender) => {
    const handler = vi.fn(async () => appInfo);
    const { dispatcher } = dispatcherWith(handler);
    const result = await dispatcher.dispatch('app:info', sender, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects a bad payload with a validation error before the handler', async () => {
    const handler = vi.fn(async () => appInfo);
    const { dispatcher } = dispatcherWith(handler);
    const result = await dispatcher.dispatch('app:info', ownPage, { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses channels that are not in the contract', async () => {
    const { dispatcher } = dispatcherWith(async () => appInfo);
    const result = await dispatcher.dispatch('secrets:read', ownPage, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('passes a user-facing error through, with its facts, and hides an unexpected one', async () => {
    const userFacing = dispatcherWith(async () => {
      throw new UserFacingError('keychain-locked', 'Your keychain is locked.');
    });
    await expect(userFacing.dispatcher.dispatch('app:info', ownPage, undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'keychain-locked', params: {}, message: 'Your keychain is locked.' },
    });
    const withFacts = dispatcherWith(async () => {
      throw new UserFacingError('duplicate-display-name', 'Taken.', { name: 'Shop' });
    });
    await expect(withFacts.dispatcher.dispatch('app:info', ownPage, undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'duplicate-display-name', params: { name: 'Shop' }, message: 'Taken.' },
    });
    const unexpected = dispatcherWith(async () => {
      throw new Error('ENOENT /secret/path');
    });
    const result = await unexpected.dispatcher.dispatch('app:info', ownPage, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(unexpected.logError).toHaveBeenCalledOnce();
  });

  it('checks what main answers against the contract too', async () => {
    const { dispatcher } = dispatcherWith(async () => ({ ...appInfo, version: 42 }) as never);
    const result = await dispatcher.dispatch('app:info', ownPage, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
