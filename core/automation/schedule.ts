/**
 * "Every day at HH:MM" or "every week on <weekday> at HH:MM", in the computer's local time
 * (issue 18, item 1). Pure functions of an instant and a zone, so the tests inject both.
 *
 * A run missed while the computer slept or the app was closed runs once at the next wake or
 * start, however many slots went by: `scheduledRunDue` only asks whether at least one slot fell
 * between the last run and now.
 */
import { scheduleSchema, weekdays, type Schedule } from '../../shared/model/automation';
import {
  addCalendarDays,
  instantOfWallTime,
  isKnownTimeZone,
  wallTimeAt,
  weekdayOf,
  type WallTime,
} from './zoned-time';

type ScheduleCheck =
  | { readonly ok: true; readonly schedule: Schedule }
  | { readonly ok: false; readonly message: string };

/** Checks a schedule from a person or a file; the message says what to fix. */
export function checkSchedule(raw: unknown): ScheduleCheck {
  const parsed = scheduleSchema.safeParse(raw);
  if (parsed.success) return { ok: true, schedule: parsed.data };
  const issue = parsed.error.issues[0];
  const message =
    issue?.path.includes('at') === true
      ? issue.message
      : 'Choose "every day" or "every week on" a weekday, then a time such as 07:30.';
  return { ok: false, message };
}

function timeParts(at: string): { hour: number; minute: number } {
  const [hour, minute] = at.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}

function runsOnDay(schedule: Schedule, day: WallTime): boolean {
  return schedule.every === 'day' || weekdays[weekdayOf(day)] === schedule.on;
}

function requireZone(timeZone: string): void {
  if (!isKnownTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
}

/**
 * The first scheduled instant strictly after `after`. Each calendar day holds at most one slot,
 * so a time repeated when daylight saving ends is one run, not two.
 */
export function nextRunAfter(schedule: Schedule, after: number, timeZone: string): number {
  requireZone(timeZone);
  const today = { ...wallTimeAt(after, timeZone), ...timeParts(schedule.at) };
  // From yesterday (a skipped hour can push yesterday's slot past midnight) through a week on.
  for (let offset = -1; offset <= 8; offset += 1) {
    const day = addCalendarDays(today, offset);
    if (!runsOnDay(schedule, day)) continue;
    const slot = instantOfWallTime(day, timeZone);
    if (slot > after) return slot;
  }
  throw new Error('No scheduled time found within a week: the schedule is malformed.');
}

interface ScheduleState {
  /** When the last scheduled run started; undefined before the first. */
  readonly lastRunAt?: number;
  /** When the schedule was turned on: slots before it are not owed. */
  readonly enabledAt: number;
}

/**
 * Whether a run is owed now: some slot came after the last run (or after turning the schedule
 * on) and is not in the future. Ten missed slots still make one run; after it the caller records
 * `lastRunAt = now`, which settles all of them.
 */
export function scheduledRunDue(
  schedule: Schedule,
  state: ScheduleState,
  now: number,
  timeZone: string,
): boolean {
  const since = Math.max(state.lastRunAt ?? state.enabledAt, state.enabledAt);
  return nextRunAfter(schedule, since, timeZone) <= now;
}

/** Milliseconds until the next slot after `now`: how long a timer may wait. */
export function millisecondsUntilNextRun(
  schedule: Schedule,
  now: number,
  timeZone: string,
): number {
  return nextRunAfter(schedule, now, timeZone) - now;
}
