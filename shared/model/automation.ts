/**
 * Automatic exports (issue 18): a saved setup that runs by itself when a new export arrives in a
 * folder, or on a schedule, under a standing consent the person gave once. Domain shapes both
 * processes use; the settings file, the job manifest and the IPC contract are built from them.
 */
import { z } from 'zod';
import { termsLanguages } from './consent-terms';
import { consentDestinationSchema, emailPermissionChoices } from './destination-service';

export const weekdays = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof weekdays)[number];

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM on a 24-hour clock, e.g. 07:30.');

/** "Every day at HH:MM" or "every week on <weekday> at HH:MM", in the computer's local time. */
export const scheduleSchema = z.discriminatedUnion('every', [
  z.object({ every: z.literal('day'), at: timeOfDay }),
  z.object({ every: z.literal('week'), on: z.enum(weekdays), at: timeOfDay }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

/** What starts an automatic run: a new export in the watched folder, or the schedule. */
const runTriggerKinds = ['folder', 'schedule', 'command-line'] as const;

/**
 * Recorded on each job an automation (or `run-setup`) made, so History can mark it: which setup,
 * what set it off, and the standing consent it ran under (absent for `run-setup --consent`).
 */
export const runTriggerSchema = z.object({
  kind: z.enum(runTriggerKinds),
  setupId: z.string(),
  setupName: z.string(),
  /** 'folder': the watched folder, and the export found in it (a file or a folder). */
  folder: z.string().optional(),
  exportPath: z.string().optional(),
  /** 'schedule': the schedule whose time came. */
  schedule: scheduleSchema.optional(),
  standingConsentId: z.string().optional(),
});
export type RunTrigger = z.infer<typeof runTriggerSchema>;

/**
 * What every run of an automation will do, as the person read it in the consent dialog once:
 * destination, fields, lists, mirror, and the folder and/or schedule. Kept (with `revokedAt` once
 * the automation is turned off) in the data folder's standing-consent record; each run's receipt
 * names it by id.
 */
export const standingConsentSchema = z.object({
  id: z.string().min(1),
  setupId: z.string(),
  setupName: z.string(),
  confirmedAt: z.string(),
  osUser: z.string(),
  destination: consentDestinationSchema,
  fields: z.array(z.string()),
  /** One per segment of the setup: the segment's name and the list (Ortto: tag) it feeds. */
  lists: z.array(z.object({ segmentName: z.string(), listName: z.string() })),
  mirror: z.boolean(),
  folder: z.string().nullable(),
  schedule: scheduleSchema.nullable(),
  /** Ortto, without a consent column: the permission people Ortto creates are given. */
  emailPermission: z.enum(emailPermissionChoices).optional(),
  terms: z.string(),
  termsLanguage: z.enum(termsLanguages),
  termsVersion: z.string(),
  /** Set when the automation is turned off: no run may use it after this instant. */
  revokedAt: z.string().nullable(),
});
export type StandingConsent = z.infer<typeof standingConsentSchema>;

/** How a run's receipt refers to the standing consent it ran under. */
export const standingConsentRefSchema = z.object({
  id: z.string(),
  confirmedAt: z.string(),
});

/** Kept on the saved setup in the settings file. */
export const setupAutomationSchema = z.object({
  enabled: z.boolean(),
  /** The folder a storage sync, an SFTP client or OneDrive fills; null without one. */
  folder: z.string().nullable(),
  schedule: scheduleSchema.nullable(),
  /** The consent given when it was turned on; null once turned off. */
  standingConsentId: z.string().nullable(),
  emailPermission: z.enum(emailPermissionChoices).optional(),
  enabledAt: z.string().optional(),
  /** When the schedule last started a run (ISO): a slot after it and before now is owed. */
  lastScheduledRunAt: z.string().optional(),
});
export type SetupAutomation = z.infer<typeof setupAutomationSchema>;

/**
 * How an automatic run ended, for the Automatic exports screen and History: a job was made
 * ('sent'; its own status says how it went), nothing had changed, a guardrail stopped it, or it
 * could not start (file unreadable, key missing, setup incomplete).
 */
const automationOutcomes = ['sent', 'nothing-changed', 'stopped', 'failed'] as const;

export const automationRunSchema = z.object({
  id: z.string(),
  setupId: z.string(),
  setupName: z.string(),
  at: z.string(),
  trigger: runTriggerSchema,
  outcome: z.enum(automationOutcomes),
  /** The job it made, for 'sent'. */
  jobId: z.string().nullable(),
  /** A stable code for 'stopped' and 'failed' (e.g. 'guardrail-profile-drop'); null otherwise. */
  code: z.string().nullable(),
  /** The sentence the person is told (English; the screen words `code` when it knows it). */
  message: z.string(),
});
export type AutomationRun = z.infer<typeof automationRunSchema>;

/** Why turning an automation on or off was refused, for the screen to word. */
export const automationErrorCodes = {
  setupNotFound: 'automation-setup-not-found',
  /** Neither a folder nor a schedule was given. */
  noTrigger: 'automation-no-trigger',
  folderMissing: 'automation-folder-missing',
  /** Ortto without a consent column: "Did these people agree to receive email?" unanswered. */
  emailPermissionMissing: 'automation-email-permission-missing',
  /** The setup has no destination, segments or matching to run with. */
  setupIncomplete: 'automation-setup-incomplete',
  /** An automatic run of this setup is going on now. */
  busy: 'automation-busy',
} as const;

/** Where one setup's automation stands, for the Automatic exports screen. */
export const automationViewSchema = z.object({
  setupId: z.string(),
  setupName: z.string(),
  destinationName: z.string().nullable(),
  enabled: z.boolean(),
  folder: z.string().nullable(),
  schedule: scheduleSchema.nullable(),
  /** The consent that is in force while it is on; null when off. */
  standingConsent: standingConsentSchema.nullable(),
  /** The next time the schedule will run it (ISO), when on with a schedule. */
  nextRunAt: z.string().nullable(),
  /** What the watcher is waiting for ("2 of 3 parts of ... are there"), when it waits. */
  waiting: z.string().nullable(),
  /** A run of it is going on now. */
  running: z.boolean(),
  lastRun: automationRunSchema.nullable(),
});
export type AutomationView = z.infer<typeof automationViewSchema>;

/** What the standing consent dialog states, built by main from the saved setup. */
export const automationStatementSchema = z.object({
  setupId: z.string(),
  setupName: z.string(),
  destination: standingConsentSchema.shape.destination,
  fields: z.array(z.string()),
  lists: standingConsentSchema.shape.lists,
  mirror: z.boolean(),
  folder: z.string().nullable(),
  schedule: scheduleSchema.nullable(),
  /** Ortto, and some segment has no consent column: the dialog must ask the permission question. */
  needsEmailPermission: z.boolean(),
});
export type AutomationStatement = z.infer<typeof automationStatementSchema>;
