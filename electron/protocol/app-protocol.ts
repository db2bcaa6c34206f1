import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appScheme } from '../security/navigation';
import { resolveAppFile } from './resolve-app-file';

/** Must run before the app is ready: `app://` behaves like a secure https origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from disk; nothing outside that folder is reachable. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file.filePath);
      return new Response(body, { headers: { 'content-type': file.contentType } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
