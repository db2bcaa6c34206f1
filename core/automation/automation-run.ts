/**
 * One automatic run of a setup (issue 18): under the setup's standing consent in force, through
 * the one run chain (run-saved-setup.ts), the job handed to the app's engine, and the outcome
 * recorded in the runs log whatever it was.
 */
import type { SettingsRepository } from '../settings/settings-repository';
import type { AutomationRun, RunTrigger } from '../../shared/model/automation';
import type { AutomationRuns } from './automation-runs';
import { runSavedSetup, type SavedSetupOutcome, type SetupTargetOpener } from './run-saved-setup';
import type { RunRequest } from './setup-watch';
import type { StandingConsents } from './standing-consents';

interface AutomationRunDependencies {
  readonly dataFolder: string;
  readonly settings: SettingsRepository;
  readonly consents: StandingConsents;
  readonly runs: AutomationRuns;
  readonly openTarget: SetupTargetOpener;
  /** Hands a created job to the engine (the app's jobs service); resolves once it started. */
  readonly startJob: (jobId: string) => Promise<void>;
  readonly now: () => Date;
}

const count = new Intl.NumberFormat('en');

function sentence(outcome: SavedSetupOutcome, setupName: string): string {
  switch (outcome.kind) {
    case 'sent': {
      const sending = outcome.job.segments.reduce(
        (sum, segment) => sum + (segment.sending ?? segment.valid),
        0,
      );
      return `"${setupName}" is sending ${count.format(sending)} new or changed contacts (export job ${outcome.job.id}).`;
    }
    case 'nothing-changed':
      return `Nothing changed in "${setupName}" since its last run, so nothing was sent.`;
    default:
      return outcome.message;
  }
}

/** The job is made; when the engine refuses to start it, it waits in History. */
async function started(
  deps: AutomationRunDependencies,
  outcome: SavedSetupOutcome,
): Promise<SavedSetupOutcome> {
  if (outcome.kind !== 'sent') return outcome;
  try {
    await deps.startJob(outcome.job.id);
    return outcome;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'failed',
      code: 'start-failed',
      message: `The export job ${outcome.job.id} is saved in History but did not start: ${reason}`,
    };
  }
}

export async function runAutomation(
  deps: AutomationRunDependencies,
  setup: { readonly id: string; readonly name: string },
  request: RunRequest,
): Promise<AutomationRun> {
  const at = deps.now().toISOString();
  const consent = await deps.consents.inForce(setup.id);
  const trigger: RunTrigger = {
    ...request.trigger,
    setupId: setup.id,
    setupName: setup.name,
    ...(consent ? { standingConsentId: consent.id } : {}),
  };
  const outcome: SavedSetupOutcome = consent
    ? await started(
        deps,
        await runSavedSetup({
          dataFolder: deps.dataFolder,
          settings: deps.settings,
          setup: { id: setup.id },
          consent: { kind: 'standing', consent },
          openTarget: deps.openTarget,
          trigger,
          ...(request.arrived === undefined ? {} : { arrived: request.arrived }),
          now: deps.now,
        }),
      )
    : {
        kind: 'failed',
        code: 'standing-consent-missing',
        message: `"${setup.name}" has no standing consent in force (its automation was turned off), so nothing was sent.`,
      };
  return deps.runs.record({
    setupId: setup.id,
    setupName: setup.name,
    at,
    trigger,
    outcome: outcome.kind,
    jobId: outcome.kind === 'sent' ? outcome.job.id : null,
    code: outcome.kind === 'stopped' || outcome.kind === 'failed' ? outcome.code : null,
    message: sentence(outcome, setup.name),
  });
}
