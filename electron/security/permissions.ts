/**
 * The page needs no browser permission (camera, notifications, geolocation, clipboard reads...):
 * OS notifications come from main. Every request is denied unless named here.
 */
const allowedPermissions: ReadonlySet<string> = new Set<string>([]);

export function isPermissionAllowed(permission: string): boolean {
  return allowedPermissions.has(permission);
}

/**
 * Device types the page may use (`navigator.usb`, `.hid`, `.serial`): none, since the app reads
 * files and talks to Autopilot from main. A device is never granted unless its type is named here.
 */
const allowedDeviceTypes: ReadonlySet<string> = new Set<string>([]);

export function isDeviceAllowed(deviceType: string): boolean {
  return allowedDeviceTypes.has(deviceType);
}
