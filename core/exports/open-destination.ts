/**
 * Opens a saved destination for the Export screen: its settings entry plus its key from the
 * keychain, turned into a Destination (Autopilot's client). The key stays in main; failures become
 * ExportsError with a sentence a marketer can act on.
 */
import { DestinationError, type Destination } from '../destination/destination';
import type { SecretStore } from '../secrets/secret-store';
import { SecretStoreError } from '../secrets/secret-store';
import type { SettingsRepository } from '../settings/settings-repository';
import type { DestinationRecord } from '../settings/settings-schema';
import { ExportsError, exportErrorCodes } from './exports-error';

export type ConnectTo = (connection: {
  readonly endpoint: string;
  readonly apiKey: string;
}) => Destination;

export interface OpenedDestination {
  readonly record: DestinationRecord;
  readonly destination: Destination;
}

export interface DestinationOpener {
  record(destinationId: string): Promise<DestinationRecord>;
  open(destinationId: string): Promise<OpenedDestination>;
}

export function createDestinationOpener(options: {
  readonly settings: SettingsRepository;
  readonly secrets: SecretStore;
  readonly connectTo: ConnectTo;
}): DestinationOpener {
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

  async function readKey(found: DestinationRecord): Promise<string> {
    let apiKey: string | undefined;
    try {
      apiKey = await options.secrets.readKey(found.id);
    } catch (error) {
      if (error instanceof SecretStoreError) {
        throw new ExportsError(exportErrorCodes.keychain, error.message, { cause: error });
      }
      throw error;
    }
    if (apiKey === undefined) {
      throw new ExportsError(
        exportErrorCodes.noKey,
        `“${found.displayName}” has no API key in your keychain. Paste it again with Replace key on the Destinations screen.`,
      );
    }
    return apiKey;
  }

  return {
    record,
    async open(destinationId) {
      const found = await record(destinationId);
      const apiKey = await readKey(found);
      return {
        record: found,
        destination: options.connectTo({ endpoint: found.endpoint, apiKey }),
      };
    },
  };
}

/** Says in plain words why Autopilot could not be asked, for the fields and lists reads. */
export function destinationProblem(error: unknown, record: DestinationRecord): unknown {
  if (!(error instanceof DestinationError)) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name !== 'TimeoutError' && name !== 'AbortError') return error;
    return new ExportsError(
      exportErrorCodes.offline,
      `Autopilot did not answer in time at ${record.endpoint}. Check your internet connection and try again.`,
      { cause: error },
    );
  }
  switch (error.kind) {
    case 'rejected-key':
      return new ExportsError(
        exportErrorCodes.rejectedKey,
        `Autopilot rejected the API key of “${record.displayName}”. Replace it on the Destinations screen. Nothing was sent.`,
        { cause: error },
      );
    case 'offline':
      return new ExportsError(
        exportErrorCodes.offline,
        `Autopilot can't be reached at ${record.endpoint}. Check your internet connection and the endpoint of “${record.displayName}”. Nothing was sent.`,
        { cause: error },
      );
    default:
      return new ExportsError(
        exportErrorCodes.destinationFailed,
        `Autopilot could not answer for “${record.displayName}”: ${error.message}`,
        { cause: error },
      );
  }
}
