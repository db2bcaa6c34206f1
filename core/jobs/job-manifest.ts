/**
 * What a job is, as stored in <dataFolder>/jobs/<jobId>/manifest.json (replaced atomically). It
 * holds no API key: the destination is named, and its key is looked up again on every run.
 */
import { z } from 'zod';
import { jobStatusValues } from '../../shared/jobs/job-states';
import { fieldMappingSchema } from '../../shared/matching/field-mapping';
import {
  consentDestinationSchema,
  destinationServices,
  emailPermissionChoices,
  orttoRegions,
} from '../../shared/model/destination-service';
import { termsLanguages } from '../../shared/model/consent-terms';
import { runTriggerSchema, standingConsentRefSchema } from '../../shared/model/automation';

const jobStatusSchema = z.enum(jobStatusValues);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** Statuses a job can be resumed from (a job stuck at "running" was cut short by a crash). */
export const resumableStatuses: readonly JobStatus[] = ['ready', 'running', 'paused', 'failed'];

const stopReasons = [
  'user',
  'cancel',
  'rejected-key',
  'offline',
  'signal',
  'error',
  /** Request after request failed (issue 12, item 10): paused, resumable. */
  'repeated-faults',
] as const;
export type StopReason = (typeof stopReasons)[number];

const segmentCountsSchema = z.object({
  /** Data rows in the snapshot; valid + invalid + duplicates. */
  rows: z.number().int(),
  /** Rows that become a contact to send (a usable email, values that fit their fields). */
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Rows whose email already appeared earlier in the segment (the first is kept). */
  duplicates: z.number().int(),
});
export type SegmentCounts = z.infer<typeof segmentCountsSchema>;

/** A sync's counts per segment (issue 13), judged against the list's delivery ledger. */
export const segmentChangesSchema = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** Contacts this app put on the list earlier that are no longer in the segment. */
  leaving: z.number().int(),
});
export type SegmentChanges = z.infer<typeof segmentChangesSchema>;

const jobSegmentSchema = segmentCountsSchema.extend({
  segmentId: z.string().min(1),
  name: z.string(),
  listName: z.string().min(1),
  mapping: fieldMappingSchema,
  source: z.object({ fileName: z.string(), sha256: z.string(), size: z.number() }),
  /** The list's id when it existed as the export was counted (its ledger was read). */
  listId: z.string().optional(),
  changes: segmentChangesSchema.optional(),
  /** Contacts the job sends (valid minus unchanged); absent in jobs from before syncing. */
  sending: z.number().int().optional(),
});
export type JobSegment = z.infer<typeof jobSegmentSchema>;

/** How many contacts a job sends per segment: all valid ones, less a sync's unchanged ones. */
export function contactsToSend(segment: Pick<JobSegment, 'valid' | 'sending'>): number {
  return segment.sending ?? segment.valid;
}

const jobDestinationSchema = z.object({
  /** The saved destination's id, or "env" when the key comes from AUTOPILOT_API_KEY. */
  id: z.string().min(1),
  name: z.string(),
  endpoint: z.string().min(1),
  /** Requests per second the engine may reach (it slows down below this when told to). */
  rate: z.number().positive(),
  /** Which kind of account (issue 16); jobs written before Ortto existed are Autopilot's. */
  service: z.enum(destinationServices).optional(),
  /** Ortto only: the account's region. */
  region: z.enum(orttoRegions).optional(),
  /**
   * Ortto only: what the marketer declared about email permission, given to people Ortto
   * creates (existing people keep theirs).
   */
  emailPermission: z.enum(emailPermissionChoices).optional(),
});
export type JobDestination = z.infer<typeof jobDestinationSchema>;

/** The record of the person's consent: when, who, what and where (product.md, step 4). */
const consentReceiptSchema = z.object({
  confirmedAt: z.string(),
  osUser: z.string(),
  destination: consentDestinationSchema,
  /** Ortto: the email permission the marketer declared for the people it creates. */
  emailPermission: z.enum(emailPermissionChoices).optional(),
  fields: z.array(z.string()),
  profiles: z.number().int(),
  rows: z.number().int(),
  files: z.array(z.object({ fileName: z.string(), sha256: z.string(), size: z.number() })),
  terms: z.string(),
  /** The language the terms were read in, and their version (issue 17, item 7). */
  termsLanguage: z.enum(termsLanguages).optional(),
  termsVersion: z.string().optional(),
  /** What the person saw before confirming a sync (issue 13): the preview of changes. */
  changes: z
    .object({
      new: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      leaving: z.number().int(),
      mirror: z.boolean(),
      full: z.boolean(),
    })
    .optional(),
  /** An automatic run (issue 18): the standing consent it ran under, given once by the person. */
  standingConsent: standingConsentRefSchema.optional(),
});
export type ConsentReceipt = z.infer<typeof consentReceiptSchema>;

const jobSettingsSchema = z.object({
  /** Contacts per request; fixed for the job's life so resumed runs rebuild the same batches. */
  batchSize: z.number().int().positive(),
  /** Requests in flight at once. */
  concurrency: z.number().int().positive(),
  /** Tries per batch on server faults before its rows are reported as given up. */
  maxAttempts: z.number().int().positive(),
});
export type JobSettings = z.infer<typeof jobSettingsSchema>;

export const jobManifestSchema = z.object({
  formatVersion: z.literal(1),
  id: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: jobStatusSchema,
  /** Why the job last stopped before the end, in plain words. */
  stop: z
    .object({
      reason: z.enum(stopReasons),
      /**
       * With 'rejected-key' when the key could not even be had (issue 15, item 2): absent from the
       * keychain, or the keychain would not answer. Absent in jobs paused before it was recorded.
       */
      keyProblem: z.enum(['missing-key', 'keychain']).optional(),
      message: z.string(),
      /**
       * The underlying error's own words, when there was one (the keychain's, an unexpected
       * error's): kept apart from the sentence, so the screens show them as a technical detail in
       * the person's language rather than inside an English sentence. Absent in older jobs.
       */
      detail: z.string().optional(),
      at: z.string(),
    })
    .nullable(),
  segments: z.array(jobSegmentSchema).min(1),
  destination: jobDestinationSchema,
  consent: consentReceiptSchema,
  settings: jobSettingsSchema,
  /** "Send everything again" and "Keep the list in step with the segment" (issue 13). */
  sync: z.object({ full: z.boolean(), mirror: z.boolean() }).optional(),
  /** What started the job when nobody pressed Export (issue 18): a folder, a schedule, run-setup. */
  trigger: runTriggerSchema.optional(),
});
export type JobManifest = z.infer<typeof jobManifestSchema>;

export const defaultJobSettings: JobSettings = { batchSize: 100, concurrency: 4, maxAttempts: 8 };
