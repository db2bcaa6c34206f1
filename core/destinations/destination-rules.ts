import { destinationErrorCodes, destinationLimits } from '../../shared/model/destinations';
import type { DestinationService } from '../../shared/model/destination-service';
import { DestinationsError } from './destinations-error';

/** Letters, digits and punctuation only: a key travels in an HTTP header, where nothing else fits. */
const printableWithoutSpaces = /^[\x21-\x7e]+$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const controlCharacters = /[\u0000-\u001f\u007f]/;
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function normalizeDisplayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') {
    throw new DestinationsError(
      destinationErrorCodes.invalidDisplayName,
      'Give the destination a name.',
      { max: destinationLimits.displayNameMaxLength },
    );
  }
  if (name.length > destinationLimits.displayNameMaxLength || controlCharacters.test(name)) {
    throw new DestinationsError(
      destinationErrorCodes.invalidDisplayName,
      `Keep the name to ${destinationLimits.displayNameMaxLength} letters or fewer, on one line.`,
      { max: destinationLimits.displayNameMaxLength },
    );
  }
  return name;
}

/** Where each kind of account shows its key, for the sentences that ask for it again. */
const keyWords: Readonly<Record<DestinationService, { paste: string; shape: string }>> = {
  autopilot: {
    paste: 'Paste your Autopilot API key.',
    shape:
      'That does not look like an Autopilot API key: it should be one word of letters and digits, as Autopilot shows it under Settings, Autopilot API. Copy it again and paste it here.',
  },
  ortto: {
    paste: 'Paste your Ortto private API key.',
    shape: `That does not look like an Ortto private API key: it should be one word of letters, digits and punctuation, up to ${destinationLimits.apiKeyMaxLength} characters, as Ortto shows it on the Custom API data source. Copy it again and paste it here.`,
  },
};

/** Pasted keys often carry a space or line break at either end; those are not part of the key. */
export function normalizeApiKey(raw: string, service: DestinationService = 'autopilot'): string {
  const key = raw.trim();
  const params = { service, max: destinationLimits.apiKeyMaxLength };
  if (key === '') {
    throw new DestinationsError(
      destinationErrorCodes.invalidApiKey,
      keyWords[service].paste,
      params,
    );
  }
  if (key.length > destinationLimits.apiKeyMaxLength || !printableWithoutSpaces.test(key)) {
    throw new DestinationsError(
      destinationErrorCodes.invalidApiKey,
      keyWords[service].shape,
      params,
    );
  }
  return key;
}

/**
 * The API address, without a trailing slash. https only, except on this computer (the local
 * emulator): the key is sent with every request and must never cross a network in clear text.
 */
export function normalizeEndpoint(raw: string): string {
  const invalid = (why: string) =>
    new DestinationsError(destinationErrorCodes.invalidEndpoint, `The API endpoint ${why}`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('is not a web address. It should look like https://api2.autopilothq.com/v1.');
  }
  const local = loopbackHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw invalid('must start with https:// so your API key is sent encrypted.');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw invalid('must be a plain address, without a name, password, "?" or "#" part.');
  }
  if (url.href.length > destinationLimits.endpointMaxLength) throw invalid('is too long.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function normalizeRequestRate(raw: number): number {
  const { minRequestsPerSecond: min, maxRequestsPerSecond: max } = destinationLimits;
  if (!Number.isFinite(raw) || raw < min || raw > max) {
    throw new DestinationsError(
      destinationErrorCodes.invalidRequestRate,
      `The request rate must be a number of requests per second between ${min} and ${max}.`,
      { min, max },
    );
  }
  return raw;
}

/** Display names are how the command line finds a destination, so they must be unique. */
export function sameDisplayName(left: string, right: string): boolean {
  return left.localeCompare(right, undefined, { sensitivity: 'accent' }) === 0;
}
