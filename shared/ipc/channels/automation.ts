import { z } from 'zod';
import { command, query } from '../channel';
import {
  automationRunSchema,
  automationStatementSchema,
  automationViewSchema,
  scheduleSchema,
} from '../../model/automation';
import { termsLanguages } from '../../model/consent-terms';
import { emailPermissionChoices } from '../../model/destination-service';

/**
 * Automatic exports (issue 18): a saved setup made automatic runs by itself when a new export
 * arrives in a folder and/or on a schedule. Main watches and runs (electron/services/automation-*);
 * the renderer turns automations on with a standing consent, off again, and shows their runs.
 */

// The view, the statement and the error codes live in shared/model (core builds them).
export {
  automationErrorCodes,
  automationStatementSchema,
  automationViewSchema,
  type AutomationStatement,
  type AutomationView,
} from '../../model/automation';

const setupId = z.string().min(1).max(200);
/** An absolute folder path, as the system's folder dialog gave it. */
const folderPath = z.string().min(1).max(4096);

const triggerInput = z.object({
  setupId,
  folder: folderPath.nullable(),
  schedule: scheduleSchema.nullable(),
});

const enableAutomationInputSchema = triggerInput.extend({
  /** The person ticked the box and pressed Confirm on the standing consent dialog. */
  consent: z.object({
    confirmed: z.literal(true),
    language: z.enum(termsLanguages),
  }),
  emailPermission: z.enum(emailPermissionChoices).optional(),
});

const backgroundSettingsSchema = z.object({
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
