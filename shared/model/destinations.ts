import { z } from 'zod';
import { destinationServices, orttoRegions } from './destination-service';

/**
 * The shapes of destinations: where segments are pushed (an Autopilot or Ortto account). The API
 * key is an input only: no summary or outcome below has a field that could hold it. The IPC
 * contract (shared/ipc/channels/destinations.ts) is built from these.
 */

/** Bounds the app and main both apply; the renderer checks them early for friendlier messages. */
export const destinationLimits = {
  displayNameMaxLength: 80,
  apiKeyMaxLength: 200,
  endpointMaxLength: 500,
  minRequestsPerSecond: 0.1,
  maxRequestsPerSecond: 50,
  defaultRequestsPerSecond: 5,
} as const;

/**
 * The version of the data-privacy terms the person agrees to (renderer/src/features/destinations/
 * locales: `privacy.*`). Change it whenever that text changes in meaning, so the record says which
 * words were agreed to.
 */
export const privacyTermsVersion = '2025-01';

/** Error codes the destination channels answer with, beyond the base codes in ../ipc/result.ts. */
export const destinationErrorCodes = {
  invalidDisplayName: 'invalid-display-name',
  duplicateDisplayName: 'duplicate-display-name',
  invalidApiKey: 'invalid-api-key',
  invalidEndpoint: 'invalid-endpoint',
  invalidRequestRate: 'invalid-request-rate',
  notFound: 'destination-not-found',
  keychainUnavailable: 'keychain-unavailable',
  keychainLocked: 'keychain-locked',
  keychainDenied: 'keychain-denied',
  keychainFailed: 'keychain-failed',
  settingsUnreadable: 'settings-unreadable',
  settingsUnwritable: 'settings-unwritable',
  /** The key was checked where it was typed and Autopilot refused it: nothing was saved. */
  rejectedApiKey: 'rejected-api-key',
} as const;
export type DestinationErrorCode =
  (typeof destinationErrorCodes)[keyof typeof destinationErrorCodes];

export const privacyAgreementSchema = z.object({
  /** ISO 8601 time the person ticked "I agree". */
  agreedAt: z.string(),
  /** The operating-system account that agreed. */
  osUser: z.string(),
  termsVersion: z.string(),
});
export type PrivacyAgreement = z.infer<typeof privacyAgreementSchema>;

/** Which kind of account (issue 16); destinations saved before Ortto existed are Autopilot's. */
const destinationServiceSchema = z.enum(destinationServices);
const orttoRegionSchema = z.enum(orttoRegions);

export const destinationSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  service: destinationServiceSchema,
  /** Ortto only: the region whose host the account lives on. */
  region: orttoRegionSchema.optional(),
  endpoint: z.string(),
  requestsPerSecond: z.number(),
  createdAt: z.string(),
  privacyAgreement: privacyAgreementSchema,
});
export type DestinationSummary = z.infer<typeof destinationSummarySchema>;

/** Why Connect failed, in classes the screen explains differently. */
const connectFailureReasons = [
  'rejected-key',
  'offline',
  'timeout',
  'interrupted',
  'unknown',
  'server-error',
  'busy',
  'not-autopilot',
  'no-key',
] as const;
export type ConnectFailureReason = (typeof connectFailureReasons)[number];

export const connectOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('connected'),
    listCount: z.number().int().nonnegative(),
    checkedAt: z.string(),
  }),
  z.object({
    status: z.literal('failed'),
    reason: z.enum(connectFailureReasons),
    /** Plain English, for the command line and as a fallback; the screen words it per language. */
    message: z.string(),
    httpStatus: z.number().int().optional(),
  }),
]);
export type ConnectOutcome = z.infer<typeof connectOutcomeSchema>;

export const destinationIdSchema = z.string().min(1).max(100);
const destinationId = destinationIdSchema;
const displayName = z.string().max(1000);
const apiKey = z.string().max(10_000);
const endpoint = z.string().max(10_000);
const requestsPerSecond = z.number();

export const createDestinationInputSchema = z.object({
  displayName,
  apiKey,
  /** Absent: Autopilot, as before Ortto existed. */
  service: destinationServiceSchema.optional(),
  /** Ortto only; absent means Ortto's default region. Sets the endpoint unless one is typed. */
  region: orttoRegionSchema.optional(),
  endpoint: endpoint.optional(),
  requestsPerSecond: requestsPerSecond.optional(),
  agreement: z.literal(true, {
    error: 'tick "I agree" to the data-privacy and compliance terms first',
  }),
  /**
   * Check the key against the account before saving it (issue 17, item 2): a refused key is not
   * saved; an unreachable account saves it and says so. The screens always ask for it.
   */
  checkKey: z.boolean().optional(),
});
export type CreateDestinationInput = z.infer<typeof createDestinationInputSchema>;

export const updateDestinationInputSchema = z.object({
  id: destinationId,
  displayName: displayName.optional(),
  endpoint: endpoint.optional(),
  requestsPerSecond: requestsPerSecond.optional(),
});
export type UpdateDestinationInput = z.infer<typeof updateDestinationInputSchema>;

export const replaceKeyInputSchema = z.object({
  id: destinationId,
  apiKey,
  /** As for create: a refused key is not saved, the key kept so far stays. */
  checkKey: z.boolean().optional(),
});

export const deleteOutcomeSchema = z.object({
  /** False when the keychain had no entry for it (already gone); the destination is gone anyway. */
  keyRemoved: z.boolean(),
  removedExportSetups: z.number().int().nonnegative(),
});
export type DeleteOutcome = z.infer<typeof deleteOutcomeSchema>;
