import { useTranslation } from 'react-i18next';
import type { ContactPreview, ExportSegmentInput } from '../../../../shared/model/exports';
import { fieldLabel } from './field-label';

type PreviewRow = ContactPreview['rows'][number];

interface Column {
  readonly label: string;
  readonly read: (row: PreviewRow) => unknown;
}

/** The columns, in the order and with the labels the marketer chose in the matching. */
function columnsOf(
  t: ReturnType<typeof useTranslation<'export'>>['t'],
  request: ExportSegmentInput,
) {
  const { mapping } = request;
  const columns: Column[] = [
    { label: fieldLabel(t, { kind: 'email' }), read: (row) => row.email },
    ...Object.keys(mapping.standard).map((key) => ({
      label: fieldLabel(t, { kind: 'standard', key }),
      read: (row: PreviewRow) => row.standard[key],
    })),
    ...mapping.custom.map((field) => ({
      label: fieldLabel(t, { kind: 'custom', name: field.name, type: field.type }),
      read: (row: PreviewRow) => row.custom[field.name],
    })),
  ];
  if (mapping.emailConsent?.optedOut === 'unsubscribe') {
    columns.push({
      label: t('preview.permission'),
      read: (row) => (row.unsubscribe === true ? t('preview.unsubscribed') : ''),
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
  rows,
  caption,
}: {
  readonly request: ExportSegmentInput;
  readonly rows: readonly PreviewRow[];
  readonly caption: string;
}) {
  const { t } = useTranslation('export');
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
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column.label}>{cellText(column.read(row))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
