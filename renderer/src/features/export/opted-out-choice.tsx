import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDestinationService } from './destination-service-context';
import { optedOutChoices, type OptedOutChoice } from '../../../../shared/matching/field-mapping';

interface OptedOutChoiceFieldProps {
  readonly choice: OptedOutChoice;
  readonly onChange: (choice: OptedOutChoice) => void;
}

/**
 * What happens to the rows whose consent column says no (issue 17, item 4): left out (the
 * default), or sent so that Autopilot marks them unsubscribed. Rows that say yes never change a
 * contact's email permission either way.
 */
export function OptedOutChoiceField({ choice, onChange }: OptedOutChoiceFieldProps) {
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const id = useId();
  return (
    <fieldset className="export-opted-out">
      <legend>{t('optOut.legend')}</legend>
      {optedOutChoices.map((option) => (
        <label key={option} className="checkbox-field" htmlFor={`${id}-${option}`}>
          <input
            id={`${id}-${option}`}
            type="radio"
            name={`${id}-opted-out`}
            checked={choice === option}
            onChange={() => onChange(option)}
          />
          {t(`optOut.${option}`, { context })}
        </label>
      ))}
    </fieldset>
  );
}
