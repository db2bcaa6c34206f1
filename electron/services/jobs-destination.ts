/**
 * Opens the destination a job sends to: the key of the job's saved destination comes from the
 * keychain on every run (so a key replaced after "Autopilot rejected the API key" is used by the
 * resume), and the job's own endpoint. A key that is missing, or a keychain that will not answer,
 * is found before anything is sent and pauses the job with a sentence saying what to do.
 */
import { createAutopilotDestination } from '../../core/autopilot/autopilot-destination';
import type { Destination } from '../../core/destination/destination';
import { withCheckedEndpoint } from '../../core/destinations/destination-rules';
import type { JobDestination, JobManifest, StopReason } from '../../core/jobs/job-manifest';
import { SecretStoreError, type SecretStore } from '../../core/secrets/secret-store';
import type { JobStopKind } from '../../shared/ipc/channels/jobs';

export const missingKeyMessage =
  'Paused: there is no API key for this destination in the keychain. Add it on the Destinations screen, then resume.';
export const commandLineKeyMessage =
  'Paused: this export was started from the command line with AUTOPILOT_API_KEY, whose key the app does not have. Resume it from the command line.';
const keychainPrefix = 'Paused: the keychain did not give the API key.';

/** The job cannot be sent because its key cannot be had; it is paused, nothing was sent. */
export class JobKeyUnavailableError extends Error {
  override readonly name = 'JobKeyUnavailableError';
  constructor(
    readonly kind: 'missing-key' | 'keychain',
    message: string,
  ) {
    super(message);
  }
}

export interface JobDestinationOpenerOptions {
  readonly secrets: SecretStore;
  /** Builds the client; Autopilot's in the app, something else in a test. */
  readonly connect?: (connection: { endpoint: string; apiKey: string }) => Destination;
}

export function createJobDestinationOpener(
  options: JobDestinationOpenerOptions,
): (destination: JobDestination) => Promise<Destination> {
  // The endpoint stored in the job passes the endpoint rule again before the key goes to it: a
  // job file can be edited, or come from an older version.
  const connect = withCheckedEndpoint(options.connect ?? createAutopilotDestination);
  return async (destination) => {
    // "env": pushed from the command line with the environment variable; no saved key exists.
    if (destination.id === 'env') {
      throw new JobKeyUnavailableError('missing-key', commandLineKeyMessage);
    }
    let apiKey: string | undefined;
    try {
      apiKey = await options.secrets.readKey(destination.id);
    } catch (error) {
      if (!(error instanceof SecretStoreError)) throw error;
      throw new JobKeyUnavailableError('keychain', `${keychainPrefix} ${error.message}`);
    }
    if (!apiKey) throw new JobKeyUnavailableError('missing-key', missingKeyMessage);
    return connect({ endpoint: destination.endpoint, apiKey });
  };
}

/**
 * The engine knows one reason for a key problem ('rejected-key'); the pauses written here keep
 * that reason (so the command line reads them too) and are told apart by their sentence.
 */
export function stopKindOf(stop: { reason: StopReason; message: string }): JobStopKind {
  if (stop.reason === 'rejected-key') {
    if (stop.message === missingKeyMessage || stop.message === commandLineKeyMessage) {
      return 'missing-key';
    }
    if (stop.message.startsWith(keychainPrefix)) return 'keychain';
  }
  return stop.reason;
}

/** The manifest of a job paused because its key could not be had. */
export function pausedForKey(
  manifest: JobManifest,
  error: JobKeyUnavailableError,
  now: Date,
): JobManifest {
  return {
    ...manifest,
    status: 'paused',
    stop: { reason: 'rejected-key', message: error.message, at: now.toISOString() },
    updatedAt: now.toISOString(),
  };
}
