/**
 * Where API keys live: the OS keychain, one entry per destination (../../shared/docs/style.md,
 * practice 6). Only main and the command line hold a SecretStore; the renderer can ask main whether
 * a key is set, set a new one or remove it, and never read one back.
 */
export interface SecretStore {
  /** Saves (or replaces) the key of a destination. */
  setKey(destinationId: string, key: string): Promise<void>;
  hasKey(destinationId: string): Promise<boolean>;
  /** Resolves false when there was nothing to delete. */
  deleteKey(destinationId: string): Promise<boolean>;
  /** Main and the command line only: the key goes into the request header and nowhere else. */
  readKey(destinationId: string): Promise<string | undefined>;
}

/**
 * Failure classes a person can act on. There is deliberately no "fall back to a file" class: a key
 * that cannot go into the keychain is not stored at all.
 */
export type SecretStoreErrorKind =
  /** No D-Bus session, or nothing on it provides the Secret Service (no keyring installed). */
  | 'no-keyring'
  /** The keyring exists but is locked, or there is no default (login) keyring yet. */
  | 'locked'
  /** The person or the OS refused access (a prompt was dismissed, a policy denied it). */
  | 'access-denied'
  /** Anything else the keychain reported. */
  | 'failed';

export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
  readonly kind: SecretStoreErrorKind;
  /** The keychain's own words, for support; never shown as the main message. */
  readonly technicalDetail: string;

  constructor(kind: SecretStoreErrorKind, message: string, technicalDetail: string) {
    super(message);
    this.kind = kind;
    this.technicalDetail = technicalDetail;
  }
}

/** The keychain service name: the app's name, shared by the app and the command line. */
export const defaultKeychainService = 'Segment Courier';
