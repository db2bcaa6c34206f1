import { apiKeyVariables } from '../../core/destination-port/open-destination';
import { normalizeEndpoint } from '../../core/destinations/destination-rules';
import { DestinationsError } from '../../core/destinations/destinations-error';
import { defaultDataFolder } from '../../core/settings/data-folder';
import { isLargeExport, largeExportWarning } from '../../core/upload/export-plan';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { exitCodes, type ExitCode } from '../exit-codes';
import { cliJobDestination, keySourceLabel, openCliDestination } from '../push/api-key';
import { dryRunJson, dryRunText } from '../push/dry-run';
import { parseFlags, parseRate } from '../push/parse-flags';
import { serviceFlags, serviceFlagSpec, type ServiceFlags } from '../push/service-flags';
import {
  importForPush,
  planImported,
  prepareSegment,
  type ImportedSegment,
  type PreparedSegment,
} from '../push/prepare-segment';
import { runJobFromCli } from '../push/run-job';
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
import { defaultEndpoint } from '../../shared/model/destination-service';
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
  ...serviceFlagSpec,
} as const;

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
  readonly service: ServiceFlags;
}

function parsePush(args: readonly string[], env: NodeJS.ProcessEnv): PushRequest {
  const flags = parseFlags(args, flagSpec);
  const [file, ...extra] = flags.positionals;
  if (!file) throw new UsageError('push needs the segment file to send.');
  if (extra.length > 0)
    throw new UsageError(`push takes one file (also got ${extra.map(quoteArgument).join(', ')}).`);
  const listName = flags.text.get('list');
  if (!listName)
    throw new UsageError(
      'push needs --list <name>: the Autopilot list (or Ortto tag) the contacts go to.',
    );
  return {
    file,
    listName,
    consent: flags.switches.has('consent'),
    maps: flags.repeated.get('map') ?? [],
    endpoint: flags.text.has('endpoint')
      ? normalizeEndpoint(flags.text.get('endpoint') ?? '')
      : undefined,
    rate: parseRate(flags.text.get('rate')),
    dataFolder: flags.text.get('data-dir') ?? defaultDataFolder({ env }),
    destinationName: flags.text.get('destination'),
    json: flags.switches.has('json'),
    noHeader: flags.switches.has('no-header'),
    choice: { sheet: flags.text.get('sheet'), entity: flags.text.get('entity') },
    sync: syncFlags(flags.switches),
    service: serviceFlags(flags.text),
  };
}

/** The key, the destination and one cheap call: a wrong key or endpoint is bad input, exit 2. */
async function openTarget(
  request: PushRequest,
  imported: ImportedSegment,
  io: CliIo,
): Promise<CliTarget> {
  const opened = await openCliDestination({
    env: io.env,
    dataFolder: request.dataFolder,
    destinationName: request.destinationName,
    endpoint: request.endpoint,
    ...request.service,
    consentColumn: imported.mapping.emailConsent !== undefined,
  });
  const { service } = opened.found;
  await checkDestination(
    opened.destination,
    opened.endpoint,
    keySourceLabel(opened.found),
    service,
  );
  return {
    destination: opened.destination,
    jobDestination: cliJobDestination(opened, request.rate),
  };
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
    resumeCommand: resumeCommand(job.id, request.dataFolder, io),
    extra: { list: request.listName },
  });
}

/** Where the push goes, as far as is known without a key (the target once opened). */
function dryRunFacts(request: PushRequest, segment: PreparedSegment, target?: CliTarget) {
  const service = target?.jobDestination.service ?? request.service.service ?? 'autopilot';
  return {
    fileName: segment.fileName,
    listName: request.listName,
    endpoint:
      target?.jobDestination.endpoint ??
      request.endpoint ??
      defaultEndpoint(service, request.service.region),
    destinationLabel: request.destinationName
      ? `the destination "${request.destinationName}"`
      : `the account of ${apiKeyVariables[service]}`,
    service,
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
    target = await openTarget(request, imported, io);
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
        ...dryRunFacts(request, segment, target),
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
    'push <file> --list <name> --consent [--service autopilot|ortto] [--region au|eu] [--email-permission yes|no] [--map <Field>=<column>]... [--endpoint <url>] [--rate <requests-per-second>] [--data-dir <dir>] [--no-header] [--sheet <name>] [--entity <name>] [--mirror [--allow-mass-removal]] [--full] [--dry-run] [--json]',
  summary:
    'Send the contacts of a segment file to an Autopilot list or an Ortto tag (resumable). Keys come from AUTOPILOT_API_KEY or ORTTO_API_KEY, or the keychain of --destination.',
  // Refusals are said by run-cli.ts: the sentence, exit 2, and the --json error object.
  run: (args, io) => push(parsePush(args, io.env), io),
};
