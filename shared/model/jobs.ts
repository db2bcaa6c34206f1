import { z } from 'zod';
import { termsLanguages } from './consent-terms';
import { runTriggerSchema, standingConsentRefSchema } from './automation';

/**
 * The shapes of export jobs: their live progress, the History list with each job's counts and
 * consent receipt, why a job stopped, and the codes of what can go wrong. The jobs service works in
 * these; the IPC contract (shared/ipc/channels/jobs.ts) is built from them.
 *
 * The state and status words are the upload engine's own (shared/jobs/job-states.ts).
 */

import {
  jobProgressStates,
  jobStatusValues,
  type JobProgressState,
  type JobStatusValue,
} from '../jobs/job-states';
import {
  consentDestinationSchema,
  destinationServices,
  emailPermissionChoices,
} from './destination-service';

export { jobProgressStates, jobStatusValues, type JobProgressState, type JobStatusValue };

/**
 * Why a job stopped before the end, as the screen words it: the engine's reasons, plus a key that
 * is missing from the keychain and a keychain that refused to answer (both found before sending).
 */
export const jobStopKinds = [
  'user',
  'cancel',
  'rejected-key',
  'missing-key',
  'keychain',
  'offline',
  'signal',
  'error',
  'repeated-faults',
] as const;
export type JobStopKind = (typeof jobStopKinds)[number];

export const jobErrorCodes = {
  notFound: 'job-not-found',
  damaged: 'job-damaged',
  finished: 'job-finished',
  busy: 'job-busy',
  notRunning: 'job-not-running',
  running: 'job-running',
  notFinished: 'job-not-finished',
  nothingToRetry: 'job-nothing-to-retry',
  segmentMissing: 'job-segment-missing',
  saveUnavailable: 'job-save-unavailable',
} as const;
export type JobErrorCode = (typeof jobErrorCodes)[keyof typeof jobErrorCodes];

const count = z.number().int().nonnegative();
export const jobIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'not an export job id');

/** One segment's share of a progress event. */
const jobSegmentProgressSchema = z.object({
  total: count,
  succeeded: count,
  failed: count,
  /** Contacts in requests on the way: left, not answered yet. */
  inFlight: count,
});

/**
 * One progress event of a running job (at most 10 per second per job). Its overall counts are the
 * sum of its segments' (issue 17, item 5); `sent` never holds the contacts still on the way.
 */
export const jobProgressSchema = z.object({
  jobId: z.string(),
  state: z.enum(jobProgressStates),
  /** The engine's English sentence; the screen words `state` in the person's language. */
  message: z.string(),
  /** For 'slowed-down' and 'retrying': when sending goes on (epoch ms), for the countdown. */
  resumesAt: z.number().nullable(),
  total: count,
  /** Answered for: succeeded + failed. */
  sent: count,
  succeeded: count,
  failed: count,
  inFlight: count,
  segments: z.array(jobSegmentProgressSchema),
  contactsPerSecond: z.number().nonnegative(),
  /** The pace the engine allows itself now, in contacts a second (lower after a 429). */
  allowedContactsPerSecond: z.number().nonnegative(),
  /** Time left, the wait under way included. */
  etaMs: z.number().nonnegative().nullable(),
});
export type JobProgressEvent = z.infer<typeof jobProgressSchema>;

const jobCountsSchema = z.object({
  rows: count,
  /** Contacts to deliver (usable email, one per address). */
  valid: count,
  invalid: count,
  duplicates: count,
  sent: count,
  succeeded: count,
  /** refused + givenUp. */
  failed: count,
  refused: count,
  givenUp: count,
  /** Not sent: still to come in a paused export, never sent in a cancelled one. */
  unsent: count,
});
export type JobCounts = z.infer<typeof jobCountsSchema>;

const jobStopSchema = z.object({
  kind: z.enum(jobStopKinds),
  /** Plain English, for the command line and the logs; the screens word the kind themselves. */
  message: z.string(),
  /**
   * The underlying error's own words (the keychain's, an unexpected error's), which the screens
   * show apart, as a technical detail, never inside a sentence.
   */
  detail: z.string().optional(),
  at: z.string(),
});
export type JobStop = z.infer<typeof jobStopSchema>;

export const jobListItemSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(jobStatusValues),
  /** This app is sending it now. */
  running: z.boolean(),
  /** It says "running" but nobody runs it: cut short by a crash. */
  interrupted: z.boolean(),
  /** Can be started or resumed now: ready, paused, failed or interrupted. */
  resumable: z.boolean(),
  destination: z.object({
    id: z.string(),
    name: z.string(),
    endpoint: z.string(),
    /** Absent for jobs from before Ortto existed: those are Autopilot's. */
    service: z.enum(destinationServices).optional(),
  }),
  segments: z.array(z.object({ name: z.string(), listName: z.string() })),
  counts: jobCountsSchema,
  elapsedMs: z.number().nonnegative(),
  stop: jobStopSchema.nullable(),
  /** The job this one re-sends the failed rows of ("Retry failed rows"). */
  retryOf: z.string().nullable(),
  /** The retry that sent this job's failed rows again, and how many it delivered (issue 17, item 5). */
  deliveredByRetry: z
    .object({
      jobId: z.string(),
      createdAt: z.string(),
      status: z.enum(jobStatusValues),
      delivered: count,
    })
    .nullable(),
  /** Set when an automation or `run-setup` made the job (issue 18); absent for Export. */
  trigger: runTriggerSchema.optional(),
});
export type JobListItem = z.infer<typeof jobListItemSchema>;

const jobSegmentDetailSchema = z.object({
  name: z.string(),
  listName: z.string(),
  fileName: z.string(),
  rows: count,
  valid: count,
  invalid: count,
  duplicates: count,
  succeeded: count,
  failed: count,
  /** Contacts the job sends: valid less a sync's unchanged ones (issue 13). */
  sending: count.optional(),
  /** A sync's counts (issue 13): judged against the list's ledger; removed by the mirror so far. */
  sync: z
    .object({ new: count, changed: count, unchanged: count, removed: count, notRemoved: count })
    .optional(),
});
export type JobSegmentDetail = z.infer<typeof jobSegmentDetailSchema>;

/** The record of the person's consent (product.md, step 4): when, who, what and where. */
const jobConsentSchema = z.object({
  confirmedAt: z.string(),
  osUser: z.string(),
  destination: consentDestinationSchema,
  /** Ortto: what the person declared about email permission for the people Ortto creates. */
  emailPermission: z.enum(emailPermissionChoices).optional(),
  fields: z.array(z.string()),
  profiles: count,
  rows: count,
  files: z.array(z.object({ fileName: z.string(), sha256: z.string(), size: count })),
  terms: z.string(),
  /** The language the terms were read in, and their version (issue 17, item 7). */
  termsLanguage: z.enum(termsLanguages).optional(),
  termsVersion: z.string().optional(),
  /** The preview of changes the person confirmed (issue 13). */
  changes: z
    .object({
      new: count,
      changed: count,
      unchanged: count,
      leaving: count,
      mirror: z.boolean(),
      full: z.boolean(),
    })
    .optional(),
  /** An automatic run: the standing consent it ran under (issue 18, item 2). */
  standingConsent: standingConsentRefSchema.optional(),
});
export type JobConsent = z.infer<typeof jobConsentSchema>;

export const jobDetailSchema = jobListItemSchema.extend({
  segments: z.array(jobSegmentDetailSchema),
  consent: jobConsentSchema,
  /** The last progress event of a run in this session, if any. */
  progress: jobProgressSchema.nullable(),
  /** Rows "Retry failed rows" would send again, and refused rows it leaves out. */
  retry: z.object({
    available: z.boolean(),
    retryable: count,
    refused: count,
    /** The retry job already created for this one, if any. */
    retriedBy: z.string().nullable(),
  }),
  /** The report of undelivered rows can be saved (not while the job runs). */
  reportAvailable: z.boolean(),
  /** "Send everything again" and "Keep the list in step with the segment", as the job ran. */
  sync: z.object({ full: z.boolean(), mirror: z.boolean() }).optional(),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const jobFinishedSchema = z.object({
  jobId: z.string(),
  status: z.enum(jobStatusValues),
  stop: jobStopSchema.nullable(),
  counts: jobCountsSchema,
});
export type JobFinishedEvent = z.infer<typeof jobFinishedSchema>;
