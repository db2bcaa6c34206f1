import { SecretStoreError, type SecretStoreErrorKind } from './secret-store';

/**
 * @napi-rs/keyring reports every failure with code GenericFailure, so the kind is read from the
 * message (../../shared/docs/environment.md, "OS keychain on Linux"). The patterns below are the
 * texts the library, dbus-secret-service and libdbus produce; each was seen on this project's
 * machines or read from the shipped binary.
 */
const patterns: readonly (readonly [SecretStoreErrorKind, RegExp])[] = [
  [
    'no-keyring',
    /DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket|was not provided by any \.service files|No DBus session or Secret Service provider|no secret service provider or dbus session|ServiceUnknown|NameHasNoOwner|Connection refused|disconnected from D-Bus/i,
  ],
  // A locked collection makes the Secret Service show an unlock prompt; with nobody to answer it
  // (or when it is closed) the result is "unlock prompt was dismissed". A missing login keyring
  // gives "no result found". Both mean: unlock (or create) the keyring.
  ['locked', /unlock prompt|object locked|no result found|keyring is locked|is locked/i],
  [
    'access-denied',
    /prompt was dismissed|prompt dismissed|AccessDenied|Permission denied|access denied|not allowed|user cancel+ed|canceled by the user/i,
  ],
];

const plainMessages: Record<SecretStoreErrorKind, string> = {
  'no-keyring':
    'Your computer\'s keychain is not available, so the API key cannot be stored safely. On Linux, install and start a keyring such as GNOME Keyring (the "Secret Service"), then try again. Segment Courier never stores the key anywhere else.',
  locked:
    "Your computer's keychain is locked (or has no default keyring yet). Unlock it, for example by logging in again or opening your keyring app, then try again.",
  'access-denied':
    "Segment Courier was not allowed to use your computer's keychain. Allow access when your computer asks, then try again.",
  failed: "Your computer's keychain could not complete the request. Please try again.",
};

export function classifyKeychainFailure(rawMessage: string): SecretStoreErrorKind {
  for (const [kind, pattern] of patterns) {
    if (pattern.test(rawMessage)) return kind;
  }
  return 'failed';
}

/** Turns whatever the keychain threw into a SecretStoreError with a message a marketer understands. */
export function toSecretStoreError(error: unknown): SecretStoreError {
  if (error instanceof SecretStoreError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const kind = classifyKeychainFailure(raw);
  return new SecretStoreError(kind, plainMessages[kind], raw);
}
