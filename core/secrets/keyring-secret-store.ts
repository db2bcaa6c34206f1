import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { toSecretStoreError } from './keychain-errors';
import { defaultKeychainService, type SecretStore } from './secret-store';

interface KeyringSecretStoreOptions {
  /** The keychain service name; tests pass a unique one so runs never meet. */
  readonly service?: string;
}

/**
 * Pinned to the Secret Service on Linux: without the pin the library silently falls back to the
 * kernel keyring, which forgets keys at logout. A missing Secret Service must be an error the
 * person sees, never a quiet downgrade (../../shared/docs/environment.md).
 */
const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };

async function withKeychain<T>(work: () => Promise<T>): Promise<T> {
  try {
    // The constructor itself throws when there is no D-Bus session, so it runs inside `work`.
    return await work();
  } catch (error) {
    throw toSecretStoreError(error);
  }
}

/** Programming mistakes, checked before the keychain is touched so they are not blamed on it. */
function requireId(destinationId: string): string {
  if (destinationId.length === 0) throw new Error('A keychain entry needs a destination id.');
  return destinationId;
}

/** The OS keychain through @napi-rs/keyring: service = the app, account = the destination id. */
export function createKeyringSecretStore(options: KeyringSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? defaultKeychainService;
  const entry = (account: string) => new AsyncEntry(service, account, entryOptions);
  return {
    async setKey(destinationId, key) {
      const account = requireId(destinationId);
      if (key.length === 0) throw new Error('An empty key is never stored.');
      await withKeychain(() => entry(account).setPassword(key));
    },
    async hasKey(destinationId) {
      const account = requireId(destinationId);
      return withKeychain(async () => (await entry(account).getPassword()) !== null);
    },
    async deleteKey(destinationId) {
      const account = requireId(destinationId);
      return withKeychain(() => entry(account).deleteCredential());
    },
    async readKey(destinationId) {
      const account = requireId(destinationId);
      return withKeychain(async () => (await entry(account).getPassword()) ?? undefined);
    },
  };
}
