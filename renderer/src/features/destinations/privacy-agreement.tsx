import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationService } from '../../../../shared/model/destination-service';

interface PrivacyAgreementProps {
  /** The terms name the product the data goes to. */
  readonly service: DestinationService;
  readonly agreed: boolean;
  readonly onChange: (agreed: boolean) => void;
  readonly error?: string;
  readonly checkboxRef?: Ref<HTMLInputElement>;
}

/**
 * The "I agree" step of the Customer Insights connector, mirrored (../../../../../shared/docs/
 * product.md, "compliance"). The words are versioned by privacyTermsVersion in the IPC contract.
 */
export function PrivacyAgreement(props: PrivacyAgreementProps) {
  const { service, agreed, onChange, error, checkboxRef } = props;
  const { t } = useTranslation('destinations');
  const id = useId();
  return (
    <fieldset className="privacy-agreement">
      <legend>{t('privacy.title')}</legend>
      <div id={`${id}-terms`}>
        <p>{t('privacy.dataLeaves', { context: service })}</p>
        <p>{t('privacy.responsibility', { context: service })}</p>
        <p>{t('privacy.deleteAnyTime')}</p>
      </div>
      <label className="checkbox-field">
        <input
          type="checkbox"
          ref={checkboxRef}
          checked={agreed}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-terms ${id}-error` : `${id}-terms`}
        />
        {t('privacy.agree')}
      </label>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
