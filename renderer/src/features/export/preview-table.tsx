import { useTranslation } from 'react-i18next';
import type { ExportSegmentInput } from '../../../../shared/ipc/channels/exports';
import { fieldLabel } from './field-label';

type WireContact = Record<string, unknown> & { custom?: Record<string, unknown> };

interface Column {
  readonly label: string;
  readonly read: (contact: WireContact) => unknown;
}

/** `integer--Loyalty--Points` → the custom field's name as the marketer typed it. */
function customKey(type: string, name: string): string {
  return `${type}--${name.trim().replace(/\s/g, '--')}`;
}

/** The columns, in the order and with the labels the marketer chose in the matching. */
function columnsOf(
  t: ReturnType<typeof useTranslation<'export'>>['t'],
  request: ExportSegmentInput,
) {
  const { mapping } = request;
  const columns: Column[] = [
    { label: fieldLabel(t, { kind: 'email' }), read: (contact) => contact.Email },
    ...Object.keys(mapping.standard).map((key) => ({
      label: fieldLabel(t, { kind: 'standard', key }),
      read: (contact: WireContact) => contact[key],
    })),
    ...mapping.custom.map((field) => ({
      label: fieldLabel(t, { kind: 'custom', name: field.name, type: field.type }),
      read: (contact: WireContact) => contact.custom?.[customKey(field.type, field.name)],
    })),
  ];
  if (mapping.emailConsent?.optedOut === 'unsubscribe') {
    columns.push({
      label: t('preview.permission'),
      read: (contact) => (contact.unsubscribed === true ? t('preview.unsubscribed') : ''),
    });
  }
  return columns;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * "What will be sent" as a table with the field labels chosen (issue 17, item 3); the raw request
 * stays one click away under "Show the request". An empty cell is a value that is not sent.
 */
export function PreviewTable({
  request,
  body,
  caption,
}: {
  readonly request: ExportSegmentInput;
  readonly body: string;
  readonly caption: string;
}) {
  const { t } = useTranslation('export');
  const contacts = (JSON.parse(body) as { contacts: WireContact[] }).contacts;
  const columns = columnsOf(t, request);
  return (
    <div className="export-preview-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="export-preview-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column.label}>{cellText(column.read(contact))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
