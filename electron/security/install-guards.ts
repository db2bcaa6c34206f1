import type { App, Session, WebContents } from 'electron';
import { isSafeExternalUrl } from './external-links';
import { isAllowedNavigation } from './navigation';
import { isDeviceAllowed, isPermissionAllowed } from './permissions';

interface GuardDependencies {
  readonly openExternal: (url: string) => Promise<void>;
  readonly allowedOrigins?: readonly string[];
}

/** Navigation and new-window guards for one web contents (style.md, practice 11). */
export function guardWebContents(contents: WebContents, deps: GuardDependencies): void {
  const refuseForeignNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, deps.allowedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeignNavigation);
  contents.on('will-redirect', refuseForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A Web Bluetooth chooser gets no device (an empty id cancels it).
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void deps.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Denies every permission request and check not allow-listed in electron/security/permissions.ts,
 * and every device: the page needs no USB, HID, serial or Bluetooth device and no screen capture.
 */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionAllowed(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  guardDevices(session);
}

/**
 * Without a device-permission handler Electron keeps what a device chooser granted; with this one
 * nothing is granted, and each chooser is answered "no device" at once instead of Electron's
 * default (the first device found, for some of them).
 */
function guardDevices(session: Session): void {
  session.setDevicePermissionHandler((details) => isDeviceAllowed(details.deviceType));
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
}

/** Installed once, before any window exists, so every web contents gets the guards. */
export function installSecurityGuards(app: App, deps: GuardDependencies): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));
}
