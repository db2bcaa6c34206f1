/**
 * Opens the destination a job sends to, through the one opener (core/destination-port/
 * open-destination.ts): the key of the job's saved destination comes from the keychain on every
 * run (so a key replaced after "Autopilot rejected the API key" is used by the resume), the job's
 * own endpoint, its kind of account (jobs from before Ortto: Autopilot) and its declared email
 * permission. A key that cannot be had is found before anything is sent and pauses the job with a
 * sentence saying what to do.
 */
import type { Destination } from '../destination-port/destination';
import type { DestinationConnectors } from '../destination-port/destination-connectors';
import {
  apiKeyVariables,
  createDestinationOpener,
  OpenDestinationError,
} from '../destination-port/open-destination';
import type { JobDestination, JobManifest } from './job-manifest';
import { SecretStoreError, type SecretStore } from '../secrets/secret-store';
import type { JobStopKind } from '../../shared/model/jobs';

export const missingKeyMessage =
  'Paused: there is no API key for this destination in the keychain. Add it on the Destinations screen, then resume.';

/** The sentence for a job pushed from the command line with the variable of its service. */
export function commandLineKeyMessage(variable: string): string {
  return `Paused: this export was started from the command line with ${variable}, whose key the app does not have. Resume it from the command line.`;
}

/** The job cannot be sent because its key cannot be had; it is paused, nothing was sent. */
export class JobKeyUnavailableError extends Error {
  override readonly name = 'JobKeyUnavailableError';
  constructor(
    readonly kind: 'missing-key' | 'keychain',
    message: string,
    /** The keychain's own words, for a keychain that would not answer. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

interface JobDestinationOpenerOptions {
  readonly secrets: SecretStore;
  /** The client builders by kind of account; the real ones unless a test injects its own. */
  readonly connectors?: DestinationConnectors;
}

/** What the keychain itself said (SecretStoreError's technical detail), else the message. */
function keychainWords(error: OpenDestinationError): string {
  return error.cause instanceof SecretStoreError ? error.cause.technicalDetail : error.message;
}

function unavailable(error: OpenDestinationError, destination: JobDestination) {
  switch (error.kind) {
    case 'env-only':
      return new JobKeyUnavailableError(
        'missing-key',
        commandLineKeyMessage(apiKeyVariables[destination.service ?? 'autopilot']),
      );
    case 'keychain':
      return new JobKeyUnavailableError(
        'keychain',
        `Paused: the keychain did not give the API key. ${error.message}`,
        keychainWords(error),
      );
    case 'invalid-key':
      return new JobKeyUnavailableError('missing-key', `Paused: ${error.message}`);
    default:
      return new JobKeyUnavailableError('missing-key', missingKeyMessage);
  }
}

export function createJobDestinationOpener(
  options: JobDestinationOpenerOptions,
): (destination: JobDestination) => Promise<Destination> {
  const openDestination = createDestinationOpener(options);
  return async (destination) => {
    try {
      const opened = await openDestination({
        service: destination.service ?? 'autopilot',
        endpoint: destination.endpoint,
        key: { keychainOf: destination.id, describedAs: 'your keychain for this destination' },
        emailPermission: destination.emailPermission,
      });
      return opened.destination;
    } catch (error) {
      if (error instanceof OpenDestinationError) throw unavailable(error, destination);
      throw error;
    }
  };
}

/**
 * The engine knows one reason for a key problem ('rejected-key'); a pause written here keeps that
 * reason (so the command line reads it too) and records which key problem it was beside it. Jobs
 * paused before that record existed read as a rejected key, their sentence unchanged.
 */
export function stopKindOf(
  stop: Pick<NonNullable<JobManifest['stop']>, 'reason' | 'keyProblem'>,
): JobStopKind {
  return stop.keyProblem ?? stop.reason;
}

/** The manifest of a job paused because its key could not be had. */
export function pausedForKey(
  manifest: JobManifest,
  error: JobKeyUnavailableError,
  now: Date,
): JobManifest {
  const at = now.toISOString();
  return {
    ...manifest,
    status: 'paused',
    stop: {
      reason: 'rejected-key',
      keyProblem: error.kind,
      message: error.message,
      ...(error.detail ? { detail: error.detail } : {}),
      at,
    },
    updatedAt: at,
  };
}
