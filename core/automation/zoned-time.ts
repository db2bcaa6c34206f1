/**
 * Wall-clock time in a named time zone, computed with `Intl.DateTimeFormat` for a zone passed in.
 * Why a zone argument rather than `process.env.TZ`: the schedule reads "the computer's local
 * time", which main passes as `localTimeZone()`, while tests drive Europe/Madrid and
 * America/New_York side by side in one process without touching global state.
 */

const minuteMs = 60_000;
const dayMs = 86_400_000;

/** A calendar day and a time of day on the wall clock, with no zone attached. */
export interface WallTime {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
  readonly hour: number; // 0-23
  readonly minute: number; // 0-59
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws a RangeError for a zone the system does not know: isKnownTimeZone relies on that.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone this computer runs in ("Europe/Madrid"); the schedule's meaning of "local". */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a clock on the wall in `timeZone` shows at `instant` (seconds dropped). */
export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** A wall time as if it were UTC: a plain number to compare and subtract wall times with. */
function wallNumber(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const floored = Math.floor(instant / minuteMs) * minuteMs;
  return wallNumber(wallTimeAt(floored, timeZone)) - floored;
}

/**
 * The instant a wall clock in `timeZone` shows `wall`. When the clock shows it twice (the hour
 * repeated when daylight saving ends) this is the first time, so a schedule runs once; when it
 * never shows it (the hour skipped when daylight saving starts) this is the first minute after
 * the jump, so the run still happens that day.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): number {
  const target = wallNumber(wall);
  // A day either side lies outside any single change, so these are the offsets before and after.
  const offsetBefore = offsetAt(target - dayMs, timeZone);
  const offsetAfter = offsetAt(target + dayMs, timeZone);
  const shown = [target - offsetBefore, target - offsetAfter].filter(
    (candidate) => wallNumber(wallTimeAt(candidate, timeZone)) === target,
  );
  if (shown.length > 0) return Math.min(...shown);
  return firstInstantShowingAtLeast(target, target - offsetAfter, target - offsetBefore, timeZone);
}

/** Binary search, by whole minutes, for the skipped hour's end: the clock runs forward in there. */
function firstInstantShowingAtLeast(
  target: number,
  low: number,
  high: number,
  timeZone: string,
): number {
  let before = Math.min(low, high);
  let after = Math.max(low, high);
  while (after - before > minuteMs) {
    const middle = before + Math.floor((after - before) / 2 / minuteMs) * minuteMs;
    if (wallNumber(wallTimeAt(middle, timeZone)) >= target) after = middle;
    else before = middle;
  }
  return after;
}

/** The calendar day `days` after the day of `wall` (negative goes back), with its time kept. */
export function addCalendarDays(wall: WallTime, days: number): WallTime {
  const moved = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return {
    ...wall,
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
  };
}

/** 0 = Sunday ... 6 = Saturday, as Date.getDay counts. */
export function weekdayOf(wall: WallTime): number {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
}
