import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectOutcome, DestinationSummary } from '../../../../shared/model/destinations';
import { AdvancedFields } from './advanced-fields';
import { errorText } from '../../i18n/error-text';
import { errorField } from './field-of-error';
import { FormField } from './form-field';
import {
  firstInvalid,
  useFieldFocus,
  validateDestinationForm,
  type FieldErrors,
} from './form-validation';
import {
  createInput,
  emptyNewDestination,
  typedEndpoint,
  typedRequestRate,
  withAccount,
} from './new-destination-values';
import { PrivacyAgreement } from './privacy-agreement';
import { ServiceFields } from './service-fields';
import { useCreateDestination } from './use-destinations';

interface CreateDestinationFormProps {
  readonly onCreated: (destination: DestinationSummary & { keyCheck?: ConnectOutcome }) => void;
  readonly onCancel: () => void;
}

/**
 * Adds a destination: which kind of account (and Ortto's region), name, key, the "I agree" step,
 * and Advanced. The key lives in this form's state only until main has put it in the keychain;
 * the form then closes and it is gone.
 */
export function CreateDestinationForm({ onCreated, onCancel }: CreateDestinationFormProps) {
  const { t } = useTranslation('destinations');
  const create = useCreateDestination();
  const [values, setValues] = useState(emptyNewDestination);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const fields = useFieldFocus();
  const context = values.service;
  const set = (change: Partial<typeof emptyNewDestination>) =>
    setValues((old) => ({ ...old, ...change }));

  function showErrors(found: FieldErrors) {
    setErrors(found);
    const first = firstInvalid(found);
    if (first === 'endpoint' || first === 'requestsPerSecond') setAdvancedOpen(true);
    if (first) fields.focus(first);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const found = validateDestinationForm(t, values);
    if (firstInvalid(found)) return showErrors(found);
    setErrors({});
    create.mutate(createInput(values), {
      onSuccess: (destination) => {
        setValues(emptyNewDestination);
        onCreated(destination);
      },
      onError: (error) => {
        const field = errorField(error);
        if (field) showErrors({ [field]: errorText(error, t, context) });
        else setFormError(errorText(error, t, context));
      },
    });
  }

  return (
    <form
      className="card destination-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="add-destination-title"
    >
      <h2 id="add-destination-title">{t('form.addTitle')}</h2>
      <ServiceFields
        service={values.service}
        region={values.region}
        onServiceChange={(service) => setValues((old) => withAccount(old, { service }))}
        onRegionChange={(region) => setValues((old) => withAccount(old, { region }))}
      />
      <FormField
        label={t('form.displayName')}
        hint={t('form.displayNameHint')}
        error={errors.displayName}
        inputRef={fields.register('displayName')}
        // The form opens on purpose (Add destination), so the first field takes the focus.
        autoFocus
        autoComplete="off"
        value={values.displayName}
        onChange={(event) => set({ displayName: event.target.value })}
      />
      <FormField
        label={t('form.apiKey', { context })}
        hint={t('form.apiKeyHint', { context })}
        error={errors.apiKey}
        inputRef={fields.register('apiKey')}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={values.apiKey}
        onChange={(event) => set({ apiKey: event.target.value })}
      />
      <PrivacyAgreement
        service={values.service}
        agreed={values.agreed}
        onChange={(agreed) => set({ agreed })}
        error={errors.agreement}
        checkboxRef={fields.register('agreement')}
      />
      <AdvancedFields
        open={advancedOpen}
        onToggle={setAdvancedOpen}
        service={values.service}
        region={values.region}
        endpoint={values.endpoint}
        onEndpointChange={(endpoint) => set(typedEndpoint(endpoint))}
        requestRate={values.requestRate}
        onRequestRateChange={(requestRate) => set(typedRequestRate(requestRate))}
        errors={errors}
        endpointRef={fields.register('endpoint')}
        requestRateRef={fields.register('requestsPerSecond')}
      />
      {formError && (
        <p role="alert" className="message-error">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t('form.checking', { context }) : t('form.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
