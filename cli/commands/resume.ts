import { defaultDataFolder } from '../../core/destinations/resolve-api-key';
import { JobBusyError } from '../../core/jobs/job-lock';
import { JobNotFoundError, JobStoreCorruptError, readJobManifest } from '../../core/jobs/job-store';
import { ensureResumable, JobNotRunnableError } from '../../core/upload/upload-run';
import { UsageError, type CliCommand } from '../command';
import { exitCodes } from '../exit-codes';
import { resolveCliKey } from '../push/api-key';
import { parseFlags } from '../push/parse-flags';
import { cliDestination, runJobFromCli } from '../push/run-job';
import { keyProblem, resumeCommand } from '../push/shared';

const flagSpec = { 'data-dir': 'text', destination: 'text', json: 'switch' } as const;

/** Errors that mean "this job cannot be resumed as asked": said plainly, exit 2, nothing sent. */
function resumeProblem(error: unknown): boolean {
  return (
    keyProblem(error) ||
    error instanceof JobNotFoundError ||
    error instanceof JobStoreCorruptError ||
    error instanceof JobNotRunnableError ||
    error instanceof JobBusyError
  );
}

export const resumeJobCommand: CliCommand = {
  name: 'resume',
  synopsis: 'resume <job-id> [--data-dir <dir>] [--json]',
  summary: 'Send the rest of an export job that stopped before the end.',
  async run(args, io) {
    const flags = parseFlags(args, flagSpec);
    const [jobId, ...extra] = flags.positionals;
    if (!jobId) throw new UsageError('resume needs the id of the job (see `jobs`).');
    if (extra.length > 0)
      throw new UsageError(`resume takes one job id (also got "${extra.join(' ')}").`);
    const dataFolder = flags.text.get('data-dir') ?? defaultDataFolder({ env: io.env });
    try {
      const manifest = await readJobManifest(dataFolder, jobId);
      ensureResumable(manifest);
      const resolved = await resolveCliKey({
        env: io.env,
        dataFolder,
        destinationName: flags.text.get('destination'),
        jobDestinationId: manifest.destination.id,
      });
      if (!flags.switches.has('json')) io.stderr.write(`Export job ${jobId}: resuming.\n`);
      return await runJobFromCli({
        dataFolder,
        jobId,
        destination: cliDestination(manifest.destination.endpoint, resolved.apiKey),
        json: flags.switches.has('json'),
        io,
        resumeCommand: resumeCommand(jobId, dataFolder, io.env),
        extra: { list: manifest.segments.map((segment) => segment.listName).join(', ') },
      });
    } catch (error) {
      if (!resumeProblem(error)) throw error;
      io.stderr.write(`${(error as Error).message}\n`);
      return exitCodes.badInput;
    }
  },
};
