import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../../../shared/model/jobs';
import { useJobFormat } from './job-words';

/**
 * A sync's summary (issue 13): per segment, how many contacts were new to the list, changed,
 * unchanged (not sent unless everything was sent again) and taken off the list by the mirror.
 */
export function SyncSummary({ job }: { job: JobDetail }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  if (!job.sync || !job.segments.some((segment) => segment.sync)) return null;
  return (
    <div className="history-sync" data-testid="history-sync">
      <p className="hint">
        {t(job.sync.full ? 'sync.sentAll' : 'sync.changedOnly')}{' '}
        {job.sync.mirror ? t('sync.mirrored') : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('sync.segment')}</th>
            <th scope="col">{t('sync.new')}</th>
            <th scope="col">{t('sync.changed')}</th>
            <th scope="col">{t('sync.unchanged')}</th>
            <th scope="col">{t('sync.removed')}</th>
          </tr>
        </thead>
        <tbody>
          {job.segments.map((segment) => (
            <tr key={`${segment.name}-${segment.listName}`} data-segment={segment.name}>
              <th scope="row">{segment.name}</th>
              <td data-count="new">{format.number(segment.sync?.new ?? 0)}</td>
              <td data-count="changed">{format.number(segment.sync?.changed ?? 0)}</td>
              <td data-count="unchanged">{format.number(segment.sync?.unchanged ?? 0)}</td>
              <td data-count="removed">{format.number(segment.sync?.removed ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
