/**
 * How a usage message names what the person typed. An API key typed as a bare argument (the key
 * never goes on the command line, but people try) is never echoed back: terminals, CI logs and
 * screen shares keep what is printed (issue 12, item 14).
 */
import { apiKeyVariables } from '../core/destination-port/open-destination';

/** One word of 16 or more letters and digits, with both: how API keys look, not how files do. */
function looksLikeSecret(text: string): boolean {
  return /^[A-Za-z0-9_-]{16,}$/.test(text) && /\d/.test(text) && /[A-Za-z]/.test(text);
}

export function quoteArgument(text: string): string {
  return looksLikeSecret(text) ? 'an argument that looks like an API key (not shown)' : `"${text}"`;
}

/** Removes the keys the environment holds (either service's) from a message, wherever they appear. */
export function withoutKey(message: string, env: NodeJS.ProcessEnv): string {
  return Object.values(apiKeyVariables).reduce((text, variable) => {
    const key = env[variable]?.trim();
    return key && key.length >= 4 ? text.split(key).join('[the API key]') : text;
  }, message);
}
