import { describe, expect, it } from 'vitest';
import { emulatorTestKey, startEmulator } from '../../emulator/server';
import { emulator, secrets, serviceWith } from '../support/destinations-fixtures';

describe('Connect', () => {
  async function added(apiKey = emulatorTestKey, endpoint = emulator.url) {
    const destinations = serviceWith();
    const destination = await destinations.create({
      displayName: 'Main',
      apiKey,
      endpoint,
      agreement: true,
    });
    return { destinations, id: destination.id };
  }

  it('reports the account it found with the saved key', async () => {
    const { destinations, id } = await added();
    expect(await destinations.connect(id)).toEqual({
      status: 'connected',
      listCount: 3,
      checkedAt: '2025-03-04T10:20:30.000Z',
    });
    const lastRequest = emulator.requests.at(-1);
    expect(lastRequest?.path).toBe('/lists');
  });

  it('says plainly that a wrong key was refused, and works again once the key is replaced', async () => {
    const { destinations, id } = await added('0000aaaa0000aaaa0000aaaa0000aaaa');
    expect(await destinations.connect(id)).toMatchObject({
      status: 'failed',
      reason: 'rejected-key',
      httpStatus: 401,
      message: expect.stringMatching(/did not accept this API key/),
    });
    await destinations.replaceKey(id, emulatorTestKey);
    expect(await destinations.connect(id)).toMatchObject({ status: 'connected', listCount: 3 });
  });

  it('says when Autopilot cannot be reached at all', async () => {
    const closed = await startEmulator();
    const url = closed.url;
    await closed.close();
    const { destinations, id } = await added(emulatorTestKey, url);
    expect(await destinations.connect(id)).toMatchObject({ status: 'failed', reason: 'offline' });
  });

  it('says when Autopilot has a problem on its side, or is busy', async () => {
    const { destinations, id } = await added();
    emulator.configure({ faultRate: 1, faultKinds: ['503'] });
    try {
      expect(await destinations.connect(id)).toMatchObject({
        reason: 'server-error',
        httpStatus: 503,
      });
    } finally {
      emulator.configure({ faultRate: 0 });
    }
    emulator.configure({ rate: 0.001, burst: 1 });
    try {
      await destinations.connect(id);
      expect(await destinations.connect(id)).toMatchObject({ reason: 'busy', httpStatus: 429 });
    } finally {
      emulator.configure({ rate: undefined, burst: undefined });
    }
  });

  it('says when Autopilot does not answer in time', async () => {
    const { id } = await added();
    const impatient = serviceWith({ connectTimeoutMs: 150 });
    emulator.configure({ faultRate: 1, faultKinds: ['hang'] });
    try {
      expect(await impatient.connect(id)).toMatchObject({ status: 'failed', reason: 'timeout' });
    } finally {
      emulator.configure({ faultRate: 0 });
    }
  });

  it('says when the endpoint is not an Autopilot API', async () => {
    const { destinations, id } = await added(
      emulatorTestKey,
      emulator.url.replace(/\/v1$/, '/wrong'),
    );
    expect(await destinations.connect(id)).toMatchObject({
      status: 'failed',
      reason: 'not-autopilot',
    });
  });

  it('says when the keychain has no key for the destination', async () => {
    const { destinations, id } = await added();
    await secrets.deleteKey(id);
    expect(await destinations.connect(id)).toMatchObject({ status: 'failed', reason: 'no-key' });
    expect(await destinations.hasKey(id)).toBe(false);
  });
});
