// Issue 12, item 10: when a streak of failures pauses the export, and how the pause is worded.
import { describe, expect, it } from 'vitest';
import { FaultStreak, repeatedFaultsPolicy } from '../../core/upload/fault-streak';
import { stopKindOf } from '../../core/jobs/jobs-destination';
import { endNotification } from '../../electron/services/jobs-texts';
import historyCa from '../../renderer/src/features/history/locales/ca.json';
import historyEn from '../../renderer/src/features/history/locales/en.json';
import { jobStopKinds } from '../../shared/model/jobs';
import { FakeClock } from '../support/upload-fake-clock';

const batch = (seq: number) => ({ segment: 0, seq });

describe('FaultStreak', () => {
  it('pauses on the first failure that completes the count, the span and two batches', async () => {
    const clock = new FakeClock();
    const streak = new FaultStreak(clock);
    for (let index = 0; index < 12; index += 1) expect(streak.failed(batch(index % 4))).toBe(false);
    await clock.advance(repeatedFaultsPolicy.spanMs - 1);
    expect(streak.failed(batch(1))).toBe(false);
    await clock.advance(1);
    expect(streak.failed(batch(2))).toBe(true);
  });

  it('starts again after any delivery', async () => {
    const clock = new FakeClock();
    const streak = new FaultStreak(clock);
    for (let index = 0; index < 10; index += 1) streak.failed(batch(index));
    await clock.advance(9_000);
    streak.delivered();
    expect(streak.count).toBe(0);
    await clock.advance(1_000);
    for (let index = 0; index < 8; index += 1) expect(streak.failed(batch(index))).toBe(false);
    await clock.advance(10_000);
    expect(streak.failed(batch(0))).toBe(true);
  });

  it('needs a few failures, not one slow one', async () => {
    const clock = new FakeClock();
    const streak = new FaultStreak(clock);
    expect(streak.failed(batch(0))).toBe(false);
    await clock.advance(60_000);
    expect(streak.failed(batch(1))).toBe(false);
  });

  it('leaves one batch failing alone to be given up after its tries, as before', async () => {
    const clock = new FakeClock();
    const streak = new FaultStreak(clock);
    for (let index = 0; index < 7; index += 1) {
      expect(streak.failed(batch(5))).toBe(false);
      await clock.advance(5_000);
    }
    expect(streak.failed(batch(5))).toBe(false);
    expect(streak.failed(batch(6))).toBe(true);
  });
});

describe('the words of a pause for repeated failures', () => {
  it('is a stop kind the screens and notifications know, in English and Catalan', () => {
    const kind = stopKindOf({ reason: 'repeated-faults' });
    expect(jobStopKinds).toContain(kind);
    expect(historyEn.stop[kind]).toContain('resume it later');
    expect(historyCa.stop[kind]).toContain('reprengueu-la més tard');
    const facts = {
      segments: ['vip'],
      valid: 10,
      succeeded: 0,
      failed: 0,
      status: 'paused' as const,
    };
    expect(endNotification('en', { ...facts, stopKind: kind })).toEqual({
      title: 'Export paused',
      body: '“vip”: Autopilot failed again and again. Resume it later to send the rest.',
    });
    expect(endNotification('ca', { ...facts, stopKind: kind })?.title).toBe('Exportació en pausa');
  });
});
