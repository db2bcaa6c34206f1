import type { SecretStore } from '../secrets/secret-store';
import { settingsFilePath } from '../settings/data-folder';
import { createJsonFileStore } from '../settings/json-file-store';
import { createSettingsRepository } from '../settings/settings-repository';
import { normalizeApiKey, sameDisplayName } from './destination-rules';

export { defaultDataFolder } from '../settings/data-folder';

/** The environment variable the command line reads the key from first. */
export const apiKeyVariable = 'AUTOPILOT_API_KEY';

export interface ResolveApiKeyOptions {
  readonly env: NodeJS.ProcessEnv;
  /** `--destination <display name>`: a destination saved in the app. */
  readonly destinationName?: string;
  /** The app's data folder (`--data-dir`, else defaultDataFolder()). */
  readonly dataFolder: string;
  readonly secretStore: SecretStore;
}

export interface ResolvedApiKey {
  readonly apiKey: string;
  /** From the named destination, when one was named. */
  readonly endpoint?: string;
  readonly rate?: number;
  readonly destinationId?: string;
}

/** Why no key could be found, in words for the person at the terminal. The key is never in it. */
export class ApiKeySourceError extends Error {
  override readonly name = 'ApiKeySourceError';
  constructor(
    message: string,
    /** 'no-api-key' when none was found, 'invalid-api-key' when the one found cannot be a key. */
    readonly code: 'no-api-key' | 'invalid-api-key' = 'no-api-key',
  ) {
    super(message);
  }
}

/**
 * The app's key rule (destination-rules.ts) for a key the command line found: spaces and line
 * breaks at either end are dropped, one inside (a key pasted with its neighbour, `\n` in a
 * variable) makes it no key at all. Caught before any request, so the key is never sent broken
 * in a header, and never printed: `source` says where it came from instead.
 */
export function checkedApiKey(raw: string, source: string): string {
  try {
    return normalizeApiKey(raw);
  } catch {
    throw new ApiKeySourceError(
      `The API key in ${source} has a line break, space or other character inside it that no Autopilot API key has. Nothing was sent. Set it again with the key alone, as Autopilot shows it under Settings, Autopilot API.`,
      'invalid-api-key',
    );
  }
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/**
 * Where the command line's API key comes from: `AUTOPILOT_API_KEY` first, else the keychain entry
 * of the destination named with `--destination`. Never from a command-line argument, which other
 * users of the computer can read in the process list. With both, the variable's key is used and
 * the named destination still supplies the endpoint and the request rate.
 */
export async function resolveApiKey(options: ResolveApiKeyOptions): Promise<ResolvedApiKey> {
  const fromEnvironment = options.env[apiKeyVariable]?.trim();
  const name = options.destinationName?.trim();
  if (!name) {
    if (fromEnvironment) return { apiKey: checkedApiKey(fromEnvironment, apiKeyVariable) };
    throw new ApiKeySourceError(
      `No API key. Set the ${apiKeyVariable} environment variable, or name a destination saved in the Segment Courier app with --destination "<display name>".`,
    );
  }
  const settings = await createSettingsRepository(
    createJsonFileStore(settingsFilePath(options.dataFolder)),
  ).read();
  const destination = settings.destinations.find((item) => sameDisplayName(item.displayName, name));
  if (!destination) {
    const known = settings.destinations.map((item) => item.displayName);
    throw new ApiKeySourceError(
      known.length === 0
        ? `There is no destination called "${name}": no destinations are saved in ${options.dataFolder}. Add one in the Segment Courier app first.`
        : `There is no destination called "${name}" in ${options.dataFolder}. Saved destinations: ${quoteList(known)}.`,
    );
  }
  const found = {
    endpoint: destination.endpoint,
    rate: destination.requestsPerSecond,
    destinationId: destination.id,
  };
  if (fromEnvironment) return { apiKey: checkedApiKey(fromEnvironment, apiKeyVariable), ...found };
  const apiKey = await options.secretStore.readKey(destination.id);
  if (!apiKey) {
    throw new ApiKeySourceError(
      `The destination "${destination.displayName}" has no API key in your keychain. Open Segment Courier, go to Destinations and use Replace key, or set ${apiKeyVariable}.`,
    );
  }
  const source = `your keychain for the destination "${destination.displayName}"`;
  return { apiKey: checkedApiKey(apiKey, source), ...found };
}
