/**
 * `run-setup <name>`: runs a saved export setup once, headless, so cron, Task Scheduler or
 * launchd can run it (issue 18, item 5). The same chain as `push` (plan, consent receipt, a
 * checked destination, the engine) and the same exit codes; the setup supplies the destination,
 * the segments with their lists and the matching, each file read again when a new export
 * replaced it. Each run is a sync: only what changed is sent, and the setup's mirror choice
 * holds. Standing consent (issue 18, item 2) is not built yet, so `--consent` is required
 * on each run, as for `push`.
 */
import { checkRunGuardrails } from '../../core/automation/run-guardrails';
import { lastRunCounts, recordRunCounts } from '../../core/automation/setup-run-counts';
import {
  SetupRunError,
  resolveSetupSegments,
  type ResolvedSetupSegments,
  type SegmentShape,
} from '../../core/automation/setup-segments';
import { defaultDataFolder } from '../../core/destinations/resolve-api-key';
import { settingsFilePath } from '../../core/settings/data-folder';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import { createSettingsRepository } from '../../core/settings/settings-repository';
import type { DestinationRecord, ExportSetupRecord } from '../../core/settings/settings-schema';
import { syncResolver } from '../../core/sync/plan-sync';
import { MappingError } from '../../core/upload/contact-builder';
import { planExport, type ExportPlan, type ExportPlanHooks } from '../../core/upload/export-plan';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { BadInputError } from '../cli-errors';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { exitCodes, type ExitCode } from '../exit-codes';
import { cliJobDestination, keySourceLabel, openCliDestination } from '../push/api-key';
import { checkDestination } from '../push/check-destination';
import { createCliJob, type CliTarget } from '../push/create-cli-job';
import { parseFlags } from '../push/parse-flags';
import { formatCount } from '../push/progress-printer';
import { runJobFromCli } from '../push/run-job';
import { keyProblem, resumeCommand } from '../push/shared';

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

const folded = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

async function findSetup(request: RunSetupRequest) {
  const settings = await createSettingsRepository(
    createJsonFileStore(settingsFilePath(request.dataFolder)),
  ).read();
  const setup = settings.exportSetups.find(
    (candidate) => folded(candidate.name) === folded(request.setupName),
  );
  if (!setup) {
    const known = settings.exportSetups.map((candidate) => `"${candidate.name}"`);
    throw new BadInputError(
      known.length === 0
        ? `There is no saved setup called "${request.setupName}": no setups are saved in ${request.dataFolder}. Save one on the Export screen first.`
        : `There is no saved setup called "${request.setupName}". Saved setups: ${known.join(', ')}.`,
      'setup-not-found',
    );
  }
  const destination = settings.destinations.find((item) => item.id === setup.destinationId);
  if (!destination) {
    throw new BadInputError(
      `The setup "${setup.name}" has no destination (it may have been deleted). Open the setup in the app and choose one.`,
      'setup-destination-missing',
    );
  }
  return { setup, destination };
}

function dryRun(setup: ExportSetupRecord, record: DestinationRecord, plan: ExportPlan): string {
  const lines = [
    `Nothing was sent. This is what the setup "${setup.name}" would send:`,
    '',
    ...plan.segments.map(
      (segment) =>
        `  ${formatCount(segment.valid)} contacts to the Autopilot list "${segment.listName}"`,
    ),
    `  Account: the destination "${record.displayName}" at ${record.endpoint}`,
    '',
    'Add --consent to send them, confirming that you may send these contacts to this account.',
  ];
  return `${lines.join('\n')}\n`;
}

async function planOf(
  dataFolder: string,
  segments: Parameters<typeof planExport>[1],
  syncFor?: ExportPlanHooks['syncFor'],
) {
  try {
    return await planExport(fileSnapshotAccess(dataFolder), segments, { syncFor });
  } catch (error) {
    if (error instanceof MappingError) throw new BadInputError(error.message);
    throw error;
  }
}

/** The checks an unattended run must pass (run-guardrails.ts); a stop is bad input, exit 2. */
async function checkGuardrails(
  request: RunSetupRequest,
  setup: ExportSetupRecord,
  shapes: readonly SegmentShape[],
  plan: ExportPlan,
): Promise<void> {
  if (request.skipGuardrails) return;
  const last = await lastRunCounts(request.dataFolder, setup.id);
  const verdict = checkRunGuardrails(
    plan.segments.map((segment, index) => {
      const shape = shapes[index] as SegmentShape;
      return {
        ...shape,
        listName: segment.listName,
        profileCount: segment.valid,
        lastProfileCount: last[shape.segmentName],
        // The leavers a mirror would take off, of the members this app put on the list.
        removals: setup.mirror ? (segment.leavers?.length ?? 0) : 0,
        listMemberCount: segment.knownMembers ?? 0,
      };
    }),
  );
  if (verdict.send) return;
  throw new BadInputError(
    `${verdict.message} To send it anyway from the command line, add --skip-guardrails.`,
    `guardrail-${verdict.stops[0]?.code ?? 'stop'}`,
  );
}

function profileCounts(shapes: readonly SegmentShape[], plan: ExportPlan) {
  return Object.fromEntries(
    plan.segments.map((segment, index) => [shapes[index]?.segmentName ?? '', segment.valid]),
  );
}

/**
 * The destination's key from the keychain (or the environment), its endpoint checked, one call.
 * A saved setup records no email permission: an Ortto one runs only with a consent column in
 * every segment, so nobody is subscribed by the run.
 */
async function openTarget(
  request: RunSetupRequest,
  record: DestinationRecord,
  setupSegments: ResolvedSetupSegments,
  io: CliIo,
): Promise<CliTarget> {
  const opened = await openCliDestination({
    env: io.env,
    dataFolder: request.dataFolder,
    destinationName: record.displayName,
    consentColumn: setupSegments.segments.every(
      (segment) => segment.mapping.emailConsent !== undefined,
    ),
  });
  const { destination, found } = opened;
  await checkDestination(destination, opened.endpoint, keySourceLabel(found), found.service);
  return { destination, jobDestination: cliJobDestination(opened) };
}

async function send(
  request: RunSetupRequest,
  found: Awaited<ReturnType<typeof findSetup>>,
  setupSegments: ResolvedSetupSegments,
  plan: ExportPlan,
  target: CliTarget,
  io: CliIo,
): Promise<ExitCode> {
  // Each run is a sync (issue 18, item 3): only what changed, the mirror if the setup keeps one.
  const job = await createCliJob(request.dataFolder, plan.segments, target, {
    full: false,
    mirror: found.setup.mirror ?? false,
  });
  // The next run compares with this one, whether or not every row gets through.
  await recordRunCounts(
    request.dataFolder,
    found.setup.id,
    profileCounts(setupSegments.shapes, plan),
  );
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

/** The plan of the setup's segments, refused when empty or when a guardrail stops the run. */
async function countedPlan(
  request: RunSetupRequest,
  setup: ExportSetupRecord,
  resolved: ResolvedSetupSegments,
  syncFor?: ExportPlanHooks['syncFor'],
): Promise<ExportPlan> {
  const plan = await planOf(request.dataFolder, resolved.segments, syncFor);
  if (plan.totals.valid === 0) {
    throw new BadInputError(
      `No row of the setup "${setup.name}" has a usable email address, so there is nothing to send.`,
    );
  }
  await checkGuardrails(request, setup, resolved.shapes, plan);
  return plan;
}

async function runSetup(request: RunSetupRequest, io: CliIo): Promise<ExitCode> {
  const found = await findSetup(request);
  let resolved;
  try {
    resolved = await resolveSetupSegments(request.dataFolder, found.setup);
  } catch (error) {
    if (error instanceof SetupRunError) throw new BadInputError(error.message, error.code);
    throw error;
  }
  try {
    if (!request.consent) {
      // A dry run needs no key: counted without the list's ledger, nothing asked of Autopilot.
      const plan = await countedPlan(request, found.setup, resolved);
      await resolved.discard();
      io.stdout.write(
        request.json
          ? `${JSON.stringify({ dryRun: true, setup: found.setup.name, profiles: plan.totals.valid })}\n`
          : dryRun(found.setup, found.destination, plan),
      );
      return exitCodes.badInput;
    }
    // The guardrails on the file first, so a broken export asks nothing of Autopilot; the
    // count against the list's ledger below reads the rows once more (a run is unattended).
    await countedPlan(request, found.setup, resolved);
    const target = await openTarget(request, found.destination, resolved, io);
    const syncFor = await syncResolver(target.destination, {
      dataFolder: request.dataFolder,
      endpoint: target.jobDestination.endpoint,
      full: false,
    });
    const plan = await countedPlan(request, found.setup, resolved, syncFor);
    return await send(request, found, resolved, plan, target, io);
  } catch (error) {
    // Refused before a job existed: the snapshots read again for this run are not needed.
    if (error instanceof BadInputError || keyProblem(error)) await resolved.discard();
    throw error;
  }
}

export const runSetupCommand: CliCommand = {
  name: 'run-setup',
  synopsis: 'run-setup <setup name> --consent [--skip-guardrails] [--data-dir <dir>] [--json]',
  summary: 'Run a setup saved in the app once (for cron, Task Scheduler or launchd).',
  run: (args, io) => runSetup(parseRunSetup(args, io.env), io),
};
