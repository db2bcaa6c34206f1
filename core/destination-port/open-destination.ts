/**
 * The one way a destination is opened (issue 15, item 2): Connect, the Export screen, the job runs
 * and the command line all come here with where the key is, the kind of account and its endpoint.
 * The endpoint passes the endpoint rule where the key meets it (a settings or job file can be
 * edited by hand), the key passes the key rule, and each failure is a kind the caller words in its
 * own sentence, never told apart by comparing messages.
 */
import {
  defaultEndpoint,
  serviceNames,
  type DestinationService,
  type EmailPermissionChoice,
  type OrttoRegion,
} from '../../shared/model/destination-service';
import { normalizeApiKey, normalizeEndpoint } from '../destinations/destination-rules';
import { SecretStoreError, type SecretStore } from '../secrets/secret-store';
import type { Destination } from './destination';
import { destinationConnectors, type DestinationConnectors } from './destination-connectors';

/** The environment variable the command line reads each kind of key from. */
export const apiKeyVariables: Readonly<Record<DestinationService, string>> = {
  autopilot: 'AUTOPILOT_API_KEY',
  ortto: 'ORTTO_API_KEY',
};

/** The id a job records when its key came from the environment: the keychain has none for it. */
export const environmentDestinationId = 'env';

const keyWhereShown: Readonly<Record<DestinationService, string>> = {
  autopilot: 'as Autopilot shows it under Settings, Autopilot API',
  ortto: 'as Ortto shows it on the Custom API data source',
};

type OpenFailureKind =
  /** No key where it was looked for (the variable is unset, the keychain has no entry). */
  | 'no-key'
  /** The keychain would not answer (locked, missing, denied); the cause has its words. */
  | 'keychain'
  /** What was found cannot be a key (a line break inside it): it is never sent. */
  | 'invalid-key'
  /** The job was pushed with the environment variable: only the command line has that key. */
  | 'env-only'
  /** The saved destination is no longer in the settings. */
  | 'not-found'
  /** The saved destination is another kind of account than the one asked for. */
  | 'other-service';

/** Why a destination could not be opened; the message never holds the key. */
export class OpenDestinationError extends Error {
  override readonly name = 'OpenDestinationError';
  constructor(
    readonly kind: OpenFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type KeySource =
  /** A key being typed in the app, checked before it is saved. */
  | { readonly typed: string }
  /** The keychain entry of a saved destination; `describedAs` names it in a sentence. */
  | { readonly keychainOf: string; readonly describedAs?: string }
  /** The variable of `apiKeyVariables` for the service. */
  | { readonly environment: NodeJS.ProcessEnv };

export interface OpenRequest {
  readonly service: DestinationService;
  /** Ortto: picks the default endpoint when none is given. */
  readonly region?: OrttoRegion;
  readonly endpoint?: string;
  readonly key: KeySource;
  readonly timeoutMs?: number;
  readonly emailPermission?: EmailPermissionChoice;
}

export interface OpenedDestination {
  readonly destination: Destination;
  /** The endpoint as the endpoint rule wrote it, for the job to record. */
  readonly endpoint: string;
}

interface DestinationOpenerOptions {
  readonly secrets: SecretStore;
  readonly connectors?: DestinationConnectors;
}

type OpenDestination = (request: OpenRequest) => Promise<OpenedDestination>;

async function keychainKey(secrets: SecretStore, id: string): Promise<string> {
  if (id === environmentDestinationId) {
    throw new OpenDestinationError(
      'env-only',
      'This key is only in the command line’s environment.',
    );
  }
  let apiKey: string | undefined;
  try {
    apiKey = await secrets.readKey(id);
  } catch (error) {
    if (!(error instanceof SecretStoreError)) throw error;
    throw new OpenDestinationError('keychain', error.message, { cause: error });
  }
  if (!apiKey) throw new OpenDestinationError('no-key', 'There is no API key in the keychain.');
  return apiKey;
}

function environmentKey(env: NodeJS.ProcessEnv, service: DestinationService): string {
  const apiKey = env[apiKeyVariables[service]]?.trim();
  if (!apiKey) throw new OpenDestinationError('no-key', `${apiKeyVariables[service]} is not set.`);
  return apiKey;
}

function describeSource(key: KeySource, service: DestinationService): string {
  if ('environment' in key) return apiKeyVariables[service];
  if ('typed' in key) return 'what was pasted';
  return key.describedAs ?? 'your keychain';
}

function rawKey(key: KeySource, service: DestinationService, secrets: SecretStore) {
  if ('typed' in key) return key.typed;
  if ('environment' in key) return environmentKey(key.environment, service);
  return keychainKey(secrets, key.keychainOf);
}

/**
 * The key rule of the app, for a key found rather than typed: one with a space or line break
 * inside (a key pasted with its neighbour, `\n` in a variable) is no key, and is never sent
 * broken in a header, nor printed: the sentence says where it came from instead.
 */
function checkedKey(raw: string, key: KeySource, service: DestinationService): string {
  try {
    return normalizeApiKey(raw, service);
  } catch {
    const name = serviceNames[service];
    throw new OpenDestinationError(
      'invalid-key',
      `The API key in ${describeSource(key, service)} has a line break, space or other character inside it that no ${name} API key has. Nothing was sent. Set it again with the key alone, ${keyWhereShown[service]}.`,
    );
  }
}

export function createDestinationOpener(options: DestinationOpenerOptions): OpenDestination {
  const connectors = options.connectors ?? destinationConnectors;
  return async (request) => {
    const { service, key } = request;
    // The endpoint first: a key is never read for an address it must not go to.
    const endpoint = normalizeEndpoint(
      request.endpoint ?? defaultEndpoint(service, request.region),
    );
    const apiKey = checkedKey(await rawKey(key, service, options.secrets), key, service);
    const destination = connectors[service]({
      endpoint,
      apiKey,
      timeoutMs: request.timeoutMs,
      emailPermission: request.emailPermission,
    });
    return { destination, endpoint };
  };
}
