import { scheduleSchema, type Schedule, type Weekday } from '../../../../shared/model/automation';
import type { AutomationView } from '../../../../shared/ipc/channels/automation';

export type Repeat = 'never' | 'day' | 'week';

/** What the Turn on form holds: a folder to watch and/or a schedule, as the person set them. */
export interface TurnOnValues {
  readonly folder: string | null;
  readonly repeat: Repeat;
  readonly weekday: Weekday;
  /** HH:MM as the time input gives it ('' when what was typed is not a time). */
  readonly time: string;
}

export type TurnOnProblem = 'needTrigger' | 'badTime';

type TurnOnCheck =
  | { readonly ok: true; readonly folder: string | null; readonly schedule: Schedule | null }
  | { readonly ok: false; readonly problems: readonly TurnOnProblem[] };

/** The form starts from what the automation had (turning it on again), else Monday 07:30. */
export function initialValues(view: AutomationView): TurnOnValues {
  const schedule = view.schedule;
  return {
    folder: view.folder,
    repeat: schedule?.every ?? 'never',
    weekday: schedule?.every === 'week' ? schedule.on : 'monday',
    time: schedule?.at ?? '07:30',
  };
}

function scheduleOf(values: TurnOnValues): Schedule | null | 'bad' {
  if (values.repeat === 'never') return null;
  const candidate =
    values.repeat === 'day'
      ? { every: 'day', at: values.time }
      : { every: 'week', on: values.weekday, at: values.time };
  // The contract's own schema judges the time, so the form and main cannot disagree.
  const parsed = scheduleSchema.safeParse(candidate);
  return parsed.success ? parsed.data : 'bad';
}

/** Neither a folder nor a schedule, or a time that is not HH:MM: said before anything is asked. */
export function checkTurnOn(values: TurnOnValues): TurnOnCheck {
  const schedule = scheduleOf(values);
  const problems: TurnOnProblem[] = [];
  if (values.folder === null && schedule === null) problems.push('needTrigger');
  if (schedule === 'bad') problems.push('badTime');
  if (problems.length > 0 || schedule === 'bad') return { ok: false, problems };
  return { ok: true, folder: values.folder, schedule };
}
