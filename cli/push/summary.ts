/**
 * The end of `push` and `resume`: one JSON object with --json (product.md lists its fields), else
 * a short summary a person reads, and the exit code the status means.
 */
import type { JobSummary } from '../../core/jobs/job-summary';
import type { RunResult } from '../../core/upload/upload-run';
import { exitCodes, type ExitCode } from '../exit-codes';
import { formatCount, formatDuration } from './progress-printer';

/** completed → 0; completed with failed rows → 1; stopped before the end → 3 (resumable). */
export function exitCodeFor(status: RunResult['status']): ExitCode {
  if (status === 'completed') return exitCodes.success;
  if (status === 'completed_with_errors') return exitCodes.someRowsFailed;
  return exitCodes.stopped;
}

/** The CLI's status words: a cancelled job (only the app cancels) reads as failed. */
function cliStatus(status: RunResult['status']): string {
  if (status === 'completed' || status === 'completed_with_errors' || status === 'paused') {
    return status;
  }
  return status === 'running' || status === 'ready' ? 'paused' : 'failed';
}

export function summaryJson(result: RunResult, extra: Record<string, unknown> = {}): string {
  const { summary } = result;
  return `${JSON.stringify({
    jobId: summary.jobId,
    status: cliStatus(result.status),
    rows: summary.rows,
    valid: summary.valid,
    invalid: summary.invalid,
    duplicates: summary.duplicates,
    sent: summary.sent,
    succeeded: summary.succeeded,
    failed: summary.failed,
    refused: summary.refused,
    givenUp: summary.givenUp,
    requests: summary.requests,
    rateLimited: summary.rateLimited,
    retries: summary.retries,
    elapsedMs: summary.elapsedMs,
    message: result.stop?.message ?? null,
    report: result.reportFile,
    ...extra,
  })}\n`;
}

function countsLines(summary: JobSummary, service: string): string[] {
  const left = summary.invalid + summary.duplicates;
  return [
    `  Rows in the file       ${formatCount(summary.rows)}`,
    `  Contacts to send       ${formatCount(summary.valid)}${left ? ` (${formatCount(summary.invalid)} invalid and ${formatCount(summary.duplicates)} duplicate rows left out)` : ''}`,
    `  Delivered              ${formatCount(summary.succeeded)}`,
    `  Not delivered          ${formatCount(summary.failed)}${summary.failed ? ` (${formatCount(summary.refused)} refused by ${service}, ${formatCount(summary.givenUp)} given up after repeated errors)` : ''}`,
    `  Requests               ${formatCount(summary.requests)} (${formatCount(summary.rateLimited)} told to slow down, ${formatCount(summary.retries)} retries)`,
    `  Time                   ${formatDuration(summary.elapsedMs)}`,
  ];
}

export function summaryText(result: RunResult, resumeCommand: string, service: string): string {
  const { summary } = result;
  const headline: Record<string, string> = {
    completed: 'Done: every contact was delivered.',
    completed_with_errors: 'Done, but some contacts were not delivered.',
    paused: result.stop?.message ?? 'Paused.',
    failed: result.stop?.message ?? 'Stopped.',
  };
  const status = cliStatus(result.status);
  const lines = [
    `Export job ${summary.jobId}: ${headline[status] ?? status}`,
    ...countsLines(summary, service),
  ];
  if (result.reportFile && summary.invalid + summary.duplicates + summary.failed > 0) {
    lines.push(`Rows not delivered, with the reason: ${result.reportFile}`);
  }
  if (exitCodeFor(result.status) === exitCodes.stopped) {
    lines.push(`To send the rest: ${resumeCommand}`);
  }
  return `${lines.join('\n')}\n`;
}
