import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appScheme } from '../security/navigation';
import { appProtocolResponse } from './app-response';

/** Must run before the app is ready: `app://` behaves like a secure https origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from disk, with the Content Security Policy as a header; nothing
 * outside that folder is reachable.
 */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(appScheme, (request) =>
    appProtocolResponse(rendererRoot, request.url, (filePath) => readFile(filePath)),
  );
}
