import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationSummary } from '../../../../shared/ipc/channels/destinations';
import { useNavigation } from '../../app/navigation';
import { ConsentDialog, type ConsentFacts } from './consent-dialog';
import { fieldDescription } from './field-label';
import { exportErrorText, useExportFormat } from './format';
import { matchingChecks } from './match-rows';
import { useStartExport } from './use-exports';
import { listNameOf, type ExportSetupState } from './use-export-setup';
import { changeTotals } from './changes-section';

interface SummarySectionProps {
  readonly setup: ExportSetupState;
  readonly destination: DestinationSummary | undefined;
}

/** Why Export… cannot be pressed yet; empty when it can. */
function useBlockers(setup: ExportSetupState, destination: DestinationSummary | undefined) {
  const { t } = useTranslation('export');
  const blockers: string[] = [];
  if (!destination) blockers.push(t('summary.needDestination'));
  if (setup.chosen.length === 0) blockers.push(t('summary.needSegments'));
  const unmatched = setup.groups.some(
    (group) => !group.matching || matchingChecks(group.matching.rows).blocking,
  );
  if (unmatched) blockers.push(t('summary.needMatching'));
  const plan = setup.plan;
  if (!unmatched && plan.data && !plan.isPlaceholderData && plan.data.totals.valid === 0) {
    blockers.push(t('summary.nothingToSend'));
  }
  return blockers;
}

function useConsentFacts(
  setup: ExportSetupState,
  destination: DestinationSummary | undefined,
): ConsentFacts | null {
  const { t } = useTranslation('export');
  const plan = setup.plan.data;
  if (!plan || !destination) return null;
  const fields = new Map<string, string>();
  for (const group of setup.groups) {
    for (const row of group.matching?.rows ?? []) {
      if (row.column !== '') fields.set(row.id, fieldDescription(t, row.target));
    }
  }
  return {
    profiles: plan.totals.valid,
    leftOut: plan.totals.invalid + plan.totals.duplicates,
    large: plan.large,
    destination,
    fields: [...fields.values()],
    segments: setup.chosen.map((segment) => ({
      name: segment.name,
      listName: listNameOf(segment, setup.draft.lists[segment.id]),
    })),
    changes: changeTotals(plan.segments, setup.draft),
  };
}

/** The engine's counts, Export…, the consent dialog, and Start (then the progress in History). */
export function SummarySection({ setup, destination }: SummarySectionProps) {
  const { t } = useTranslation('export');
  const format = useExportFormat();
  const id = useId();
  const { navigate } = useNavigation();
  const [consenting, setConsenting] = useState(false);
  const start = useStartExport();
  const blockers = useBlockers(setup, destination);
  const blocked = blockers.length > 0;
  const facts = useConsentFacts(setup, destination);
  const exportButton = useRef<HTMLButtonElement>(null);
  const plan = setup.plan;
  const ready = !blocked && plan.data !== undefined && !plan.isPlaceholderData && !plan.isFetching;

  function confirm() {
    if (!destination || !setup.requests || !facts) return;
    start.mutate(
      {
        destinationId: destination.id,
        segments: setup.requests,
        consent: {
          confirmed: true,
          profiles: facts.profiles,
          ...(setup.draft.massRemovalConfirmed ? { massRemoval: true } : {}),
        },
        ...(setup.draft.mirror || setup.draft.full
          ? { sync: { mirror: setup.draft.mirror, full: setup.draft.full } }
          : {}),
      },
      { onSuccess: ({ jobId }) => navigate({ screen: 'history', jobId }) },
    );
  }

  return (
    <section className="export-step card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('summary.title')}</h2>
      {!blocked && plan.isFetching && <p>{t('summary.counting')}</p>}
      {plan.isError && (
        <p role="alert" className="message-error">
          {t('summary.countError', { message: exportErrorText(t, plan.error) })}
        </p>
      )}
      {!blocked && plan.data && (
        <p data-testid="export-counts">
          {t('summary.counts', {
            valid: format.number(plan.data.totals.valid),
            invalid: format.number(plan.data.totals.invalid),
            duplicates: format.number(plan.data.totals.duplicates),
          })}
        </p>
      )}
      {blockers.map((blocker) => (
        <p key={blocker} className="export-hint">
          {blocker}
        </p>
      ))}
      <button
        ref={exportButton}
        type="button"
        className="primary"
        disabled={!ready}
        onClick={() => {
          start.reset();
          setConsenting(true);
        }}
      >
        {t('summary.export')}
      </button>
      {consenting && facts && (
        <ConsentDialog
          facts={facts}
          pending={start.isPending}
          error={start.isError ? exportErrorText(t, start.error) : undefined}
          onConfirm={confirm}
          onCancel={() => {
            setConsenting(false);
            exportButton.current?.focus();
          }}
        />
      )}
    </section>
  );
}
