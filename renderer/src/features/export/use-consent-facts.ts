import { useTranslation } from 'react-i18next';
import type { DestinationSummary } from '../../../../shared/model/destinations';
import { changeTotals } from './changes-section';
import type { ConsentFacts } from './consent-dialog';
import { fieldDescription } from './field-label';
import { listNameOf, type ExportSetupState } from './use-export-setup';

/** What the consent dialog states, from the engine's plan and the matching chosen. */
export function useConsentFacts(
  setup: ExportSetupState,
  destination: DestinationSummary | undefined,
): ConsentFacts | null {
  const { t } = useTranslation('export');
  const plan = setup.plan.data;
  if (!plan || !destination) return null;
  const fields = new Map<string, string>();
  let optOut: ConsentFacts['optOut'] = null;
  for (const group of setup.groups) {
    for (const row of group.matching?.rows ?? []) {
      if (row.column === '') continue;
      fields.set(row.id, fieldDescription(t, row.target));
      if (row.target.kind === 'consent') optOut = row.target.optedOut;
    }
  }
  const { totals } = plan;
  return {
    profiles: totals.valid,
    leftOut: totals.invalid + totals.duplicates,
    optedOut: totals.optedOut,
    unsubscribed: totals.unsubscribed,
    misfitValues: totals.misfitValues,
    changes: changeTotals(plan.segments, setup.draft),
    optOut,
    large: plan.large,
    destination,
    emailPermission: setup.draft.emailPermission,
    consentColumn: setup.consentColumn,
    fields: [...fields.values()],
    segments: setup.chosen.map((segment) => ({
      name: segment.name,
      listName: listNameOf(segment, setup.draft.lists[segment.id]),
    })),
  };
}
