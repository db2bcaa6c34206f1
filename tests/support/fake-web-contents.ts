import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';

type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/**
 * A stand-in for Electron's WebContents that keeps the listeners and the window-open handler the
 * guards install, so a test can fire a navigation or a window.open and see what they decided.
 */
export function fakeWebContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: OpenHandler) {
      openHandler = handler;
    },
  });
  return {
    contents: contents as unknown as WebContents,
    /** Fires a navigation-like event; true when a guard prevented it. */
    navigate(eventName: string, url: string): boolean {
      const event = {
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      emitter.emit(eventName, event, url);
      return event.defaultPrevented;
    },
    open(url: string) {
      if (!openHandler) throw new Error('no window-open handler installed');
      return openHandler({ url });
    },
  };
}
