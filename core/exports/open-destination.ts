/**
 * Opens a saved destination for the Export screen: its settings entry plus its key from the
 * keychain, through the one opener (core/destination-port/open-destination.ts). The key stays in main;
 * failures become ExportsError with a sentence a marketer can act on.
 */
import type { Destination } from '../destination-port/destination';
import { DestinationError } from '../destination-port/destination';
import type { DestinationConnectors } from '../destination-port/destination-connectors';
import {
  createDestinationOpener,
  OpenDestinationError,
} from '../destination-port/open-destination';
import type { JobDestination } from '../jobs/job-manifest';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsRepository } from '../settings/settings-repository';
import type { DestinationRecord } from '../settings/settings-schema';
import { serviceNames, type EmailPermissionChoice } from '../../shared/model/destination-service';
import { ExportsError } from './exports-error';
import { exportErrorCodes } from '../../shared/model/exports';

export interface OpenedDestination {
  readonly record: DestinationRecord;
  readonly destination: Destination;
}

export interface DestinationOpener {
  record(destinationId: string): Promise<DestinationRecord>;
  open(
    destinationId: string,
    options?: { readonly emailPermission?: EmailPermissionChoice },
  ): Promise<OpenedDestination>;
}

/** The facts every sentence about a saved destination can name. */
function factsOf(record: DestinationRecord) {
  return {
    destination: record.displayName,
    service: record.service,
    serviceName: serviceNames[record.service],
    endpoint: record.endpoint,
  };
}

function keyProblem(error: OpenDestinationError, found: DestinationRecord): ExportsError {
  const params = factsOf(found);
  if (error.kind === 'keychain') {
    return new ExportsError(exportErrorCodes.keychain, error.message, {
      cause: error.cause,
      params,
    });
  }
  if (error.kind === 'invalid-key') {
    return new ExportsError(exportErrorCodes.noKey, error.message, { cause: error, params });
  }
  return new ExportsError(
    exportErrorCodes.noKey,
    `“${found.displayName}” has no API key in your keychain. Paste it again with Replace key on the Destinations screen.`,
    { cause: error, params },
  );
}

export function createSavedDestinationOpener(options: {
  readonly settings: SettingsRepository;
  readonly secrets: SecretStore;
  readonly connectors?: DestinationConnectors;
  /** How long one request may take for the screen (fields, lists, the check before Start). */
  readonly timeoutMs: number;
}): DestinationOpener {
  const openDestination = createDestinationOpener(options);

  async function record(destinationId: string): Promise<DestinationRecord> {
    const settings = await options.settings.read();
    const found = settings.destinations.find((item) => item.id === destinationId);
    if (!found) {
      throw new ExportsError(
        exportErrorCodes.destinationNotFound,
        'This destination no longer exists. Choose another one, or add it again on the Destinations screen.',
      );
    }
    return found;
  }

  return {
    record,
    async open(destinationId, openOptions) {
      const found = await record(destinationId);
      try {
        const { destination } = await openDestination({
          service: found.service,
          region: found.region,
          endpoint: found.endpoint,
          key: { keychainOf: found.id, describedAs: `your keychain for “${found.displayName}”` },
          timeoutMs: options.timeoutMs,
          emailPermission: openOptions?.emailPermission,
        });
        return { record: found, destination };
      } catch (error) {
        if (error instanceof OpenDestinationError) throw keyProblem(error, found);
        throw error;
      }
    },
  };
}

/** Says in plain words why the account could not be asked, for the fields and lists reads. */
export function destinationProblem(error: unknown, record: DestinationRecord): unknown {
  const name = serviceNames[record.service];
  const params = factsOf(record);
  if (!(error instanceof DestinationError)) {
    // Only a timeout is worded here; the service's name, not the error's ("TimeoutError").
    const errorName = (error as { name?: unknown } | null)?.name;
    if (errorName !== 'TimeoutError' && errorName !== 'AbortError') return error;
    return new ExportsError(
      exportErrorCodes.offline,
      `${name} did not answer in time at ${record.endpoint}. Check your internet connection and try again.`,
      { cause: error, params },
    );
  }
  switch (error.kind) {
    case 'rejected-key':
      return new ExportsError(
        exportErrorCodes.rejectedKey,
        `${name} rejected the API key of “${record.displayName}”. Replace it on the Destinations screen. Nothing was sent.`,
        { cause: error, params },
      );
    case 'offline':
      return new ExportsError(
        exportErrorCodes.offline,
        `${name} can't be reached at ${record.endpoint}. Check your internet connection and the endpoint of “${record.displayName}”. Nothing was sent.`,
        { cause: error, params },
      );
    default:
      return new ExportsError(
        exportErrorCodes.destinationFailed,
        `${name} could not answer for “${record.displayName}”: ${error.message}`,
        { cause: error, params: { ...params, reason: error.message } },
      );
  }
}

/** A wrong key or an unreachable account is caught before a job exists; a busy one is not. */
export async function checkOpenedDestination(
  opened: OpenedDestination,
  timeoutMs: number,
): Promise<void> {
  try {
    await opened.destination.checkCredentials(AbortSignal.timeout(timeoutMs));
  } catch (error) {
    const busy =
      error instanceof DestinationError &&
      (error.kind === 'transient' || error.kind === 'rate-limited');
    if (!busy) throw destinationProblem(error, opened.record);
  }
}

/** How the job records its destination: the account's kind, region and declared permission. */
export function jobDestinationOf(
  record: DestinationRecord,
  emailPermission?: EmailPermissionChoice,
): JobDestination {
  return {
    id: record.id,
    name: record.displayName,
    endpoint: record.endpoint,
    rate: record.requestsPerSecond,
    service: record.service,
    ...(record.region === undefined ? {} : { region: record.region }),
    ...(emailPermission === undefined ? {} : { emailPermission }),
  };
}
