/**
 * The API key for `push` and `resume`: AUTOPILOT_API_KEY, else the keychain entry of
 * `--destination <display name>` (core/destinations/resolve-api-key.ts), else, for a job the app
 * created, the keychain entry of the job's destination. Never from an argument. The keychain is
 * only opened when needed, so a scripted push with the variable works where there is no keyring.
 */
import type { SecretStore } from '../../core/secrets/secret-store';
import {
  apiKeyVariable,
  ApiKeySourceError,
  checkedApiKey,
  resolveApiKey,
  type ResolvedApiKey,
} from '../../core/destinations/resolve-api-key';

export { ApiKeySourceError };

async function keychain(): Promise<SecretStore> {
  const { createKeyringSecretStore } = await import('../../core/secrets/keyring-secret-store');
  return createKeyringSecretStore();
}

/** A store that opens the keychain on first use only. */
function lazySecretStore(): SecretStore {
  let store: Promise<SecretStore> | null = null;
  const open = () => (store ??= keychain());
  return {
    setKey: async (id, key) => (await open()).setKey(id, key),
    readKey: async (id) => (await open()).readKey(id),
    hasKey: async (id) => (await open()).hasKey(id),
    deleteKey: async (id) => (await open()).deleteKey(id),
  };
}

export interface CliKeyOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly dataFolder: string;
  readonly destinationName?: string;
  /** The job's saved destination id ("env" when it was pushed with the variable). */
  readonly jobDestinationId?: string;
}

export async function resolveCliKey(options: CliKeyOptions): Promise<ResolvedApiKey> {
  const secretStore = lazySecretStore();
  const fromEnvironment = options.env[apiKeyVariable]?.trim();
  const jobDestination = options.jobDestinationId;
  if (!fromEnvironment && !options.destinationName && jobDestination && jobDestination !== 'env') {
    const apiKey = await secretStore.readKey(jobDestination).catch(() => null);
    const source = 'your keychain for the destination of this job';
    if (apiKey) return { apiKey: checkedApiKey(apiKey, source), destinationId: jobDestination };
  }
  return resolveApiKey({
    env: options.env,
    destinationName: options.destinationName,
    dataFolder: options.dataFolder,
    secretStore,
  });
}
