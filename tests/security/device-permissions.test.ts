// Issue 12, item 15: a device-permission handler that denies, installed with the other session
// guards; every device chooser answers "no device".
import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardSession, guardWebContents } from '../../electron/security/install-guards';
import { isDeviceAllowed } from '../../electron/security/permissions';
import { fakeSession } from '../support/fake-session';

const origin = 'app://segment-courier';

describe('device permissions', () => {
  it.each(['hid', 'usb', 'serial', 'bluetooth', 'unknown'])('the rule denies %s', (type) => {
    expect(isDeviceAllowed(type)).toBe(false);
  });

  it('the session gets a device-permission handler that denies every device type', () => {
    const fake = fakeSession();
    guardSession(fake.session);
    const handler = fake.installed.device;
    expect(handler).toBeTypeOf('function');
    const answers = ['hid', 'usb', 'serial'].map((deviceType) => handler?.({ deviceType, origin }));
    expect(answers).toEqual([false, false, false]);
  });

  it('the permission check for the device APIs denies too', () => {
    const fake = fakeSession();
    guardSession(fake.session);
    for (const permission of ['hid', 'usb', 'serial', 'bluetooth']) {
      expect(fake.installed.check?.(null, permission)).toBe(false);
    }
  });

  it('HID, USB and serial choosers pick no device', () => {
    const fake = fakeSession();
    guardSession(fake.session);
    const device = { deviceId: 'key-1', name: 'A security key' };
    const hid = fake.choose('select-hid-device', { deviceList: [device], frame: null });
    const usb = fake.choose('select-usb-device', { deviceList: [device], frame: null });
    const serial = fake.choose('select-serial-port', [{ portId: 'tty-1' }], null);
    expect(hid).toEqual({ prevented: true, answers: [[]] });
    expect(usb).toEqual({ prevented: true, answers: [[]] });
    expect(serial).toEqual({ prevented: true, answers: [['']] });
  });

  it('screen capture requests are refused', () => {
    const fake = fakeSession();
    guardSession(fake.session);
    const callback = vi.fn();
    fake.installed.displayMedia?.({ securityOrigin: origin }, callback);
    expect(callback.mock.calls).toEqual([[null]]);
  });

  it('a Bluetooth chooser in the page picks no device', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    guardWebContents(contents as unknown as WebContents, { openExternal: vi.fn() });
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    const picked: string[] = [];
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'bt-1' }], (id: string) =>
      picked.push(id),
    );
    expect(event.prevented).toBe(true);
    expect(picked).toEqual(['']);
  });
});
