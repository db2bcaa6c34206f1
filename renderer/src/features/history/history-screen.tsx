import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { HistoryList, UnfinishedExports } from './history-list';
import { JobDetailView } from './job-detail';
import { useJobEvents } from './use-job-events';
import './history.css';

/**
 * History (product.md, steps 5 and 6): the exports that stopped before the end, with Resume; every
 * export with its outcome; and, when one is chosen (or Export's Start opens it), its live progress.
 */
export function HistoryScreen() {
  const { t } = useTranslation('history');
  const { target } = useNavigation();
  useJobEvents();

  if (target.jobId) return <JobDetailView key={target.jobId} jobId={target.jobId} />;
  return (
    <section className="screen history-screen" aria-labelledby="history-title">
      <h1 id="history-title" tabIndex={-1}>
        {t('title')}
      </h1>
      <p className="screen-intro">{t('intro')}</p>
      <UnfinishedExports />
      <HistoryList />
    </section>
  );
}
