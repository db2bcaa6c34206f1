/** The origin the app's own page is served from (electron/protocol/app-protocol.ts). */
export const appScheme = 'app';
export const appHost = 'segment-courier';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${appScheme}:`) return `${appScheme}://${parsed.host}`;
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/**
 * The window may only ever show our own page. Every other navigation (a dropped link, a
 * `javascript:` URL, a look-alike host such as `https://good.example.com.evil.com`) is refused;
 * links meant for the browser go through `openExternal` instead.
 */
export function isAllowedNavigation(
  url: string,
  allowedOrigins: readonly string[] = [appOrigin],
): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}
