/**
 * What the Add destination form holds, and how its address and pace follow the kind of account
 * and the region until the person types their own (issue 16, item 1).
 */
import type { CreateDestinationInput } from '../../../../shared/model/destinations';
import {
  defaultEndpoint,
  defaultRequestsPerSecond,
  type DestinationService,
  type OrttoRegion,
} from '../../../../shared/model/destination-service';
import { parseRequestRate } from './form-validation';

interface NewDestinationValues {
  readonly displayName: string;
  readonly apiKey: string;
  readonly agreed: boolean;
  readonly service: DestinationService;
  readonly region: OrttoRegion;
  readonly endpoint: string;
  /** A typed address is the person's own: it no longer follows the region. */
  readonly endpointTyped: boolean;
  readonly requestRate: string;
  readonly requestRateTyped: boolean;
}

/**
 * The address shown before anything is typed. Autopilot's field stays empty, its standard address
 * as the placeholder, as before Ortto existed; Ortto's shows its region's host.
 */
function followedEndpoint(service: DestinationService, region: OrttoRegion): string {
  return service === 'ortto' ? defaultEndpoint(service, region) : '';
}

export const emptyNewDestination: NewDestinationValues = {
  displayName: '',
  apiKey: '',
  agreed: false,
  service: 'autopilot',
  region: 'default',
  endpoint: followedEndpoint('autopilot', 'default'),
  endpointTyped: false,
  requestRate: String(defaultRequestsPerSecond.autopilot),
  requestRateTyped: false,
};

/** A new kind or region: the address and pace follow unless the person typed their own. */
export function withAccount(
  values: NewDestinationValues,
  change: { readonly service?: DestinationService; readonly region?: OrttoRegion },
): NewDestinationValues {
  const service = change.service ?? values.service;
  const region = change.region ?? values.region;
  return {
    ...values,
    service,
    region,
    endpoint: values.endpointTyped ? values.endpoint : followedEndpoint(service, region),
    requestRate: values.requestRateTyped
      ? values.requestRate
      : String(defaultRequestsPerSecond[service]),
  };
}

/** Clearing a field hands it back to the kind and region. */
export const typedEndpoint = (endpoint: string) => ({
  endpoint,
  endpointTyped: endpoint.trim() !== '',
});
export const typedRequestRate = (requestRate: string) => ({
  requestRate,
  requestRateTyped: requestRate.trim() !== '',
});

/** What `destinations:create` gets: an address only when typed, so main derives it otherwise. */
export function createInput(values: NewDestinationValues): CreateDestinationInput {
  return {
    displayName: values.displayName,
    apiKey: values.apiKey,
    service: values.service,
    ...(values.service === 'ortto' ? { region: values.region } : {}),
    endpoint: values.endpointTyped ? values.endpoint.trim() : undefined,
    requestsPerSecond: parseRequestRate(values.requestRate),
    agreement: true,
    // A wrong key is caught here, where it was typed, not after the consent (issue 17).
    checkKey: true,
  };
}
