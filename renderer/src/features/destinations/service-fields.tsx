import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  destinationServices,
  orttoRegions,
  type DestinationService,
  type OrttoRegion,
} from '../../../../shared/model/destination-service';

interface ChoiceProps<Value extends string> {
  readonly name: string;
  readonly value: Value;
  readonly checked: boolean;
  readonly label: string;
  readonly hint?: string;
  readonly onChoose: (value: Value) => void;
}

/** One labelled radio button, its one-line description tied to it for screen readers. */
function Choice<Value extends string>({
  name,
  value,
  checked,
  label,
  hint,
  onChoose,
}: ChoiceProps<Value>) {
  const id = useId();
  return (
    <div className="radio-field">
      <input
        id={id}
        type="radio"
        name={name}
        checked={checked}
        onChange={() => onChoose(value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface ServiceFieldsProps {
  readonly service: DestinationService;
  readonly region: OrttoRegion;
  readonly onServiceChange: (service: DestinationService) => void;
  readonly onRegionChange: (region: OrttoRegion) => void;
}

/**
 * Which kind of account a new destination is (issue 16, item 1), asked first because the key,
 * its help, the address and the pace all follow from it; for Ortto, also the account's region.
 */
export function ServiceFields({
  service,
  region,
  onServiceChange,
  onRegionChange,
}: ServiceFieldsProps) {
  const { t } = useTranslation('destinations');
  const { t: tApp } = useTranslation('app');
  const id = useId();
  return (
    <>
      <fieldset className="choice-group">
        <legend>{t('form.service')}</legend>
        {destinationServices.map((option) => (
          <Choice
            key={option}
            name={`${id}-service`}
            value={option}
            checked={service === option}
            label={tApp(`services.${option}`)}
            hint={t(`form.serviceHint.${option}`)}
            onChoose={onServiceChange}
          />
        ))}
      </fieldset>
      {service === 'ortto' && (
        <fieldset className="choice-group" aria-describedby={`${id}-region-hint`}>
          <legend>{t('form.region')}</legend>
          <p id={`${id}-region-hint`} className="field-hint">
            {t('form.regionHint')}
          </p>
          {orttoRegions.map((option) => (
            <Choice
              key={option}
              name={`${id}-region`}
              value={option}
              checked={region === option}
              label={tApp(`regions.${option}`)}
              onChoose={onRegionChange}
            />
          ))}
        </fieldset>
      )}
    </>
  );
}
