import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationSummary } from '../../../../shared/model/destinations';
import { AdvancedFields } from './advanced-fields';
import { errorText } from '../../i18n/error-text';
import { errorField } from './field-of-error';
import { FormField } from './form-field';
import {
  firstInvalid,
  parseRequestRate,
  useFieldFocus,
  validateDestinationForm,
  type FieldErrors,
} from './form-validation';
import { useUpdateDestination } from './use-destinations';

interface EditDestinationFormProps {
  readonly destination: DestinationSummary;
  readonly onDone: () => void;
}

/** Changes the name, endpoint or rate. The key is replaced separately; the agreement stands. */
export function EditDestinationForm({ destination, onDone }: EditDestinationFormProps) {
  const { t } = useTranslation('destinations');
  const update = useUpdateDestination();
  const [values, setValues] = useState({
    displayName: destination.displayName,
    endpoint: destination.endpoint,
    requestRate: String(destination.requestsPerSecond),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const fields = useFieldFocus();
  const set = (change: Partial<typeof values>) => setValues((old) => ({ ...old, ...change }));
  const titleId = useId();

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
    update.mutate(
      {
        id: destination.id,
        displayName: values.displayName,
        endpoint: values.endpoint,
        requestsPerSecond: parseRequestRate(values.requestRate),
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          const field = errorField(error);
          if (field) showErrors({ [field]: errorText(error, t, destination.service) });
          else setFormError(errorText(error, t, destination.service));
        },
      },
    );
  }

  return (
    <form className="destination-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{t('form.editTitle', { name: destination.displayName })}</h3>
      <FormField
        label={t('form.displayName')}
        hint={t('form.displayNameHint')}
        error={errors.displayName}
        inputRef={fields.register('displayName')}
        autoComplete="off"
        value={values.displayName}
        onChange={(event) => set({ displayName: event.target.value })}
      />
      <AdvancedFields
        open={advancedOpen}
        onToggle={setAdvancedOpen}
        service={destination.service}
        region={destination.region}
        endpoint={values.endpoint}
        onEndpointChange={(endpoint) => set({ endpoint })}
        requestRate={values.requestRate}
        onRequestRateChange={(requestRate) => set({ requestRate })}
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
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? t('form.saving') : t('form.saveChanges')}
        </button>
        <button type="button" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
