import { describe, expect, it } from 'vitest';
import {
  checkTurnOn,
  initialValues,
  type TurnOnValues,
} from '../../renderer/src/features/automation/turn-on-values';

const base: TurnOnValues = { folder: null, repeat: 'never', weekday: 'monday', time: '07:30' };

describe('Turn on form: folder and/or schedule, checked before main is asked', () => {
  it('takes a folder, a schedule, or both', () => {
    expect(checkTurnOn({ ...base, folder: '/exports' })).toEqual({
      ok: true,
      folder: '/exports',
      schedule: null,
    });
    expect(checkTurnOn({ ...base, repeat: 'day', time: '23:59' })).toEqual({
      ok: true,
      folder: null,
      schedule: { every: 'day', at: '23:59' },
    });
    expect(checkTurnOn({ ...base, folder: '/exports', repeat: 'week', weekday: 'friday' })).toEqual(
      {
        ok: true,
        folder: '/exports',
        schedule: { every: 'week', on: 'friday', at: '07:30' },
      },
    );
  });

  it('says what is missing or wrong, both at once', () => {
    expect(checkTurnOn(base)).toEqual({ ok: false, problems: ['needTrigger'] });
    for (const time of ['', '7:30', '24:00', '07:60', '07:30:00']) {
      expect(checkTurnOn({ ...base, folder: '/exports', repeat: 'day', time })).toEqual({
        ok: false,
        problems: ['badTime'],
      });
    }
    // A time that is not one is not a schedule either.
    expect(checkTurnOn({ ...base, repeat: 'week', time: '' })).toEqual({
      ok: false,
      problems: ['badTime'],
    });
  });

  it('ignores the time while there is no schedule', () => {
    expect(checkTurnOn({ ...base, folder: '/exports', time: '' }).ok).toBe(true);
  });

  it('starts from what the automation had, else Monday at 07:30', () => {
    const view = {
      setupId: 's',
      setupName: 'S',
      destinationName: null,
      enabled: false,
      folder: '/old',
      schedule: { every: 'week', on: 'thursday', at: '18:05' },
      standingConsent: null,
      nextRunAt: null,
      waiting: null,
      running: false,
      lastRun: null,
    } as const;
    expect(initialValues(view)).toEqual({
      folder: '/old',
      repeat: 'week',
      weekday: 'thursday',
      time: '18:05',
    });
    expect(initialValues({ ...view, folder: null, schedule: null })).toEqual(base);
  });
});
