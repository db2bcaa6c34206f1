// The emulator's Ortto ban watch, on numbers instead of a clock.
import { describe, expect, it } from 'vitest';
import { BadRequestWatch } from '../../emulator/ortto/ban';

const settings = { banThreshold: 3, banWindowMs: 1000, banDurationMs: 500 };

describe('BadRequestWatch', () => {
  it('bans at the threshold within the window, for the duration', () => {
    const watch = new BadRequestWatch();
    watch.record(0, settings);
    watch.record(400, settings);
    expect(watch.banLeftMs(400)).toBe(0);
    watch.record(999, settings);
    expect(watch.bans).toBe(1);
    expect(watch.banLeftMs(999)).toBe(500);
    expect(watch.banLeftMs(1300)).toBe(199);
    expect(watch.banLeftMs(1499)).toBe(0);
  });

  it('lets bad requests age out of the window', () => {
    const watch = new BadRequestWatch();
    watch.record(0, settings);
    watch.record(10, settings);
    watch.record(1010, settings);
    watch.record(1011, settings);
    expect(watch.bans).toBe(0);
    watch.record(1012, settings);
    expect(watch.bans).toBe(1);
  });

  it('starts counting afresh after a ban', () => {
    const watch = new BadRequestWatch();
    for (const at of [0, 1, 2, 600, 601]) watch.record(at, settings);
    expect(watch.bans).toBe(1);
    watch.record(602, settings);
    expect(watch.bans).toBe(2);
  });
});
