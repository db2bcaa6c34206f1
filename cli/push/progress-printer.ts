/**
 * Progress of a push on stderr: on a terminal, one bar redrawn in place; in a log (not a
 * terminal), a plain line when the state changes and every few seconds, so logs stay readable.
 */
import type { JobProgress } from '../../core/upload/progress';

const barWidth = 24;

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

function progressLine(progress: JobProgress): string {
  const done = progress.succeeded + progress.failed;
  const share = progress.total > 0 ? Math.min(1, done / progress.total) : 1;
  const filled = Math.round(share * barWidth);
  const parts = [
    `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%`,
    `${formatCount(done)} of ${formatCount(progress.total)}`,
  ];
  if (progress.failed > 0) parts.push(`${formatCount(progress.failed)} failed`);
  if (progress.contactsPerSecond > 0) parts.push(`${formatCount(progress.contactsPerSecond)}/s`);
  if (progress.etaMs !== null && progress.etaMs > 0) {
    parts.push(`about ${formatDuration(progress.etaMs)} left`);
  }
  parts.push(progress.message);
  return parts.join(' · ');
}

interface ProgressPrinter {
  update(progress: JobProgress): void;
  /** Ends the bar's line so the summary starts on a fresh one. */
  end(): void;
}

export function createProgressPrinter(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  now: () => number = Date.now,
): ProgressPrinter {
  let drawn = false;
  let lastState = '';
  let lastLineAt = 0;
  return {
    update(progress) {
      const line = progressLine(progress);
      if (stream.isTTY) {
        const width = Math.max(20, (stream.columns ?? 100) - 1);
        stream.write(`\r\x1b[2K${line.slice(0, width)}`);
        drawn = true;
        return;
      }
      const stateChanged = progress.state !== lastState;
      if (stateChanged || now() - lastLineAt >= 5_000) {
        stream.write(`${line}\n`);
        lastState = progress.state;
        lastLineAt = now();
      }
    },
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
