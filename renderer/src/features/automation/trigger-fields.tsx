import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdays, type Weekday } from '../../../../shared/model/automation';
import type { Repeat, TurnOnValues } from './turn-on-values';

interface FolderFieldsProps {
  readonly folder: string | null;
  readonly browsing: boolean;
  readonly onBrowse: () => void;
  readonly onClear: () => void;
}

/** The folder a storage sync, an SFTP client or OneDrive fills: chosen with the system's dialog. */
export function FolderFields({ folder, browsing, onBrowse, onClear }: FolderFieldsProps) {
  const { t } = useTranslation('automation');
  return (
    <fieldset>
      <legend>{t('form.folderLegend')}</legend>
      <p className="path" data-folder>
        {folder ?? t('form.folderNone')}
      </p>
      <div className="automation-inline">
        <button type="button" onClick={onBrowse} disabled={browsing}>
          {t('form.browse')}
        </button>
        {folder !== null && (
          <button type="button" onClick={onClear}>
            {t('form.noFolder')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

interface ScheduleFieldsProps {
  readonly values: TurnOnValues;
  readonly badTime: boolean;
  readonly onChange: (values: TurnOnValues) => void;
}

/** No schedule, every day, or every week on a weekday; at HH:MM in the computer's local time. */
export function ScheduleFields({ values, badTime, onChange }: ScheduleFieldsProps) {
  const { t } = useTranslation('automation');
  const id = useId();
  return (
    <fieldset>
      <legend>{t('form.scheduleLegend')}</legend>
      <div className="automation-inline">
        <label htmlFor={`${id}-repeat`}>{t('form.repeat')}</label>
        <select
          id={`${id}-repeat`}
          value={values.repeat}
          onChange={(event) => onChange({ ...values, repeat: event.target.value as Repeat })}
        >
          <option value="never">{t('form.never')}</option>
          <option value="day">{t('form.day')}</option>
          <option value="week">{t('form.week')}</option>
        </select>
        {values.repeat === 'week' && (
          <>
            <label htmlFor={`${id}-weekday`}>{t('form.weekday')}</label>
            <select
              id={`${id}-weekday`}
              value={values.weekday}
              onChange={(event) => onChange({ ...values, weekday: event.target.value as Weekday })}
            >
              {weekdays.map((day) => (
                <option key={day} value={day}>
                  {t(`weekdays.${day}`)}
                </option>
              ))}
            </select>
          </>
        )}
        {values.repeat !== 'never' && (
          <>
            <label htmlFor={`${id}-time`}>{t('form.time')}</label>
            <input
              id={`${id}-time`}
              type="time"
              value={values.time}
              aria-invalid={badTime || undefined}
              onChange={(event) => onChange({ ...values, time: event.target.value })}
            />
          </>
        )}
      </div>
    </fieldset>
  );
}
