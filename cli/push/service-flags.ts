/**
 * The kind of account a push goes to (issue 16, item 8): `--service autopilot|ortto` (default
 * Autopilot, or the kind of the destination named with --destination), `--region au|eu` (Ortto's
 * regional hosts) and `--email-permission yes|no` (what Ortto gives people it creates). Values
 * outside these are usage mistakes, exit 2.
 */
import {
  destinationServices,
  emailPermissionChoices,
  type DestinationService,
  type EmailPermissionChoice,
  type OrttoRegion,
} from '../../shared/model/destination-service';
import { UsageError } from '../command';
import { quoteArgument } from '../quote-argument';

export const serviceFlagSpec = {
  service: 'text',
  region: 'text',
  'email-permission': 'text',
} as const;

/** The regions one can name; the default region is what no --region means. */
const namedRegions = ['au', 'eu'] as const satisfies readonly OrttoRegion[];

export interface ServiceFlags {
  readonly service?: DestinationService;
  readonly region?: OrttoRegion;
  readonly emailPermission?: EmailPermissionChoice;
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((item) => item === value.toLowerCase());
  if (found) return found;
  throw new UsageError(`--${flag} takes ${allowed.join(' or ')} (got ${quoteArgument(value)}).`);
}

export function serviceFlags(text: ReadonlyMap<string, string>): ServiceFlags {
  const service = oneOf('service', text.get('service'), destinationServices);
  const region = oneOf('region', text.get('region'), namedRegions);
  if (service === 'autopilot' && region !== undefined) {
    throw new UsageError('--region is for Ortto accounts only (--service ortto).');
  }
  const emailPermission = oneOf(
    'email-permission',
    text.get('email-permission'),
    emailPermissionChoices,
  );
  return {
    ...(service === undefined ? {} : { service }),
    ...(region === undefined ? {} : { region }),
    ...(emailPermission === undefined ? {} : { emailPermission }),
  };
}
