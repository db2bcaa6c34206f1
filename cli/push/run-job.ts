/**
 * Runs a job from the command line through the jobs service the app uses (core/jobs/
 * jobs-service.ts, its `run`): progress on stderr, Ctrl+C or SIGTERM stops cleanly (the journal is
 * already durable per batch) with exit 3, and the summary at the end (JSON with --json).
 */
import type { Destination } from '../../core/destination-port/destination';
import { JobsService } from '../../core/jobs/jobs-service';
import type { CliIo } from '../command';
import { exitCodes, type ExitCode } from '../exit-codes';
import { createProgressPrinter } from './progress-printer';
import { exitCodeFor, summaryJson, summaryText } from './summary';
import { syncJson, syncText } from './sync-summary';
import { summarizeJobSync } from '../../core/sync/job-sync-summary';
import { readJobManifest } from '../../core/jobs/job-store';

/** The command line gives up waiting for the network after this long, and stops resumably. */
const offlineTimeoutMs = 10 * 60_000;

interface CliRunOptions {
  readonly dataFolder: string;
  readonly jobId: string;
  readonly destination: Destination;
  readonly json: boolean;
  readonly io: CliIo;
  /** The command that resumes this job, for the closing hint. */
  readonly resumeCommand: string;
  /** Extra fields for the --json summary (push adds the list name). */
  readonly extra?: Record<string, unknown>;
}

export async function runJobFromCli(options: CliRunOptions): Promise<ExitCode> {
  const { io } = options;
  const printer = options.json ? null : createProgressPrinter(io.stderr as NodeJS.WriteStream);
  const jobs = new JobsService({
    dataFolder: options.dataFolder,
    // Opened and checked by the command before anything is read for the run.
    openDestination: () => Promise.resolve(options.destination),
    events: { progressed: (progress) => printer?.update(progress), finished: () => undefined },
    offlineTimeoutMs,
  });
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts += 1;
    // A second Ctrl+C stops at once: every finished batch is already on disk.
    if (interrupts > 1) process.exit(3);
    io.stderr.write('\nStopping after the requests on the way… (Ctrl+C again to quit now)\n');
    void jobs.dispose();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await jobs.run(options.jobId);
    printer?.end();
    if (!result) {
      io.stderr.write(`Stopped before anything was sent. To send it: ${options.resumeCommand}\n`);
      return exitCodes.stopped;
    }
    const sync = await summarizeJobSync(
      options.dataFolder,
      await readJobManifest(options.dataFolder, options.jobId),
    );
    if (options.json) io.stdout.write(summaryJson(result, { ...syncJson(sync), ...options.extra }));
    else {
      const service = options.destination.serviceName;
      io.stdout.write(summaryText(result, options.resumeCommand, service) + syncText(sync));
    }
    return exitCodeFor(result.status);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
