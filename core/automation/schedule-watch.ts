/**
 * Keeps one schedule running: waits for its next slot and calls `run` once per slot.
 *
 * Why it wakes every few minutes instead of sleeping straight to the slot: a timer set for a long
 * wait does not count the time a laptop spends asleep on every system, so after a night closed it
 * could fire hours late. Waking often and asking `scheduledRunDue` catches a missed slot soon
 * after wake; main may also call `checkNow()` on the system's resume event.
 */
import type { Clock } from '../upload/clock';
import { millisecondsUntilNextRun, scheduledRunDue } from './schedule';
import { type Schedule } from '../../shared/model/automation';

export const scheduleCheckIntervalMs = 5 * 60_000;

interface ScheduleWatchOptions {
  readonly schedule: Schedule;
  readonly timeZone: string;
  readonly clock: Clock;
  /** When the schedule was turned on; slots before it are not owed. */
  readonly enabledAt: number;
  /** The last run's start from the data folder, so a run missed while closed runs at start. */
  readonly lastRunAt?: number;
  /** Starts one run; its start time is recorded before it is called. */
  readonly run: (startedAt: number) => Promise<void>;
  /** Called with the new last-run instant, so the caller can store it durably. */
  readonly recordRun?: (startedAt: number) => Promise<void>;
  readonly checkIntervalMs?: number;
}

export interface ScheduleWatch {
  /** Runs now if a slot is owed (on wake or start); resolves when that run ends. */
  checkNow(): Promise<void>;
  stop(): void;
  /** Resolves when the watch has stopped. */
  readonly finished: Promise<void>;
}

export function watchSchedule(options: ScheduleWatchOptions): ScheduleWatch {
  const controller = new AbortController();
  const interval = options.checkIntervalMs ?? scheduleCheckIntervalMs;
  let lastRunAt = options.lastRunAt;
  let running: Promise<void> | undefined;

  async function runIfDue(): Promise<void> {
    if (running !== undefined) return running;
    const now = options.clock.now();
    const state = { lastRunAt, enabledAt: options.enabledAt };
    if (!scheduledRunDue(options.schedule, state, now, options.timeZone)) return;
    lastRunAt = now;
    running = (async () => {
      await options.recordRun?.(now);
      await options.run(now);
    })().finally(() => (running = undefined));
    return running;
  }

  async function loop(): Promise<void> {
    while (!controller.signal.aborted) {
      // A run tells the person its own outcome; one failed run must not end the schedule.
      await runIfDue().catch(() => undefined);
      const now = options.clock.now();
      const untilSlot = millisecondsUntilNextRun(options.schedule, now, options.timeZone);
      try {
        await options.clock.sleep(Math.min(interval, untilSlot), controller.signal);
      } catch {
        return; // stopped
      }
    }
  }

  return {
    checkNow: () => runIfDue(),
    stop: () => controller.abort(),
    finished: loop(),
  };
}
