import { describe, expect, it } from 'vitest';
import { checkSchedule, nextRunAfter, scheduledRunDue } from '../../core/automation/schedule';
import { type Schedule } from '../../shared/model/automation';
import { watchSchedule } from '../../core/automation/schedule-watch';
import { instantOfWallTime, wallTimeAt } from '../../core/automation/zoned-time';
import type { Clock } from '../../core/upload/clock';
import { settle } from '../support/upload-fake-clock';

// Zones are passed in explicitly (no process.env.TZ), so Madrid and New York share one process.
const madrid = 'Europe/Madrid';
const newYork = 'America/New_York';
const hour = 3_600_000;
const day = 24 * hour;

const daily = (at: string): Schedule => ({ every: 'day', at });

/**
 * A clock for a laptop: awake, timers fire in time order; asleep, time jumps and the timers that
 * fell due fire only at wake, as the system delivers them.
 */
class LaptopClock implements Clock {
  #timers: { at: number; resolve: () => void }[] = [];
  constructor(public current: number) {}
  now = (): number => this.current;
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = { at: this.current + ms, resolve };
      this.#timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.#timers = this.#timers.filter((other) => other !== timer);
        reject(signal.reason);
      });
    });
  }
  async #fireDue(): Promise<boolean> {
    this.#timers.sort((a, b) => a.at - b.at);
    const next = this.#timers[0];
    if (next === undefined || next.at > this.current) return false;
    this.#timers.shift();
    next.resolve();
    await settle();
    return true;
  }
  async stayAwake(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at);
      const next = this.#timers[0];
      if (next === undefined || next.at > target) break;
      this.current = Math.max(this.current, next.at);
      await this.#fireDue();
    }
    this.current = target;
  }
  async sleepAndWake(ms: number): Promise<void> {
    this.current += ms;
    while (await this.#fireDue());
  }
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}

/** The instant a wall clock in `zone` shows "2026-03-29T02:30". */
function wall(zone: string, text: string): number {
  const [date, time] = text.split('T') as [string, string];
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return instantOfWallTime({ year, month, day: dayOfMonth, hour: hours, minute: minutes }, zone);
}

describe('schedule: next run', () => {
  it('runs every day at the local time, later the same day or else tomorrow', () => {
    const morning = wall(madrid, '2026-06-10T06:00');
    expect(iso(nextRunAfter(daily('07:30'), morning, madrid))).toBe('2026-06-10T05:30:00.000Z');
    const evening = wall(madrid, '2026-06-10T20:00');
    expect(iso(nextRunAfter(daily('07:30'), evening, madrid))).toBe('2026-06-11T05:30:00.000Z');
    // Exactly at the slot, the next one is tomorrow's: "after" is strict.
    const atSlot = wall(madrid, '2026-06-10T07:30');
    expect(iso(nextRunAfter(daily('07:30'), atSlot, madrid))).toBe('2026-06-11T05:30:00.000Z');
  });

  it('the same local time is a different instant in each zone', () => {
    const noonUtc = Date.UTC(2026, 0, 15, 12, 0);
    expect(iso(nextRunAfter(daily('18:00'), noonUtc, madrid))).toBe('2026-01-15T17:00:00.000Z');
    expect(iso(nextRunAfter(daily('18:00'), noonUtc, newYork))).toBe('2026-01-15T23:00:00.000Z');
  });

  it('runs every week on the chosen weekday only', () => {
    const weekly: Schedule = { every: 'week', on: 'monday', at: '09:00' };
    // Wednesday 2026-06-10: next Monday is the 15th.
    const wednesday = wall(newYork, '2026-06-10T10:00');
    const next = nextRunAfter(weekly, wednesday, newYork);
    expect(wallTimeAt(next, newYork)).toEqual({
      year: 2026,
      month: 6,
      day: 15,
      hour: 9,
      minute: 0,
    });
    expect(nextRunAfter(weekly, next, newYork) - next).toBe(7 * day);
  });
});

describe('schedule: daylight saving', () => {
  it('a 02:30 run on the spring-forward day runs once, at 03:00 (Madrid)', () => {
    // 2026-03-29: Madrid's clocks jump from 02:00 to 03:00; 02:30 never shows.
    const before = wall(madrid, '2026-03-29T00:00');
    const slot = nextRunAfter(daily('02:30'), before, madrid);
    expect(wallTimeAt(slot, madrid)).toMatchObject({ day: 29, hour: 3, minute: 0 });
    const following = nextRunAfter(daily('02:30'), slot, madrid);
    expect(wallTimeAt(following, madrid)).toMatchObject({ day: 30, hour: 2, minute: 30 });
  });

  it('a 02:30 run on the spring-forward day runs once, at 03:00 (New York)', () => {
    // 2026-03-08: New York's clocks jump from 02:00 to 03:00.
    const before = wall(newYork, '2026-03-08T00:00');
    const slot = nextRunAfter(daily('02:30'), before, newYork);
    expect(iso(slot)).toBe('2026-03-08T07:00:00.000Z');
    expect(wallTimeAt(slot, newYork)).toMatchObject({ day: 8, hour: 3, minute: 0 });
    expect(wallTimeAt(nextRunAfter(daily('02:30'), slot, newYork), newYork)).toMatchObject({
      day: 9,
      hour: 2,
      minute: 30,
    });
  });

  it('a run in the repeated hour on the fall-back day runs once, not twice', () => {
    // 2026-10-25: Madrid's clocks go back from 03:00 to 02:00; 02:30 shows twice.
    const before = wall(madrid, '2026-10-25T00:00');
    const first = nextRunAfter(daily('02:30'), before, madrid);
    expect(iso(first)).toBe('2026-10-25T00:30:00.000Z'); // the first 02:30, still summer time
    const second = nextRunAfter(daily('02:30'), first, madrid);
    expect(wallTimeAt(second, madrid)).toMatchObject({ day: 26, hour: 2, minute: 30 });
    expect(second - first).toBe(25 * hour);

    // 2026-11-01: New York repeats 01:00-02:00.
    const nyFirst = nextRunAfter(daily('01:30'), wall(newYork, '2026-11-01T00:00'), newYork);
    expect(iso(nyFirst)).toBe('2026-11-01T05:30:00.000Z');
    const nySecond = nextRunAfter(daily('01:30'), nyFirst, newYork);
    expect(wallTimeAt(nySecond, newYork)).toMatchObject({ day: 2, hour: 1, minute: 30 });
  });
});

describe('schedule: missed runs', () => {
  const schedule = daily('08:00');
  const enabledAt = wall(madrid, '2026-06-01T12:00');

  it('is not due before the first slot after turning it on', () => {
    const beforeSlot = wall(madrid, '2026-06-02T07:59');
    expect(scheduledRunDue(schedule, { enabledAt }, beforeSlot, madrid)).toBe(false);
    const atSlot = wall(madrid, '2026-06-02T08:00');
    expect(scheduledRunDue(schedule, { enabledAt }, atSlot, madrid)).toBe(true);
  });

  it('slots missed while asleep make one run at wake, then nothing until the next slot', () => {
    const lastRunAt = wall(madrid, '2026-06-02T08:00');
    const wake = wall(madrid, '2026-06-05T13:00'); // three slots missed
    expect(scheduledRunDue(schedule, { enabledAt, lastRunAt }, wake, madrid)).toBe(true);
    // The run at wake is recorded; a minute later nothing more is owed.
    const state = { enabledAt, lastRunAt: wake };
    expect(scheduledRunDue(schedule, state, wake + 60_000, madrid)).toBe(false);
    expect(scheduledRunDue(schedule, state, wall(madrid, '2026-06-06T08:00'), madrid)).toBe(true);
  });

  it('the watch runs once after a long sleep and once per slot afterwards', async () => {
    const clock = new LaptopClock(wall(madrid, '2026-06-02T09:00'));
    const runs: string[] = [];
    const watch = watchSchedule({
      schedule,
      timeZone: madrid,
      clock,
      enabledAt,
      lastRunAt: wall(madrid, '2026-06-02T08:00'),
      run: async (startedAt) => {
        runs.push(iso(startedAt));
      },
    });
    await settle();
    expect(runs).toEqual([]);
    // The computer sleeps four days; the wait's timer fires only at wake, once.
    await clock.sleepAndWake(4 * day);
    expect(runs).toEqual([iso(wall(madrid, '2026-06-06T09:00'))]);
    await clock.stayAwake(day);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toBe(iso(wall(madrid, '2026-06-07T08:00')));
    watch.stop();
    await watch.finished;
  });

  it('on start, a run missed while the app was closed runs at once', async () => {
    const clock = new LaptopClock(wall(madrid, '2026-06-09T10:00'));
    const recorded: number[] = [];
    let runs = 0;
    const watch = watchSchedule({
      schedule,
      timeZone: madrid,
      clock,
      enabledAt,
      lastRunAt: wall(madrid, '2026-06-03T08:00'),
      recordRun: async (at) => {
        recorded.push(at);
      },
      run: async () => {
        runs += 1;
      },
    });
    await settle();
    expect(runs).toBe(1);
    expect(recorded).toEqual([clock.now()]);
    await watch.checkNow(); // the resume event right after: nothing more owed
    expect(runs).toBe(1);
    watch.stop();
    await watch.finished;
  });
});

describe('schedule: checking input', () => {
  it('accepts a day or week schedule and explains a bad one', () => {
    expect(checkSchedule({ every: 'week', on: 'friday', at: '17:45' }).ok).toBe(true);
    expect(checkSchedule({ every: 'day', at: '24:00' })).toEqual({
      ok: false,
      message: 'Write the time as HH:MM on a 24-hour clock, e.g. 07:30.',
    });
    const badDay = checkSchedule({ every: 'week', on: 'someday', at: '07:00' });
    expect(badDay.ok).toBe(false);
    expect(() => nextRunAfter(daily('07:00'), 0, 'Mars/Olympus')).toThrow(RangeError);
  });
});
