import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDestinationService } from './destination-service-context';
import type { Misfit } from '../../../../shared/ipc/channels/export-plan';
import type { AccountFields } from './account-fields';
import { AddField } from './add-field';
import type { DraftAction } from './export-draft';
import { matchingChecks, suggestColumn, type MatchRow } from './match-rows';
import { fieldKeyOf, MatchingRow } from './matching-row';
import type { ShapeGroup } from './use-export-setup';

interface MatchingTableProps {
  readonly group: ShapeGroup;
  /** Values that do not fit, from the engine's count of these segments. */
  readonly misfits: readonly Misfit[];
  readonly accountFields: AccountFields;
  readonly dispatch: (action: DraftAction) => void;
}

const sourceNotes = {
  remembered: 'matching.remembered',
  setup: 'matching.fromSetup',
  job: 'matching.fromJob',
  auto: 'matching.auto',
} as const;

function useKindNote(accountFields: AccountFields) {
  const { t } = useTranslation('export');
  const known = new Set(
    (accountFields.data ?? [])
      .filter((field) => field.kind === 'custom')
      .map((field) => field.key.toLowerCase()),
  );
  return (row: MatchRow): string | null => {
    if (row.target.kind === 'email') return t('matching.required');
    if (row.target.kind !== 'custom') return null;
    const type = t(`types.${row.target.type}`);
    const isNew = accountFields.data !== undefined && !known.has(row.target.name.toLowerCase());
    return isNew ? t('matching.newCustomKind', { type }) : t('matching.customKind', { type });
  };
}

/** One shape's matching table: every field with its column, the checks, and "Add a field". */
export function MatchingTable({ group, misfits, accountFields, dispatch }: MatchingTableProps) {
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const id = useId();
  const kindNote = useKindNote(accountFields);
  const first = group.segments[0];
  const matching = group.matching;
  if (!first || !matching) return <p>{t('loading')}</p>;
  const checks = matchingChecks(matching.rows);
  const names = group.segments.map((segment) => `“${segment.name}”`).join(', ');
  const { signature } = group;

  return (
    <section className="export-matching" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('matching.forSegments', { names })}</h3>
      <p className="export-hint">{t(sourceNotes[matching.source])}</p>
      <table className="export-matching-table">
        <thead>
          <tr>
            <th scope="col">{t('matching.field', { context })}</th>
            <th scope="col">{t('matching.column')}</th>
            <th scope="col">{t('matching.samples')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('matching.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {matching.rows.map((row) => (
            <MatchingRow
              key={row.id}
              row={row}
              segment={first}
              sharedColumn={row.column !== '' && checks.sharedColumns.includes(row.column)}
              misfits={misfits.filter((misfit) => misfit.field === fieldKeyOf(row))}
              kindNote={kindNote(row)}
              onColumn={(column) =>
                dispatch({ type: 'setColumn', signature, rowId: row.id, column })
              }
              onRemove={() => dispatch({ type: 'removeRow', signature, rowId: row.id })}
              onOptedOut={(choice) => dispatch({ type: 'setOptedOut', signature, choice })}
            />
          ))}
        </tbody>
      </table>
      {checks.emailMissing && (
        <p role="alert" className="message-error" data-check="email-missing">
          {t('matching.emailMissing', { context })}
        </p>
      )}
      {checks.repeatedCustomFields.map((name) => (
        <p key={name} role="alert" className="message-error">
          {t('matching.repeatedCustom', { name })}
        </p>
      ))}
      <AddField
        rows={matching.rows}
        accountFields={accountFields}
        onAdd={(target) =>
          dispatch({
            type: 'addRow',
            signature,
            target,
            column: suggestColumn(target, first.columns, matching.rows),
          })
        }
      />
    </section>
  );
}
