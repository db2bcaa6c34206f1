import type { App, Session, WebContents } from 'electron';
import { isSafeExternalUrl } from './external-links';
import { isAllowedNavigation } from './navigation';
import { isPermissionAllowed } from './permissions';

export interface GuardDependencies {
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
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void deps.openExternal(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check not allow-listed in electron/security/permissions.ts. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionAllowed(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}

/** Installed once, before any window exists, so every web contents gets the guards. */
export function installSecurityGuards(app: App, deps: GuardDependencies): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));
}
