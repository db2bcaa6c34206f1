/**
 * The kinds of destination Segment Courier sends to (issue 16): Autopilot's classic API, and
 * Ortto, what Autopilot became. Domain facts both processes use; the IPC contract and the settings
 * file are built from them, never the other way round.
 */
import { z } from 'zod';

export const destinationServices = ['autopilot', 'ortto'] as const;
export type DestinationService = (typeof destinationServices)[number];

/** Each kind's name as the app says it, in every language. */
export const serviceNames: Readonly<Record<DestinationService, string>> = {
  autopilot: 'Autopilot',
  ortto: 'Ortto',
};

/** Ortto keeps each account in one region, each with its own host (ortto-api.md, Transport). */
export const orttoRegions = ['default', 'au', 'eu'] as const;
export type OrttoRegion = (typeof orttoRegions)[number];

/**
 * The account a consent names (a job's receipt, a standing consent): as the person saw it.
 * Receipts from before Ortto existed have no service: they are Autopilot's (issue 16).
 */
export const consentDestinationSchema = z.object({
  name: z.string(),
  endpoint: z.string(),
  service: z.enum(destinationServices).optional(),
  region: z.enum(orttoRegions).optional(),
});

export const autopilotDefaultEndpoint = 'https://api2.autopilothq.com/v1';

export const orttoRegionEndpoints: Readonly<Record<OrttoRegion, string>> = {
  default: 'https://api.ap3api.com/v1',
  au: 'https://api.au.ap3api.com/v1',
  eu: 'https://api.eu.ap3api.com/v1',
};

/**
 * Requests per second a new destination starts at: Autopilot's documented pace, and what Ortto's
 * lowest paid plan (Professional) allows (ortto-api.md, Limits).
 */
export const defaultRequestsPerSecond: Readonly<Record<DestinationService, number>> = {
  autopilot: 5,
  ortto: 10,
};

/** The address a new destination of this kind talks to, unless an endpoint is typed. */
export function defaultEndpoint(service: DestinationService, region: OrttoRegion = 'default') {
  return service === 'ortto' ? orttoRegionEndpoints[region] : autopilotDefaultEndpoint;
}

/**
 * Whether the people an export sends agreed to receive email, as the marketer declares it for an
 * Ortto export (issue 16, item 4). It is given to people Ortto creates; an existing person's
 * permission is never changed by it. A consent column, when matched, decides row by row instead.
 */
export const emailPermissionChoices = ['yes', 'no'] as const;
export type EmailPermissionChoice = (typeof emailPermissionChoices)[number];
