/**
 * Autopilot's standard contact fields (autopilot-api.md §3: N8N ContactDescription.ts, SDK
 * methods.js). Keys are sent as is, in PascalCase (`owner_name` is spelt that way by Autopilot).
 */
import type { CustomFieldType } from '../destination-port/destination';

interface StandardField {
  readonly key: string;
  readonly label: string;
  readonly type: CustomFieldType;
}

export const autopilotStandardFields: readonly StandardField[] = [
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

const byKey = new Map(autopilotStandardFields.map((field) => [field.key, field]));

export function findStandardField(key: string): StandardField | undefined {
  return byKey.get(key);
}
