import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../electron/security/permissions';

describe('permission requests', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'unknown',
  ])('denies %s', (permission) => {
    expect(isPermissionAllowed(permission)).toBe(false);
  });
});
