import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { AgainSegmentItem, type Resolution } from './again-segment';
import { errorText } from '../../i18n/error-text';
import { useExportFormat } from './format';
import { draftFromAgain, listChoiceFor } from './setup-drafts';
import { useExportAgain } from './use-exports';
import type { ExportSetupState } from './use-export-setup';

interface AgainPanelProps {
  readonly jobId: string;
  readonly setup: ExportSetupState;
}

/**
 * "Export again" from History: the earlier export's destination, segments, lists and matching
 * are loaded; segments whose file changed or moved are offered a way back before sending.
 */
export function AgainPanel({ jobId, setup }: AgainPanelProps) {
  const { t } = useTranslation('export');
  const format = useExportFormat();
  const id = useId();
  const queryClient = useQueryClient();
  const again = useExportAgain(jobId);
  const [resolutions, setResolutions] = useState<Record<number, Resolution>>({});
  const loaded = useRef<string | null>(null);
  const { dispatch } = setup;

  useEffect(() => {
    if (!again.data || loaded.current === again.data.jobId) return;
    loaded.current = again.data.jobId;
    dispatch({ type: 'load', draft: draftFromAgain(again.data) });
  }, [again.data, dispatch]);

  if (again.isError) {
    return (
      <p role="alert" className="message-error">
        {t('again.loadError', { message: errorText(again.error, t) })}
      </p>
    );
  }
  if (!again.data) return <p>{t('loading')}</p>;
  const data = again.data;

  function resolve(index: number, resolution: Resolution) {
    const segment = data.segments[index];
    if (!segment) return;
    const to = resolution.kind === 'new' ? resolution.segmentId : segment.segmentId;
    if (!to) return;
    setResolutions((current) => ({ ...current, [index]: resolution }));
    void queryClient.invalidateQueries({ queryKey: queryKeys.segments() });
    dispatch({
      type: 'replaceSegment',
      from: null,
      to,
      seed: { mapping: segment.mapping, source: 'job' },
      // A new import may be named differently: keep the list the earlier export went to.
      list:
        resolution.kind === 'new'
          ? { kind: 'existing', name: segment.listName }
          : listChoiceFor(segment.listName, segment.name),
    });
  }

  return (
    <section className="export-again card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('again.title')}</h2>
      <p>
        {t('again.intro', { date: format.date(data.createdAt), destination: data.destinationName })}
      </p>
      {data.destinationId === null && (
        <p className="message-warning">
          {t('again.destinationGone', { destination: data.destinationName })}
        </p>
      )}
      <ul className="export-again-list">
        {data.segments.map((segment, index) => (
          <AgainSegmentItem
            key={`${segment.segmentId ?? ''}-${index}`}
            segment={segment}
            resolution={resolutions[index]}
            onResolved={(resolution) => resolve(index, resolution)}
          />
        ))}
      </ul>
    </section>
  );
}
