import { defaultDataFolder } from '../../core/settings/data-folder';
import { listJobsChecked, type JobListing, type UnreadableJob } from '../../core/jobs/list-jobs';
import { UsageError, type CliCommand } from '../command';
import { exitCodes } from '../exit-codes';
import { parseFlags } from '../push/parse-flags';
import { formatCount, formatDuration } from '../push/progress-printer';

const flagSpec = { 'data-dir': 'text', json: 'switch' } as const;

const isReadable = (job: JobListing | UnreadableJob): job is JobListing => 'summary' in job;

function statusWords(job: JobListing): string {
  if (job.running) return 'running now';
  if (job.damage) return 'damaged (cannot be resumed)';
  if (job.interrupted) return 'interrupted (resumable)';
  return job.summary.status.replace(/_/g, ' ');
}

function jobLine(job: JobListing | UnreadableJob): string {
  if (!isReadable(job)) {
    return `${job.jobId}  damaged (cannot be resumed)\n  ${job.damage}`;
  }
  const { summary } = job;
  const lists = job.segments.map((segment) => `"${segment.listName}"`).join(', ');
  const failed = summary.failed ? `, ${formatCount(summary.failed)} failed` : '';
  return [
    `${summary.jobId}  ${statusWords(job)}`,
    `  ${job.createdAt.slice(0, 16).replace('T', ' ')} UTC to ${lists} at ${job.destination.endpoint}`,
    `  ${formatCount(summary.succeeded)} of ${formatCount(summary.valid)} delivered${failed}; ${formatDuration(summary.elapsedMs)}`,
    ...(job.damage ? [`  Damaged: ${job.damage}`] : []),
    ...(job.stopMessage && summary.status !== 'completed' ? [`  ${job.stopMessage}`] : []),
  ].join('\n');
}

function jsonRow(job: JobListing | UnreadableJob) {
  if (!isReadable(job)) return { jobId: job.jobId, damaged: true, damage: job.damage };
  return {
    ...job.summary,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    lists: job.segments.map((segment) => segment.listName),
    endpoint: job.destination.endpoint,
    running: job.running,
    interrupted: job.interrupted,
    damaged: job.damage !== null,
    damage: job.damage,
    message: job.stopMessage,
  };
}

export const jobsCommand: CliCommand = {
  name: 'jobs',
  synopsis: 'jobs [--data-dir <dir>] [--json]',
  summary: 'List export jobs, newest first, with their outcome.',
  async run(args, io) {
    const flags = parseFlags(args, flagSpec);
    if (flags.positionals.length > 0) throw new UsageError('jobs takes no arguments.');
    const dataFolder = flags.text.get('data-dir') ?? defaultDataFolder({ env: io.env });
    const jobs = await listJobsChecked(dataFolder);
    if (flags.switches.has('json')) {
      io.stdout.write(`${JSON.stringify(jobs.map(jsonRow))}\n`);
    } else {
      io.stdout.write(
        jobs.length ? `${jobs.map(jobLine).join('\n\n')}\n` : 'No export jobs yet.\n',
      );
    }
    return exitCodes.success;
  },
};
