import { describe, expect, it } from 'vitest';
import { emulatorTestKey } from '../../emulator/server';
import { emulator, secrets, serviceWith } from '../support/destinations-fixtures';

// Issue 17, item 2: a wrong key is caught where it is typed. Today's bug: it was saved with a
// green "Key saved in your keychain" and found only after the consent.
describe('checking a key where it is typed', () => {
  const wrongKey = '0000aaaa0000aaaa0000aaaa0000aaaa';
  const input = (apiKey: string, endpoint = emulator.url) => ({
    displayName: 'Main',
    apiKey,
    endpoint,
    agreement: true as const,
    checkKey: true,
  });

  it('refuses to save a key Autopilot does not accept, and saves one it accepts', async () => {
    const destinations = serviceWith();
    await expect(destinations.create(input(wrongKey))).rejects.toMatchObject({
      code: 'rejected-api-key',
      message: expect.stringMatching(/did not accept this API key/),
    });
    expect(await destinations.list()).toEqual([]);

    const created = await destinations.create(input(emulatorTestKey));
    expect(created.keyCheck).toEqual({
      status: 'connected',
      listCount: 3,
      checkedAt: '2025-03-04T10:20:30.000Z',
    });
    expect(await secrets.readKey(created.id)).toBe(emulatorTestKey);
  });

  it('keeps the old key when the replacement is refused', async () => {
    const destinations = serviceWith();
    const { id } = await destinations.create(input(emulatorTestKey));
    await expect(destinations.replaceKey(id, wrongKey, { check: true })).rejects.toMatchObject({
      code: 'rejected-api-key',
    });
    expect(await secrets.readKey(id)).toBe(emulatorTestKey);
    expect(await destinations.replaceKey(id, emulatorTestKey, { check: true })).toMatchObject({
      status: 'connected',
      listCount: 3,
    });
  });

  it('saves the key when Autopilot cannot be reached, and says it was not checked', async () => {
    const destinations = serviceWith();
    emulator.configure({ faultRate: 1, faultKinds: ['reset'] });
    try {
      const created = await destinations.create(input(emulatorTestKey));
      // A reset connection is said as such, not as "did not answer in time" (item 9).
      expect(created.keyCheck).toMatchObject({ status: 'failed', reason: 'interrupted' });
      expect(await secrets.readKey(created.id)).toBe(emulatorTestKey);
    } finally {
      emulator.configure({ faultRate: 0 });
    }
  });

  it('saves without asking Autopilot when no check is asked for (the command line, tests)', async () => {
    const destinations = serviceWith();
    const before = emulator.requests.length;
    const { keyCheck } = await destinations.create({ ...input(wrongKey), checkKey: undefined });
    expect(keyCheck).toBeUndefined();
    expect(emulator.requests.length).toBe(before);
  });
});
