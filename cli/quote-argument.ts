/**
 * How a usage message names what the person typed. An API key typed as a bare argument (the key
 * never goes on the command line, but people try) is never echoed back: terminals, CI logs and
 * screen shares keep what is printed (issue 12, item 14).
 */

/** One word of 16 or more letters and digits, with both: how API keys look, not how files do. */
function looksLikeSecret(text: string): boolean {
  return /^[A-Za-z0-9_-]{16,}$/.test(text) && /\d/.test(text) && /[A-Za-z]/.test(text);
}

export function quoteArgument(text: string): string {
  return looksLikeSecret(text) ? 'an argument that looks like an API key (not shown)' : `"${text}"`;
}

/** Removes the key the environment holds from a message, wherever it appears. */
export function withoutKey(message: string, env: NodeJS.ProcessEnv): string {
  const key = env.AUTOPILOT_API_KEY?.trim();
  return key && key.length >= 4 ? message.split(key).join('[the API key]') : message;
}
