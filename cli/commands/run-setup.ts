/**
 * `run-setup <name>`: runs a saved export setup once, headless, so cron, Task Scheduler or
 * launchd can run it (issue 18, item 5). A thin wrapper over the one run chain the app's
 * automations use (core/automation/run-saved-setup.ts), with the same exit codes as `push`: the
 * setup supplies the destination, the segments with their lists and the matching, each file read
 * again when a new export replaced it. Each run is a sync: only what changed is sent, and the
 * setup's mirror choice holds.
 *
 * Consent: `--consent` from the person (or scheduler) running it, or, without it, the setup's
 * standing consent when its automation is on in the app (issue 18, item 2). Without either it is
 * a dry run that says what it would send.
 */
import { dryRunSavedSetup, runSavedSetup } from '../../core/automation/run-saved-setup';
import type { NotSent, RunConsent } from '../../core/automation/saved-setup-plan';
import { StandingConsents } from '../../core/automation/standing-consents';
import { defaultDataFolder } from '../../core/settings/data-folder';
import { settingsFilePath } from '../../core/settings/data-folder';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import { createSettingsRepository } from '../../core/settings/settings-repository';
import type { ExportPlan } from '../../core/upload/export-plan';
import { findSavedSetup, type FoundSetup } from '../../core/automation/saved-setup-lookup';
import { currentOsUser } from '../../core/system/os-user';
import { BadInputError } from '../cli-errors';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { exitCodes, type ExitCode } from '../exit-codes';
import { parseFlags } from '../push/parse-flags';
import { formatCount } from '../push/progress-printer';
import { runJobFromCli } from '../push/run-job';
import { resumeCommand } from '../push/shared';
import { cliSetupTarget } from './run-setup-target';

const flagSpec = {
  consent: 'switch',
  'skip-guardrails': 'switch',
  'data-dir': 'text',
  json: 'switch',
} as const;

interface RunSetupRequest {
  readonly setupName: string;
  readonly consent: boolean;
  readonly skipGuardrails: boolean;
  readonly dataFolder: string;
  readonly json: boolean;
}

function parseRunSetup(args: readonly string[], env: NodeJS.ProcessEnv): RunSetupRequest {
  const flags = parseFlags(args, flagSpec);
  const [setupName, ...extra] = flags.positionals;
  if (!setupName) throw new UsageError('run-setup needs the name of a saved setup.');
  if (extra.length > 0) {
    throw new UsageError('run-setup takes one setup name: put a name with spaces in quotes.');
  }
  return {
    setupName,
    consent: flags.switches.has('consent'),
    skipGuardrails: flags.switches.has('skip-guardrails'),
    dataFolder: flags.text.get('data-dir') ?? defaultDataFolder({ env }),
    json: flags.switches.has('json'),
  };
}

function dryRun({ setup, destination }: FoundSetup, plan: ExportPlan): string {
  const lines = [
    `Nothing was sent. This is what the setup "${setup.name}" would send:`,
    '',
    ...plan.segments.map(
      (segment) =>
        `  ${formatCount(segment.valid)} contacts to the Autopilot list "${segment.listName}"`,
    ),
    `  Account: the destination "${destination.displayName}" at ${destination.endpoint}`,
    '',
    'Add --consent to send them, confirming that you may send these contacts to this account.',
  ];
  return `${lines.join('\n')}\n`;
}

/** A run that did not send: its sentence (and code), or the error behind it as it was thrown. */
function refusal(outcome: NotSent): unknown {
  if (outcome.kind === 'stopped') {
    return new BadInputError(
      `${outcome.message} To send it anyway from the command line, add --skip-guardrails.`,
      outcome.code,
    );
  }
  return outcome.error ?? new BadInputError(outcome.message, outcome.code);
}

function nothingChanged(request: RunSetupRequest, found: FoundSetup, plan: ExportPlan): string {
  const unchanged = plan.segments.reduce(
    (sum, segment) => sum + (segment.changes?.unchanged ?? 0),
    0,
  );
  if (request.json) {
    return `${JSON.stringify({
      jobId: null,
      status: 'nothing-changed',
      setup: found.setup.name,
      sent: 0,
      new: 0,
      changed: 0,
      unchanged,
      removed: 0,
    })}\n`;
  }
  return `Nothing changed since the last run of "${found.setup.name}", so nothing was sent (${formatCount(unchanged)} contacts unchanged).\n`;
}

async function consentOf(request: RunSetupRequest): Promise<RunConsent | null> {
  if (request.consent) return { kind: 'given', confirmedAt: new Date(), osUser: currentOsUser() };
  // The consent given once in the app, while the setup's automation is on.
  // A setup that cannot be found is said by the dry run below.
  const found = await findSavedSetup(
    settingsOf(request),
    { name: request.setupName },
    request.dataFolder,
  ).catch(() => null);
  const setup = found?.setup;
  if (!setup?.automation?.enabled) return null;
  const standing = await new StandingConsents(request.dataFolder).inForce(setup.id);
  return standing ? { kind: 'standing', consent: standing } : null;
}

const settingsOf = (request: RunSetupRequest) =>
  createSettingsRepository(createJsonFileStore(settingsFilePath(request.dataFolder)));

async function showDryRun(request: RunSetupRequest, io: CliIo): Promise<ExitCode> {
  const dry = await dryRunSavedSetup({
    dataFolder: request.dataFolder,
    settings: settingsOf(request),
    setup: { name: request.setupName },
    skipGuardrails: request.skipGuardrails,
  });
  if (dry.kind !== 'planned') throw refusal(dry);
  io.stdout.write(
    request.json
      ? `${JSON.stringify({ dryRun: true, setup: dry.found.setup.name, profiles: dry.plan.totals.valid })}\n`
      : dryRun(dry.found, dry.plan),
  );
  return exitCodes.badInput;
}

async function runSetup(request: RunSetupRequest, io: CliIo): Promise<ExitCode> {
  const consent = await consentOf(request);
  if (!consent) return showDryRun(request, io);
  const outcome = await runSavedSetup({
    dataFolder: request.dataFolder,
    settings: settingsOf(request),
    setup: { name: request.setupName },
    consent,
    openTarget: cliSetupTarget(request.dataFolder, io),
    trigger: {
      kind: 'command-line',
      ...(consent.kind === 'standing' ? { standingConsentId: consent.consent.id } : {}),
    },
    skipGuardrails: request.skipGuardrails,
  });
  if (outcome.kind === 'stopped' || outcome.kind === 'failed') throw refusal(outcome);
  if (outcome.kind === 'nothing-changed') {
    io.stdout.write(nothingChanged(request, outcome.found, outcome.plan));
    return exitCodes.success;
  }
  const { job, target, found } = outcome;
  if (!request.json) io.stderr.write(`Export job ${job.id}: running "${found.setup.name}".\n`);
  return runJobFromCli({
    dataFolder: request.dataFolder,
    jobId: job.id,
    destination: target.destination,
    json: request.json,
    io,
    resumeCommand: resumeCommand(job.id, request.dataFolder, io),
    extra: { setup: found.setup.name },
  });
}

export const runSetupCommand: CliCommand = {
  name: 'run-setup',
  synopsis: 'run-setup <setup name> [--consent] [--skip-guardrails] [--data-dir <dir>] [--json]',
  summary:
    'Run a setup saved in the app once (for cron, Task Scheduler or launchd); without --consent, under its standing consent when its automation is on.',
  run: (args, io) => runSetup(parseRunSetup(args, io.env), io),
};
