import { EventEmitter } from 'node:events';
import type { Session } from 'electron';

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type CheckHandler = (contents: unknown, permission: string) => boolean;
type DeviceHandler = (details: { deviceType: string; origin: string }) => boolean;
type DisplayMediaHandler = (request: unknown, callback: (streams: unknown) => void) => void;

/**
 * A stand-in for Electron's Session that records the handlers the guards install and lets a
 * test fire the device-chooser events, as tests/security/guards.test.ts does for web contents.
 */
export function fakeSession() {
  const emitter = new EventEmitter();
  const installed: {
    request?: RequestHandler;
    check?: CheckHandler;
    device?: DeviceHandler;
    displayMedia?: DisplayMediaHandler;
  } = {};
  const session = Object.assign(emitter, {
    setPermissionRequestHandler: (handler: RequestHandler) => (installed.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (installed.check = handler),
    setDevicePermissionHandler: (handler: DeviceHandler) => (installed.device = handler),
    setDisplayMediaRequestHandler: (handler: DisplayMediaHandler) =>
      (installed.displayMedia = handler),
  });
  return {
    session: session as unknown as Session,
    installed,
    /** Emits a chooser event; returns whether it was prevented and what the callback got. */
    choose(eventName: string, ...middle: unknown[]) {
      const event = {
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      const answers: unknown[][] = [];
      emitter.emit(eventName, event, ...middle, (...answer: unknown[]) => answers.push(answer));
      return { prevented: event.defaultPrevented, answers };
    },
  };
}
