import { contentSecurityPolicy } from './content-security-policy';
import { resolveAppFile } from './resolve-app-file';

/** Headers on every `app://` response. */
const appHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  // The content type is decided from the file name (resolve-app-file.ts), never guessed again.
  'x-content-type-options': 'nosniff',
};

type ReadAppFile = (filePath: string) => Promise<Uint8Array>;

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...appHeaders, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The answer to one `app://` request: a file of the built renderer with its type and the
 * security headers, or a 404 (with the same headers) for anything else. No Electron here, so the
 * security tests call it as the protocol handler does.
 */
export async function appProtocolResponse(
  rendererRoot: string,
  requestUrl: string,
  read: ReadAppFile,
): Promise<Response> {
  const file = resolveAppFile(rendererRoot, requestUrl);
  if (!file) return notFound();
  try {
    const body = await read(file.filePath);
    return new Response(body, { headers: { ...appHeaders, 'content-type': file.contentType } });
  } catch {
    return notFound();
  }
}
