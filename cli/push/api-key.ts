/**
 * The destination for `push`, `run-setup`, `resume` and `retry`, through the one opener
 * (core/destination-port/open-destination.ts): the key from the service's variable or the keychain
 * (core/destinations/resolve-api-key.ts), the endpoint checked where the key meets it. The
 * keychain is only opened when needed, so a scripted push with the variable works where there is
 * no keyring.
 */
import type { Destination } from '../../core/destination-port/destination';
import type { DestinationConnectors } from '../../core/destination-port/destination-connectors';
import {
  apiKeyVariables,
  createDestinationOpener,
  environmentDestinationId,
  OpenDestinationError,
} from '../../core/destination-port/open-destination';
import {
  findKeySource,
  type FoundKeySource,
  type KeySourceOptions,
} from '../../core/destinations/resolve-api-key';
import type { SecretStore } from '../../core/secrets/secret-store';
import type { JobDestination } from '../../core/jobs/job-manifest';
import {
  defaultRequestsPerSecond,
  type EmailPermissionChoice,
  type OrttoRegion,
} from '../../shared/model/destination-service';
import { BadInputError } from '../cli-errors';

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

export interface CliDestinationOptions extends KeySourceOptions {
  /** `--endpoint`, or the job's; else the saved destination's, else the service's default. */
  readonly endpoint?: string;
  /** `--region` (Ortto only). */
  readonly region?: OrttoRegion;
  readonly emailPermission?: EmailPermissionChoice;
  /** A new export only: whether its mapping has a consent column deciding row by row. */
  readonly consentColumn?: boolean;
  /** The keychain (opened on first use) and the real clients, unless a test gives its own. */
  readonly secrets?: SecretStore;
  readonly connectors?: DestinationConnectors;
}

interface CliDestination {
  readonly destination: Destination;
  readonly endpoint: string;
  /** Ortto: the account's region, as given or saved (default otherwise). */
  readonly region?: OrttoRegion;
  readonly emailPermission?: EmailPermissionChoice;
  readonly found: FoundKeySource;
}

/**
 * What only makes sense for one kind of account, refused before any key is read. Ortto subscribes
 * a person it creates unless told otherwise, so a new Ortto export must say what to give them.
 */
function checkServiceFlags(options: CliDestinationOptions, found: FoundKeySource): void {
  if (found.service !== 'ortto') {
    if (options.region !== undefined) {
      throw new BadInputError('--region is for Ortto accounts only. Nothing was sent.');
    }
    return;
  }
  if (options.consentColumn === false && options.emailPermission === undefined) {
    throw new BadInputError(
      'Say whether these people agreed to receive email: add --email-permission yes or --email-permission no, or map a consent column. Ortto subscribes new people unless told otherwise, so nothing was sent.',
      'email-permission-missing',
    );
  }
}

export async function openCliDestination(options: CliDestinationOptions): Promise<CliDestination> {
  const found = await findKeySource(options);
  checkServiceFlags(options, found);
  const region =
    found.service === 'ortto' ? (options.region ?? found.saved?.region ?? 'default') : undefined;
  const openDestination = createDestinationOpener({
    secrets: options.secrets ?? lazySecretStore(),
    connectors: options.connectors,
  });
  try {
    const opened = await openDestination({
      service: found.service,
      region,
      endpoint: options.endpoint ?? found.saved?.endpoint,
      key: found.key,
      emailPermission: found.service === 'ortto' ? options.emailPermission : undefined,
    });
    return { ...opened, region, emailPermission: options.emailPermission, found };
  } catch (error) {
    if (error instanceof OpenDestinationError && error.kind === 'no-key') {
      throw new OpenDestinationError('no-key', found.noKey);
    }
    throw error;
  }
}

/**
 * The destination of a job being resumed or retried: by the job's kind of account (jobs from
 * before Ortto: Autopilot), endpoint and declared email permission; the key from the service's
 * variable, else `--destination`'s keychain entry, else the job's own destination's.
 */
export function openJobDestination(
  job: JobDestination,
  options: Pick<
    CliDestinationOptions,
    'env' | 'dataFolder' | 'destinationName' | 'secrets' | 'connectors'
  >,
): Promise<CliDestination> {
  return openCliDestination({
    ...options,
    service: job.service ?? 'autopilot',
    jobDestinationId: job.id,
    endpoint: job.endpoint,
    emailPermission: job.emailPermission,
  });
}

/** How a new job records the destination: its kind, region and declared permission too. */
export function cliJobDestination(opened: CliDestination, rate?: number): JobDestination {
  const { found, region } = opened;
  const emailPermission = found.service === 'ortto' ? opened.emailPermission : undefined;
  return {
    id: found.saved?.id ?? environmentDestinationId,
    name: found.saved?.displayName ?? apiKeyVariables[found.service],
    endpoint: opened.endpoint,
    rate: rate ?? found.saved?.requestsPerSecond ?? defaultRequestsPerSecond[found.service],
    service: found.service,
    ...(region === undefined ? {} : { region }),
    ...(emailPermission === undefined ? {} : { emailPermission }),
  };
}

/** How sentences name where the key came from. */
export function keySourceLabel(found: FoundKeySource): string {
  return found.saved
    ? `the destination "${found.saved.displayName}"`
    : apiKeyVariables[found.service];
}
