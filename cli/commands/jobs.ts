import { defaultDataFolder } from '../../core/destinations/resolve-api-key';
import { listJobs, type JobListing } from '../../core/jobs/list-jobs';
import { UsageError, type CliCommand } from '../command';
import { exitCodes } from '../exit-codes';
import { parseFlags } from '../push/parse-flags';
import { formatCount, formatDuration } from '../push/progress-printer';

const flagSpec = { 'data-dir': 'text', json: 'switch' } as const;

function statusWords(job: JobListing): string {
  if (job.running) return 'running now';
  if (job.interrupted) return 'interrupted (resumable)';
  return job.summary.status.replace(/_/g, ' ');
}

function jobLine(job: JobListing): string {
  const { summary } = job;
  const lists = job.segments.map((segment) => `"${segment.listName}"`).join(', ');
  const failed = summary.failed ? `, ${formatCount(summary.failed)} failed` : '';
  return [
    `${summary.jobId}  ${statusWords(job)}`,
    `  ${job.createdAt.slice(0, 16).replace('T', ' ')} UTC to ${lists} at ${job.destination.endpoint}`,
    `  ${formatCount(summary.succeeded)} of ${formatCount(summary.valid)} delivered${failed}; ${formatDuration(summary.elapsedMs)}`,
    ...(job.stopMessage && summary.status !== 'completed' ? [`  ${job.stopMessage}`] : []),
  ].join('\n');
}

export const jobsCommand: CliCommand = {
  name: 'jobs',
  synopsis: 'jobs [--data-dir <dir>] [--json]',
  summary: 'List export jobs, newest first, with their outcome.',
  async run(args, io) {
    const flags = parseFlags(args, flagSpec);
    if (flags.positionals.length > 0) throw new UsageError('jobs takes no arguments.');
    const jobs = await listJobs(flags.text.get('data-dir') ?? defaultDataFolder({ env: io.env }));
    if (flags.switches.has('json')) {
      const rows = jobs.map((job) => ({
        ...job.summary,
        createdAt: job.createdAt,
        updatedAt: job.updatedAt,
        lists: job.segments.map((segment) => segment.listName),
        endpoint: job.destination.endpoint,
        running: job.running,
        interrupted: job.interrupted,
        message: job.stopMessage,
      }));
      io.stdout.write(`${JSON.stringify(rows)}\n`);
    } else {
      io.stdout.write(
        jobs.length ? `${jobs.map(jobLine).join('\n\n')}\n` : 'No export jobs yet.\n',
      );
    }
    return exitCodes.success;
  },
};
