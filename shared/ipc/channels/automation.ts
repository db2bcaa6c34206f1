import { z } from 'zod';
import { command, query } from '../channel';
import { automationRunSchema, scheduleSchema, standingConsentSchema } from '../../model/automation';
import { termsLanguages } from '../../model/consent-terms';
import { emailPermissionChoices } from '../../model/destination-service';

/**
 * Automatic exports (issue 18): a saved setup made automatic runs by itself when a new export
 * arrives in a folder and/or on a schedule. Main watches and runs (electron/services/automation-*);
 * the renderer turns automations on with a standing consent, off again, and shows their runs.
 */

const setupId = z.string().min(1).max(200);
/** An absolute folder path, as the system's folder dialog gave it. */
const folderPath = z.string().min(1).max(4096);

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

const triggerInput = z.object({
  setupId,
  folder: folderPath.nullable(),
  schedule: scheduleSchema.nullable(),
});

export const enableAutomationInputSchema = triggerInput.extend({
  /** The person ticked the box and pressed Confirm on the standing consent dialog. */
  consent: z.object({
    confirmed: z.literal(true),
    language: z.enum(termsLanguages),
  }),
  emailPermission: z.enum(emailPermissionChoices).optional(),
});
export type EnableAutomationInput = z.infer<typeof enableAutomationInputSchema>;

export const backgroundSettingsSchema = z.object({
  /** The system lets the app start at login (Windows and macOS; not the Linux stand-in). */
  startAtLoginSupported: z.boolean(),
  startAtLogin: z.boolean(),
});
export type BackgroundSettings = z.infer<typeof backgroundSettingsSchema>;

export const automationChannels = {
  'automation:list': query(z.undefined(), z.array(automationViewSchema)),
  /** The words of the standing consent for this setup with this folder and schedule. */
  'automation:statement': query(triggerInput, automationStatementSchema),
  /** Records the standing consent and starts watching and/or the schedule. */
  'automation:enable': command(enableAutomationInputSchema, automationViewSchema),
  /** Stops it and revokes its standing consent; a run going on finishes. */
  'automation:disable': command(z.object({ setupId }), automationViewSchema),
  /** The system's folder dialog; the chosen folder is granted for watching. */
  'automation:chooseFolder': command(z.undefined(), z.object({ folder: z.string().nullable() })),
  /** Every automatic run, newest first (at most 200): sent, nothing new, stopped, failed. */
  'automation:runs': query(z.undefined(), z.array(automationRunSchema)),
  'automation:background': query(z.undefined(), backgroundSettingsSchema),
  'automation:setStartAtLogin': command(
    z.object({ enabled: z.boolean() }),
    backgroundSettingsSchema,
  ),
};

export const automationEvents = {
  /** An automation changed: turned on or off, a run started or ended, the watcher's waiting line. */
  'automation:changed': automationViewSchema,
};
