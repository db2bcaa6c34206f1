/**
 * The standard contact fields a mapping can fill, by the keys every destination understands:
 * Autopilot's own (autopilot-api.md §3: N8N ContactDescription.ts, SDK methods.js), sent to it as
 * is, in PascalCase (`owner_name` is spelt that way by Autopilot); Ortto's built-in fields take the
 * same key where they are the same field (core/ortto/ortto-fields.ts). The command line's `--map`,
 * the export plan's counts and the report read this one table.
 */
import type { CustomFieldType } from './destination';

interface StandardField {
  readonly key: string;
  readonly label: string;
  readonly type: CustomFieldType;
}

export const standardFields: readonly StandardField[] = [
  { key: 'Email', label: 'Email', type: 'string' },
  { key: 'FirstName', label: 'First name', type: 'string' },
  { key: 'LastName', label: 'Last name', type: 'string' },
  { key: 'Salutation', label: 'Salutation', type: 'string' },
  { key: 'Company', label: 'Company', type: 'string' },
  { key: 'NumberOfEmployees', label: 'Number of employees', type: 'integer' },
  { key: 'Title', label: 'Job title', type: 'string' },
  { key: 'Industry', label: 'Industry', type: 'string' },
  { key: 'Phone', label: 'Phone', type: 'string' },
  { key: 'MobilePhone', label: 'Mobile phone', type: 'string' },
  { key: 'Fax', label: 'Fax', type: 'string' },
  { key: 'Website', label: 'Website', type: 'string' },
  { key: 'LinkedIn', label: 'LinkedIn', type: 'string' },
  { key: 'Twitter', label: 'Twitter', type: 'string' },
  { key: 'MailingStreet', label: 'Mailing street', type: 'string' },
  { key: 'MailingCity', label: 'Mailing city', type: 'string' },
  { key: 'MailingState', label: 'Mailing state', type: 'string' },
  { key: 'MailingPostalCode', label: 'Mailing postal code', type: 'string' },
  { key: 'MailingCountry', label: 'Mailing country', type: 'string' },
  { key: 'LeadSource', label: 'Lead source', type: 'string' },
  { key: 'Status', label: 'Status', type: 'string' },
  { key: 'owner_name', label: 'Owner name', type: 'string' },
];

const byKey = new Map(standardFields.map((field) => [field.key, field]));

export function findStandardField(key: string): StandardField | undefined {
  return byKey.get(key);
}
