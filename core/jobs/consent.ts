/**
 * The consent a person gives before data leaves the computer (product.md, "Consent"), and the
 * receipt that records it with the job: when, who, what and where.
 */
import type { FieldMapping } from '../../shared/matching/field-mapping';
import {
  consentTermsText,
  consentTermsVersion,
  type TermsLanguage,
} from '../../shared/model/consent-terms';
import type { ConsentReceipt, JobDestination, SegmentCounts } from './job-manifest';

/** The English terms for Autopilot, as the command line prints them before `--consent`. */
export const consentTerms = consentTermsText('en', 'autopilot');

/** Destination field names a mapping fills, as the receipt lists them. */
export function mappedFieldNames(mapping: FieldMapping): string[] {
  return [
    'Email',
    ...Object.keys(mapping.standard),
    ...mapping.custom.map((field) => `${field.name} (custom ${field.type})`),
  ];
}

interface ReceiptInput {
  readonly segments: readonly (SegmentCounts & {
    readonly mapping: FieldMapping;
    readonly source: { readonly fileName: string; readonly sha256: string; readonly size: number };
  })[];
  readonly destination: JobDestination;
  readonly confirmedAt: Date;
  readonly osUser: string;
  /** The language the person read the terms in (the app's); English when not said. */
  readonly language?: TermsLanguage;
}

/** Where the data went: the kind of account and its region too, when the job names them. */
function receiptDestination(destination: JobDestination): ConsentReceipt['destination'] {
  const { name, endpoint, service, region } = destination;
  return {
    name,
    endpoint,
    ...(service === undefined ? {} : { service }),
    ...(region === undefined ? {} : { region }),
  };
}

export function buildConsentReceipt(input: ReceiptInput): ConsentReceipt {
  const fields = new Set<string>();
  for (const segment of input.segments) {
    for (const field of mappedFieldNames(segment.mapping)) fields.add(field);
  }
  return {
    confirmedAt: input.confirmedAt.toISOString(),
    osUser: input.osUser,
    destination: receiptDestination(input.destination),
    ...(input.destination.emailPermission === undefined
      ? {}
      : { emailPermission: input.destination.emailPermission }),
    fields: [...fields],
    profiles: input.segments.reduce((sum, segment) => sum + segment.valid, 0),
    rows: input.segments.reduce((sum, segment) => sum + segment.rows, 0),
    files: input.segments.map((segment) => ({ ...segment.source })),
    terms: consentTermsText(input.language ?? 'en', input.destination.service ?? 'autopilot'),
    termsLanguage: input.language ?? 'en',
    termsVersion: consentTermsVersion,
  };
}
