import { normalizeEndpoint } from '../../core/destinations/destination-rules';
import { defaultDataFolder } from '../../core/settings/data-folder';
import { ensureJobIntact } from '../../core/jobs/job-damage';
import { readJobManifest } from '../../core/jobs/job-store';
import { ensureResumable } from '../../core/upload/upload-run';
import { UsageError, type CliCommand } from '../command';
import { openJobDestination } from '../push/api-key';
import { parseFlags } from '../push/parse-flags';
import { runJobFromCli } from '../push/run-job';
import { resumeCommand } from '../push/shared';
import { quoteArgument } from '../quote-argument';

const flagSpec = { 'data-dir': 'text', destination: 'text', json: 'switch' } as const;

/**
 * `resume <job-id>`. Before any request: the job must be unfinished and whole (its row selections
 * and snapshots there and complete), and the endpoint stored in it must pass the endpoint rule
 * again, since a job file can be edited. Refusals are said by run-cli.ts: exit 2, nothing sent.
 */
export const resumeJobCommand: CliCommand = {
  name: 'resume',
  synopsis: 'resume <job-id> [--data-dir <dir>] [--destination <name>] [--json]',
  summary: 'Send the rest of an export job that stopped before the end.',
  async run(args, io) {
    const flags = parseFlags(args, flagSpec);
    const [jobId, ...extra] = flags.positionals;
    if (!jobId) throw new UsageError('resume needs the id of the job (see `jobs`).');
    if (extra.length > 0) {
      throw new UsageError(
        `resume takes one job id (also got ${extra.map(quoteArgument).join(', ')}).`,
      );
    }
    const dataFolder = flags.text.get('data-dir') ?? defaultDataFolder({ env: io.env });
    const manifest = await readJobManifest(dataFolder, jobId);
    ensureResumable(manifest);
    // The stored endpoint passes the endpoint rule before the job's files are read.
    normalizeEndpoint(manifest.destination.endpoint);
    await ensureJobIntact(dataFolder, manifest);
    const { destination } = await openJobDestination(manifest.destination, {
      env: io.env,
      dataFolder,
      destinationName: flags.text.get('destination'),
    });
    if (!flags.switches.has('json')) io.stderr.write(`Export job ${jobId}: resuming.\n`);
    return runJobFromCli({
      dataFolder,
      jobId,
      destination,
      json: flags.switches.has('json'),
      io,
      resumeCommand: resumeCommand(jobId, dataFolder, io),
      extra: { list: manifest.segments.map((segment) => segment.listName).join(', ') },
    });
  },
};
