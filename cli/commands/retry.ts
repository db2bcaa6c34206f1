import { normalizeEndpoint } from '../../core/destinations/destination-rules';
import { defaultDataFolder } from '../../core/settings/data-folder';
import { consentTerms } from '../../core/jobs/consent';
import { ensureJobIntact } from '../../core/jobs/job-damage';
import type { JobManifest } from '../../core/jobs/job-manifest';
import { readJobManifest } from '../../core/jobs/job-store';
import {
  createRetryJob,
  plannedRetry,
  retryableStatuses,
  RetryError,
} from '../../core/jobs/retry-job';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { currentOsUser } from '../../core/system/os-user';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { exitCodes, type ExitCode } from '../exit-codes';
import { openJobDestination } from '../push/api-key';
import { parseFlags } from '../push/parse-flags';
import { formatCount } from '../push/progress-printer';
import { runJobFromCli } from '../push/run-job';
import { resumeCommand } from '../push/shared';
import { quoteArgument } from '../quote-argument';

/**
 * `retry <job-id> --consent`: what the app's "Retry failed rows" does (core/jobs/retry-job.ts). A
 * new job over the same snapshots, destination, lists and matching sends only the rows a finished
 * job gave up on after repeated faults; refused, invalid and duplicate rows are not retried. The
 * data leaves the computer again, so without --consent it says what would be sent and sends nothing.
 */
const flagSpec = {
  consent: 'switch',
  'data-dir': 'text',
  destination: 'text',
  json: 'switch',
} as const;

function consentText(original: JobManifest, contacts: number): string {
  const lists = original.segments.map((segment) => `"${segment.listName}"`).join(', ');
  return [
    'Nothing was sent. This is what `retry` would send:',
    '',
    `  Contacts           ${formatCount(contacts)} given up after repeated errors by export job ${original.id}`,
    `  To                 the Autopilot list${original.segments.length > 1 ? 's' : ''} ${lists}`,
    `  Account            ${original.destination.name} at ${original.destination.endpoint}`,
    '',
    'Consent:',
    `  ${consentTerms}`,
    '',
    'If you agree, run the same command again with --consent.',
    '',
  ].join('\n');
}

/** Before anything: a finished job, whole, whose endpoint passes the rule, with rows to retry. */
async function checkedOriginal(dataFolder: string, jobId: string) {
  const original = await readJobManifest(dataFolder, jobId);
  if (!retryableStatuses.includes(original.status) && original.status !== 'completed') {
    throw new RetryError(
      'not-finished',
      `Export job "${jobId}" has not finished: resume it to send the rest (\`resume ${jobId}\`).`,
    );
  }
  normalizeEndpoint(original.destination.endpoint);
  await ensureJobIntact(dataFolder, original);
  const planned =
    original.status === 'completed'
      ? []
      : await plannedRetry(dataFolder, original, fileSnapshotAccess(dataFolder));
  const contacts = planned.reduce((sum, segment) => sum + segment.valid, 0);
  if (contacts === 0) {
    throw new RetryError('nothing-to-retry', `Export job "${jobId}" has no failed rows to retry.`);
  }
  return { original, contacts };
}

async function retry(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const flags = parseFlags(args, flagSpec);
  const [jobId, ...extra] = flags.positionals;
  if (!jobId) throw new UsageError('retry needs the id of a finished job (see `jobs`).');
  if (extra.length > 0) {
    throw new UsageError(
      `retry takes one job id (also got ${extra.map(quoteArgument).join(', ')}).`,
    );
  }
  const json = flags.switches.has('json');
  const dataFolder = flags.text.get('data-dir') ?? defaultDataFolder({ env: io.env });
  const { original, contacts } = await checkedOriginal(dataFolder, jobId);
  if (!flags.switches.has('consent')) {
    const facts = { consentRequired: true, sent: 0, retryOf: jobId, contacts, terms: consentTerms };
    io.stdout.write(json ? `${JSON.stringify(facts)}\n` : consentText(original, contacts));
    return exitCodes.badInput;
  }
  const { destination } = await openJobDestination(original.destination, {
    env: io.env,
    dataFolder,
    destinationName: flags.text.get('destination'),
  });
  const { manifest } = await createRetryJob({
    dataFolder,
    jobId,
    snapshots: fileSnapshotAccess(dataFolder),
    osUser: currentOsUser(),
  });
  if (!json)
    io.stderr.write(
      `Export job ${manifest.id}: retrying ${formatCount(contacts)} rows of ${jobId}.\n`,
    );
  return runJobFromCli({
    dataFolder,
    jobId: manifest.id,
    destination,
    json,
    io,
    resumeCommand: resumeCommand(manifest.id, dataFolder, io),
    extra: {
      retryOf: jobId,
      list: original.segments.map((segment) => segment.listName).join(', '),
    },
  });
}

export const retryJobCommand: CliCommand = {
  name: 'retry',
  synopsis: 'retry <job-id> --consent [--data-dir <dir>] [--json]',
  summary: 'Send again the rows a finished export gave up on after repeated errors.',
  run: retry,
};
