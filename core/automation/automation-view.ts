/** One setup's automation as the Automatic exports screen shows it (AutomationView). */
import type { ExportSetupRecord, Settings } from '../settings/settings-schema';
import type { AutomationRun, AutomationView } from '../../shared/model/automation';
import { nextRunAfter } from './schedule';
import type { StandingConsents } from './standing-consents';

interface ViewContext {
  readonly settings: Settings;
  /** The runs log, newest first. */
  readonly runs: readonly AutomationRun[];
  readonly consents: StandingConsents;
  readonly now: number;
  readonly timeZone: string;
  /** What the folder watcher waits for, and whether a run goes on now. */
  readonly waiting: string | null;
  readonly running: boolean;
}

export async function automationView(
  setup: ExportSetupRecord,
  context: ViewContext,
): Promise<AutomationView> {
  const automation = setup.automation;
  const enabled = automation?.enabled ?? false;
  const schedule = automation?.schedule ?? null;
  const destination = context.settings.destinations.find((item) => item.id === setup.destinationId);
  const nextRunAt =
    enabled && schedule
      ? new Date(nextRunAfter(schedule, context.now, context.timeZone)).toISOString()
      : null;
  return {
    setupId: setup.id,
    setupName: setup.name,
    destinationName: destination?.displayName ?? null,
    enabled,
    folder: automation?.folder ?? null,
    schedule,
    standingConsent: enabled ? await context.consents.inForce(setup.id) : null,
    nextRunAt,
    waiting: context.waiting,
    running: context.running,
    lastRun: context.runs.find((run) => run.setupId === setup.id) ?? null,
  };
}
