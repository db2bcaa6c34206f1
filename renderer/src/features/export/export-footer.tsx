import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationSummary } from '../../../../shared/model/destinations';
import { useNavigation } from '../../app/navigation';
import { ConsentDialog } from './consent-dialog';
import { useTermsLanguage } from './consent-frame';
import type { ListsQuery } from './destination-key-check';
import { useBlockers } from './export-blockers';
import { errorText } from '../../i18n/error-text';
import { PlanCounts } from './plan-counts';
import { RightColumnDialog, suspiciousMisfits } from './right-column-dialog';
import { goToSection } from './section-ids';
import { useConsentFacts } from './use-consent-facts';
import { useStartExport } from './use-exports';
import type { ExportSetupState } from './use-export-setup';

interface ExportFooterProps {
  readonly setup: ExportSetupState;
  readonly destination: DestinationSummary | undefined;
  readonly lists: ListsQuery;
}

type Step = 'idle' | 'right-column' | 'consent';

/**
 * The Export screen's sticky footer (issue 17, item 3): the engine's counts, what blocks (each a
 * link to the section it is about), and Export…, which asks "Is this the right column?" when most
 * values of a field do not fit, then the consent dialog, then Start.
 */
export function ExportFooter({ setup, destination, lists }: ExportFooterProps) {
  const { t } = useTranslation('export');
  const termsLanguage = useTermsLanguage();
  const { navigate } = useNavigation();
  const [step, setStep] = useState<Step>('idle');
  const start = useStartExport();
  const blockers = useBlockers(setup, destination, lists);
  const facts = useConsentFacts(setup, destination);
  const exportButton = useRef<HTMLButtonElement>(null);
  const plan = setup.plan;
  const counted = plan.data !== undefined && !plan.isPlaceholderData && !plan.isFetching;
  const ready = blockers.length === 0 && counted && setup.requests !== null;
  const suspicious = suspiciousMisfits(plan.data);

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
          // The receipt keeps the terms in the language they were read in.
          language: termsLanguage,
        },
        ...(setup.draft.mirror || setup.draft.full
          ? { sync: { mirror: setup.draft.mirror, full: setup.draft.full } }
          : {}),
        // Ortto only; the blockers make sure it is answered (issue 16, item 4).
        ...(destination.service === 'ortto' && setup.draft.emailPermission
          ? { emailPermission: setup.draft.emailPermission }
          : {}),
      },
      { onSuccess: ({ jobId }) => navigate({ screen: 'history', jobId }) },
    );
  }

  function close() {
    setStep('idle');
    exportButton.current?.focus();
  }

  return (
    <footer className="export-footer" aria-label={t('summary.title')}>
      <div className="export-footer-counts">
        {plan.isFetching && <p className="export-hint">{t('summary.counting')}</p>}
        {plan.isError && (
          <p role="alert" className="message-error">
            {t('summary.countError', { message: errorText(plan.error, t) })}
          </p>
        )}
        {plan.data && !plan.isError && <PlanCounts plan={plan.data} />}
        {blockers.length > 0 && (
          <ul className="export-blockers" aria-label={t('summary.blockersLabel')}>
            {blockers.map((blocker) => (
              <li key={blocker.text}>
                <a
                  href={`#${blocker.section}`}
                  onClick={(event) => {
                    event.preventDefault();
                    goToSection(blocker.section);
                  }}
                >
                  {blocker.text}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        ref={exportButton}
        type="button"
        className="primary"
        disabled={!ready}
        onClick={() => {
          start.reset();
          setStep(suspicious.length > 0 ? 'right-column' : 'consent');
        }}
      >
        {t('summary.export')}
      </button>
      {step === 'right-column' && (
        <RightColumnDialog
          misfits={suspicious}
          onSendAnyway={() => setStep('consent')}
          onChangeMatching={() => {
            setStep('idle');
            goToSection('matching');
          }}
        />
      )}
      {step === 'consent' && facts && (
        <ConsentDialog
          facts={facts}
          pending={start.isPending}
          error={start.isError ? errorText(start.error, t, destination?.service) : undefined}
          onConfirm={confirm}
          onCancel={close}
        />
      )}
    </footer>
  );
}
