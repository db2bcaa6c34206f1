import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { destinationLimits } from '../../../../shared/model/destinations';
import {
  defaultEndpoint,
  type DestinationService,
  type OrttoRegion,
} from '../../../../shared/model/destination-service';
import { FormField } from './form-field';

interface AdvancedFieldsProps {
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
  readonly service: DestinationService;
  readonly region?: OrttoRegion;
  readonly endpoint: string;
  readonly onEndpointChange: (value: string) => void;
  readonly requestRate: string;
  readonly onRequestRateChange: (value: string) => void;
  readonly errors: { readonly endpoint?: string; readonly requestsPerSecond?: string };
  readonly endpointRef?: Ref<HTMLInputElement>;
  readonly requestRateRef?: Ref<HTMLInputElement>;
}

/** API endpoint and request rate: rarely changed, so folded away under "Advanced". */
export function AdvancedFields(props: AdvancedFieldsProps) {
  const { t } = useTranslation('destinations');
  const context = props.service;
  return (
    <details
      className="advanced-fields"
      open={props.open}
      onToggle={(event) => props.onToggle(event.currentTarget.open)}
    >
      <summary>{t('form.advanced')}</summary>
      <FormField
        label={t('form.endpoint')}
        hint={t('form.endpointHint', { context })}
        error={props.errors.endpoint}
        inputRef={props.endpointRef}
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder={defaultEndpoint(props.service, props.region)}
        value={props.endpoint}
        onChange={(event) => props.onEndpointChange(event.target.value)}
      />
      <FormField
        label={t('form.requestRate')}
        hint={t('form.requestRateHint', { context })}
        error={props.errors.requestsPerSecond}
        inputRef={props.requestRateRef}
        type="number"
        step="any"
        min={destinationLimits.minRequestsPerSecond}
        max={destinationLimits.maxRequestsPerSecond}
        value={props.requestRate}
        onChange={(event) => props.onRequestRateChange(event.target.value)}
      />
    </details>
  );
}
