/**
 * Hosts we send people to in their browser (help pages). Anything else is dropped: a compromised or
 * buggy page must not be able to open arbitrary URLs or local files through the OS.
 */
const externalHostAllowList: readonly string[] = [
  'autopilothq.com',
  'www.autopilothq.com',
  'help.ortto.com',
  'ortto.com',
  'www.ortto.com',
];

export function isSafeExternalUrl(
  url: string,
  allowedHosts: readonly string[] = externalHostAllowList,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  if (parsed.port !== '') return false;
  return allowedHosts.includes(parsed.hostname);
}
