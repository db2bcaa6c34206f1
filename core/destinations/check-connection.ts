import { autopilotMessages } from '../autopilot/autopilot-errors';
import { DestinationError, type Destination } from '../destination-port/destination';
import { serviceNames } from '../../shared/model/destination-service';
import type { ConnectFailureReason, ConnectOutcome } from '../../shared/model/destinations';
import type { DestinationService } from '../../shared/model/destination-service';

/** Connect's sentences, naming the kind of account and where it shows its key. */
function failureMessages(service: DestinationService): Record<ConnectFailureReason, string> {
  const name = serviceNames[service];
  const keyPlace =
    service === 'ortto'
      ? 'from Ortto (the Custom API data source)'
      : 'from Autopilot (Settings, Autopilot API)';
  return {
    'rejected-key': `${name} did not accept this API key. Check that you copied the whole key ${keyPlace}, then use Replace key.`,
    offline: `Segment Courier could not reach ${name}. Check your internet connection (and the API endpoint under Advanced), then try again.`,
    timeout: `${name} did not answer in time. Try again in a few minutes.`,
    interrupted: `The connection to ${name} was interrupted. Try again in a few minutes.`,
    unknown: `Something went wrong while talking to ${name}. Try again in a few minutes; if it keeps happening, check the API endpoint under Advanced.`,
    'server-error': `${name} had a problem on its side. Try again in a few minutes.`,
    busy: `${name} is busy and asked us to slow down. Try again in a minute.`,
    // The reason code is Autopilot's from before Ortto; the words name the service asked.
    'not-autopilot': `The API endpoint answered, but not like ${name} does. Check the API endpoint under Advanced.`,
    'no-key':
      'This destination has no API key in your keychain. Use Replace key to paste it again.',
  };
}

export function failedOutcome(
  reason: ConnectFailureReason,
  service: DestinationService,
  httpStatus?: number,
): ConnectOutcome {
  return {
    status: 'failed',
    reason,
    message: failureMessages(service)[reason],
    ...(httpStatus === undefined ? {} : { httpStatus }),
  };
}

/**
 * A request without an answer is a timeout only when the timeout fired: a reset connection or an
 * unknown failure is said as such, not as "did not answer in time" (issue 17, item 9).
 */
function unansweredReason(error: DestinationError): ConnectFailureReason {
  if (error.message === autopilotMessages.timedOut) return 'timeout';
  if (error.message === autopilotMessages.interrupted) return 'interrupted';
  return 'unknown';
}

function reasonFor(error: DestinationError): ConnectFailureReason {
  switch (error.kind) {
    case 'rejected-key':
      return 'rejected-key';
    case 'offline':
      return 'offline';
    case 'rate-limited':
      return 'busy';
    case 'transient':
      return error.status === undefined ? unansweredReason(error) : 'server-error';
    case 'invalid-request':
    case 'not-found':
      return 'not-autopilot';
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/**
 * Asks the destination about the account with the saved key, and says what it found or why it
 * failed in classes the screen words in plain language. Unknown failures are not guessed at: they
 * propagate and main reports them as an internal error.
 */
export async function checkConnection(
  destination: Destination,
  service: DestinationService,
  options: { readonly timeoutMs: number; readonly now: () => Date },
): Promise<ConnectOutcome> {
  try {
    const account = await destination.checkCredentials(AbortSignal.timeout(options.timeoutMs));
    return {
      status: 'connected',
      listCount: account.listCount,
      checkedAt: options.now().toISOString(),
    };
  } catch (error) {
    if (error instanceof DestinationError) {
      return failedOutcome(reasonFor(error), service, error.status);
    }
    if (isTimeout(error)) return failedOutcome('timeout', service);
    throw error;
  }
}
