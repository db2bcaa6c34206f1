import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { destinationLimits } from '../../../../shared/model/destinations';
import type { DestinationService } from '../../../../shared/model/destination-service';
import type { DestinationField } from './field-of-error';

type FormFieldName = DestinationField | 'agreement';
export type FieldErrors = Partial<Record<FormFieldName, string>>;

/** Top to bottom, as the fields appear: the first one in error gets the focus. */
const fieldOrder: readonly FormFieldName[] = [
  'displayName',
  'apiKey',
  'agreement',
  'endpoint',
  'requestsPerSecond',
];

export function parseRequestRate(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'));
  const { minRequestsPerSecond: min, maxRequestsPerSecond: max } = destinationLimits;
  return text.trim() !== '' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : undefined;
}

interface Checked {
  readonly displayName: string;
  readonly requestRate: string;
  readonly apiKey?: string;
  readonly agreed?: boolean;
  /** Names the product in the words (Autopilot's key, Ortto's key). */
  readonly service?: DestinationService;
}

/**
 * The checks worth doing before asking main, for quick messages in the person's language. Main
 * checks everything again (core/destinations/destination-rules.ts) and has the last word.
 */
export function validateDestinationForm(
  t: TFunction<'destinations'>,
  values: Checked,
): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.displayName.trim();
  if (name === '') errors.displayName = t('validation.displayNameRequired');
  else if (name.length > destinationLimits.displayNameMaxLength) {
    errors.displayName = t('validation.displayNameTooLong', {
      max: destinationLimits.displayNameMaxLength,
    });
  }
  if (values.apiKey !== undefined && values.apiKey.trim() === '') {
    errors.apiKey = t('validation.apiKeyRequired', { context: values.service });
  }
  if (values.agreed === false) errors.agreement = t('validation.agreementRequired');
  if (parseRequestRate(values.requestRate) === undefined) {
    errors.requestsPerSecond = t('validation.requestRateRange', {
      min: destinationLimits.minRequestsPerSecond,
      max: destinationLimits.maxRequestsPerSecond,
    });
  }
  return errors;
}

export function firstInvalid(errors: FieldErrors): FormFieldName | undefined {
  return fieldOrder.find((field) => errors[field] !== undefined);
}

/**
 * The inputs of a form by field, and a way to move the focus to one after the next render (when a
 * folded "Advanced" section has opened, for instance).
 */
export function useFieldFocus() {
  const inputs = useRef<Partial<Record<FormFieldName, HTMLInputElement | null>>>({});
  const [request, setRequest] = useState<{ readonly field: FormFieldName } | null>(null);
  useEffect(() => {
    if (request) inputs.current[request.field]?.focus();
  }, [request]);
  return {
    register: (field: FormFieldName) => (element: HTMLInputElement | null) => {
      inputs.current[field] = element;
    },
    focus: (field: FormFieldName) => setRequest({ field }),
  };
}
