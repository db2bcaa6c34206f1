import { useTranslation } from 'react-i18next';
import { useDestinations } from '../features/destinations/use-destinations';
import { useJobs } from '../features/history/use-jobs';
import { useSegments } from '../features/segments/use-segments';
import { useNavigation } from './navigation';

type StepName = 'destination' | 'segment' | 'export';

interface Step {
  readonly name: StepName;
  readonly done: boolean;
  /** The button that does the step, when it is done elsewhere than on this screen. */
  readonly action?: () => void;
}

function StepItem({ step, index }: { readonly step: Step; readonly index: number }) {
  const { t } = useTranslation();
  return (
    <li className="getting-started-step" data-done={step.done || undefined}>
      <span className="getting-started-mark" aria-hidden="true">
        {step.done ? '✓' : index + 1}
      </span>
      <span className="getting-started-text">
        {t(`gettingStarted.${step.name}`)}
        <span className="visually-hidden">
          {' '}
          {t(step.done ? 'gettingStarted.done' : 'gettingStarted.toDo')}
        </span>
      </span>
      {!step.done && step.action && (
        <button type="button" onClick={step.action}>
          {t(`gettingStarted.go.${step.name}`)}
        </button>
      )}
    </li>
  );
}

/**
 * The first-start checklist (issue 17, item 6): add a destination, add a segment, export. Each step
 * ticks itself off from what the app holds, and the list goes away once all three are done, so a
 * marketer who has exported before never sees it again.
 */
export function GettingStarted() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const destinations = useDestinations();
  const segments = useSegments();
  const jobs = useJobs();
  if (!destinations.isSuccess || !segments.isSuccess || !jobs.isSuccess) return null;
  const steps: Step[] = [
    {
      name: 'destination',
      done: destinations.data.length > 0,
      action: () => navigate({ screen: 'destinations' }),
    },
    { name: 'segment', done: segments.data.length > 0 },
    { name: 'export', done: jobs.data.length > 0, action: () => navigate({ screen: 'export' }) },
  ];
  if (steps.every((step) => step.done)) return null;
  return (
    <section className="card getting-started" aria-labelledby="getting-started-title">
      <h2 id="getting-started-title">{t('gettingStarted.title')}</h2>
      <ol>
        {steps.map((step, index) => (
          <StepItem key={step.name} step={step} index={index} />
        ))}
      </ol>
    </section>
  );
}
