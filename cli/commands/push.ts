import { defaultAutopilotEndpoint } from '../../core/autopilot/autopilot-destination';
import { normalizeEndpoint } from '../../core/destinations/destination-rules';
import { DestinationsError } from '../../core/destinations/destinations-error';
import { defaultDataFolder } from '../../core/destinations/resolve-api-key';
import { isLargeExport, largeExportWarning } from '../../core/upload/export-plan';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { exitCodes, type ExitCode } from '../exit-codes';
import { resolveCliKey } from '../push/api-key';
import { dryRunJson, dryRunText } from '../push/dry-run';
import { parseEndpoint, parseFlags, parseRate } from '../push/parse-flags';
import {
  importForPush,
  planImported,
  prepareSegment,
  type ImportedSegment,
  type PreparedSegment,
} from '../push/prepare-segment';
import { cliDestination, runJobFromCli } from '../push/run-job';
import { keyProblem, resumeCommand } from '../push/shared';
import {
  massRemovalRefusal,
  previewJson,
  previewText,
  syncFlags,
  syncFlagSpec,
  type SyncFlags,
} from '../push/sync-flags';
import { BadInputError } from '../cli-errors';
import { checkDestination } from '../push/check-destination';
import { createCliJob, type CliTarget } from '../push/create-cli-job';
import { quoteArgument } from '../quote-argument';
import { syncResolver } from '../../core/sync/plan-sync';
import type { ShapeChoice } from '../../shared/segments/segment-shape';

const flagSpec = {
  list: 'text',
  consent: 'switch',
  map: 'repeated',
  endpoint: 'text',
  rate: 'text',
  'data-dir': 'text',
  destination: 'text',
  json: 'switch',
  'no-header': 'switch',
  // A workbook's sheet, an export folder's table (issue 14).
  sheet: 'text',
  entity: 'text',
  ...syncFlagSpec,
} as const;

/** Autopilot publishes no limit (autopilot-api.md §5); 5 requests per second is the safe default. */
export const defaultRequestRate = 5;

interface PushRequest {
  readonly file: string;
  readonly listName: string;
  readonly consent: boolean;
  readonly maps: readonly string[];
  readonly endpoint: string | undefined;
  readonly rate: number | undefined;
  readonly dataFolder: string;
  readonly destinationName: string | undefined;
  readonly json: boolean;
  /** `--no-header`: the file's first row is data (columns "Column 1", "Column 2"...). */
  readonly noHeader: boolean;
  readonly choice: ShapeChoice;
  readonly sync: SyncFlags;
}

function parsePush(args: readonly string[], env: NodeJS.ProcessEnv): PushRequest {
  const flags = parseFlags(args, flagSpec);
  const [file, ...extra] = flags.positionals;
  if (!file) throw new UsageError('push needs the segment file to send.');
  if (extra.length > 0)
    throw new UsageError(`push takes one file (also got ${extra.map(quoteArgument).join(', ')}).`);
  const listName = flags.text.get('list');
  if (!listName)
    throw new UsageError('push needs --list <name>: the Autopilot list the contacts go to.');
  return {
    file,
    listName,
    consent: flags.switches.has('consent'),
    maps: flags.repeated.get('map') ?? [],
    endpoint: flags.text.has('endpoint')
      ? parseEndpoint(flags.text.get('endpoint'), defaultAutopilotEndpoint)
      : undefined,
    rate: parseRate(flags.text.get('rate')),
    dataFolder: flags.text.get('data-dir') ?? defaultDataFolder({ env }),
    destinationName: flags.text.get('destination'),
    json: flags.switches.has('json'),
    noHeader: flags.switches.has('no-header'),
    choice: { sheet: flags.text.get('sheet'), entity: flags.text.get('entity') },
    sync: syncFlags(flags.switches),
  };
}

/** The key, the destination and one cheap call: a wrong key or endpoint is bad input, exit 2. */
async function openTarget(request: PushRequest, io: CliIo): Promise<CliTarget> {
  const resolved = await resolveCliKey({
    env: io.env,
    dataFolder: request.dataFolder,
    destinationName: request.destinationName,
  });
  // A saved destination's endpoint passes the rule again: settings files can be edited by hand.
  const endpoint = normalizeEndpoint(
    request.endpoint ?? resolved.endpoint ?? defaultAutopilotEndpoint,
  );
  const destination = cliDestination(endpoint, resolved.apiKey);
  const keySource = request.destinationName
    ? `the destination "${request.destinationName}"`
    : 'AUTOPILOT_API_KEY';
  await checkDestination(destination, endpoint, keySource);
  const jobDestination = {
    id: resolved.destinationId ?? 'env',
    name: request.destinationName ?? 'AUTOPILOT_API_KEY',
    endpoint,
    rate: request.rate ?? resolved.rate ?? defaultRequestRate,
  };
  return { destination, jobDestination };
}

async function send(
  request: PushRequest,
  segment: PreparedSegment,
  target: CliTarget,
  io: CliIo,
): Promise<ExitCode> {
  const { full, mirror } = request.sync;
  const job = await createCliJob(request.dataFolder, segment.plan.segments, target, {
    full,
    mirror,
  });
  if (!request.json)
    io.stderr.write(`Export job ${job.id}: sending to the list "${request.listName}".\n`);
  return runJobFromCli({
    dataFolder: request.dataFolder,
    jobId: job.id,
    destination: target.destination,
    json: request.json,
    io,
    resumeCommand: resumeCommand(job.id, request.dataFolder, io.env),
    extra: { list: request.listName },
  });
}

function dryRunFacts(request: PushRequest, segment: PreparedSegment, endpoint?: string) {
  return {
    fileName: segment.fileName,
    listName: request.listName,
    endpoint: endpoint ?? request.endpoint ?? defaultAutopilotEndpoint,
    destinationLabel: request.destinationName
      ? `the destination "${request.destinationName}"`
      : 'the account of AUTOPILOT_API_KEY',
    plan: segment.plan,
  };
}

/** Without --consent or --dry-run: what would be sent, offline, and exit 2 (nothing sent). */
async function consentNeeded(request: PushRequest, io: CliIo): Promise<ExitCode> {
  const segment = await prepareSegment(request);
  const profiles = segment.plan.totals.valid;
  if (isLargeExport(profiles)) io.stderr.write(`Warning: ${largeExportWarning(profiles)}\n`);
  if (segment.setAsideWarning) io.stderr.write(`Warning: ${segment.setAsideWarning}\n`);
  await segment.discard();
  const facts = dryRunFacts(request, segment);
  io.stdout.write(request.json ? dryRunJson(facts) : dryRunText(facts));
  return exitCodes.badInput;
}

/** The key, the destination and the list's ledger, then the count against it. */
async function openAndPlan(request: PushRequest, imported: ImportedSegment, io: CliIo) {
  let target: CliTarget;
  let syncFor: Awaited<ReturnType<typeof syncResolver>>;
  try {
    target = await openTarget(request, io);
    syncFor = await syncResolver(target.destination, {
      dataFolder: request.dataFolder,
      endpoint: target.jobDestination.endpoint,
      full: request.sync.full,
    });
  } catch (error) {
    await imported.discard();
    throw error;
  }
  // planImported removes the snapshot itself when it refuses.
  return { target, segment: await planImported(imported, syncFor) };
}

async function push(request: PushRequest, io: CliIo): Promise<ExitCode> {
  if (!request.consent && !request.sync.dryRun) return consentNeeded(request, io);
  // The file first: one that cannot be read whole is refused before the key is used at all.
  const { target, segment } = await openAndPlan(request, await importForPush(request), io);
  const profiles = segment.plan.totals.valid;
  if (isLargeExport(profiles)) io.stderr.write(`Warning: ${largeExportWarning(profiles)}\n`);
  if (segment.setAsideWarning) io.stderr.write(`Warning: ${segment.setAsideWarning}\n`);
  try {
    if (request.sync.dryRun) {
      await segment.discard();
      const facts = {
        ...dryRunFacts(request, segment, target.jobDestination.endpoint),
        ...request.sync,
      };
      io.stdout.write(request.json ? previewJson(facts) : previewText(facts));
      return exitCodes.success;
    }
    const refusal = massRemovalRefusal(segment.plan, request.sync);
    if (refusal) throw new BadInputError(refusal);
    return await send(request, segment, target, io);
  } catch (error) {
    // Nothing was sent when the key or the destination was refused: leave no snapshot behind.
    const refused =
      error instanceof BadInputError || error instanceof DestinationsError || keyProblem(error);
    if (refused) await segment.discard();
    throw error;
  }
}

export const pushCommand: CliCommand = {
  name: 'push',
  synopsis:
    'push <file> --list <name> --consent [--map <Field>=<column>]... [--endpoint <url>] [--rate <requests-per-second>] [--data-dir <dir>] [--no-header] [--sheet <name>] [--entity <name>] [--mirror [--allow-mass-removal]] [--full] [--dry-run] [--json]',
  summary: 'Send the contacts of a segment file to an Autopilot list (resumable).',
  // Refusals are said by run-cli.ts: the sentence, exit 2, and the --json error object.
  run: (args, io) => push(parsePush(args, io.env), io),
};
