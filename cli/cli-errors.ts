/**
 * Every way a command can refuse, in one place: the sentence on stderr, the exit code, and with
 * --json one object `{ "error": { code, message } }` on stdout (issue 12, item 12). Commands throw;
 * run-cli.ts calls describeCliError and prints.
 */
import { DestinationsError } from '../core/destinations/destinations-error';
import { OpenDestinationError } from '../core/destination-port/open-destination';
import { ImportError } from '../core/import/import-error';
import { JobDamagedError } from '../core/jobs/job-damage';
import { JobBusyError } from '../core/jobs/job-lock';
import { JobNotFoundError, JobStoreCorruptError } from '../core/jobs/job-store';
import { RetryError } from '../core/jobs/retry-job';
import { SecretStoreError } from '../core/secrets/secret-store';
import { JobNotRunnableError } from '../core/upload/upload-run';
import { UsageError } from './command';
import { exitCodes, type ExitCode } from './exit-codes';

/** Bad input found after parsing: said plainly, without the usage text; exit 2. */
export class BadInputError extends Error {
  override readonly name = 'BadInputError';
  constructor(
    message: string,
    readonly code: string = 'bad-input',
  ) {
    super(message);
  }
}

interface CliErrorReport {
  readonly code: string;
  readonly message: string;
  readonly exitCode: ExitCode;
  /** Usage mistakes are followed by the usage text. */
  readonly showUsage: boolean;
}

const bad = (code: string, message: string): CliErrorReport => ({
  code,
  message,
  exitCode: exitCodes.badInput,
  showUsage: false,
});

/** A file-system refusal of the data folder (read-only, not ours, full), in plain words. */
function fileSystemReport(error: NodeJS.ErrnoException): CliErrorReport | null {
  const where = error.path ? ` (${error.path})` : '';
  if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS') {
    return bad(
      'data-folder-not-writable',
      `Segment Courier can't write to its data folder${where}: it is read-only or belongs to another user. Nothing was sent. Fix its permissions, or choose another folder with --data-dir.`,
    );
  }
  if (error.code === 'ENOSPC' || error.code === 'EDQUOT') {
    return bad(
      'disk-full',
      `The disk holding the data folder${where} is full. Nothing more was sent. Free some space, then try again (an export already started resumes with \`resume\`).`,
    );
  }
  return null;
}

function jobReport(error: unknown): CliErrorReport | null {
  if (error instanceof JobNotFoundError) return bad('job-not-found', error.message);
  if (error instanceof JobDamagedError) return bad('job-damaged', error.message);
  if (error instanceof JobStoreCorruptError) return bad('job-damaged', error.message);
  if (error instanceof JobNotRunnableError) return bad('job-not-runnable', error.message);
  if (error instanceof JobBusyError) return bad('job-busy', error.message);
  if (error instanceof RetryError) return bad(`retry-${error.kind}`, error.message);
  return null;
}

/** No key could be had, or not the right one: the codes scripts already read. */
function keySourceReport(error: OpenDestinationError): CliErrorReport {
  if (error.kind === 'keychain' && error.cause instanceof SecretStoreError) {
    return bad(`keychain-${error.cause.kind}`, error.message);
  }
  if (error.kind === 'invalid-key') return bad('invalid-api-key', error.message);
  if (error.kind === 'other-service') return bad('other-service', error.message);
  return bad('no-api-key', error.message);
}

/** The report for an error a person can act on, or null for a bug (which stays a crash). */
export function describeCliError(error: unknown): CliErrorReport | null {
  if (error instanceof UsageError) {
    return { code: 'usage', message: error.message, exitCode: exitCodes.badInput, showUsage: true };
  }
  if (error instanceof BadInputError) return bad(error.code, error.message);
  if (error instanceof ImportError) return bad(error.code, error.message);
  if (error instanceof DestinationsError) return bad(error.code, error.message);
  if (error instanceof OpenDestinationError) return keySourceReport(error);
  if (error instanceof SecretStoreError) return bad(`keychain-${error.kind}`, error.message);
  const job = jobReport(error);
  if (job) return job;
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') {
    return fileSystemReport(error as NodeJS.ErrnoException);
  }
  return null;
}

/** `--json` anywhere among a command's arguments (before a bare `--`). */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).includes('--json');
}

export function errorJson(report: Pick<CliErrorReport, 'code' | 'message'>): string {
  return `${JSON.stringify({ error: { code: report.code, message: report.message } })}\n`;
}
