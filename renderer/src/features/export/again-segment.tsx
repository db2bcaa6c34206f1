import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import type { ExportAgain } from '../../../../shared/model/exports';
import type { ImportOutcome } from '../../../../shared/segments/segment-summary';
import { unwrapResult } from '../../../../shared/ipc/result';
import { getBridge } from '../../api/bridge';
import { transferFile } from '../segments/transfer-file';
import { useExportFormat } from './format';
import { useReimportSource } from './use-exports';

type AgainSegment = ExportAgain['segments'][number];

export type Resolution =
  | { readonly kind: 'new'; readonly segmentId: string; readonly rows: number }
  | { readonly kind: 'earlier' };

interface AgainSegmentProps {
  readonly segment: AgainSegment;
  readonly resolution: Resolution | undefined;
  readonly onResolved: (resolution: Resolution) => void;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/** One segment of an earlier export: as it was, changed (import again), or moved (choose it). */
export function AgainSegmentItem({ segment, resolution, onResolved }: AgainSegmentProps) {
  const { t } = useTranslation('export');
  const format = useExportFormat();
  const reimport = useReimportSource();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const values = {
    name: segment.name,
    fileName: segment.fileName,
    date: format.date(segment.importedAt ?? ''),
  };

  function take(outcome: ImportOutcome | undefined) {
    if (!outcome) return;
    if (!outcome.ok) {
      setFailure(
        t('again.importFailed', {
          fileName: outcome.fileName,
          message: errorText(outcome.error, t),
        }),
      );
      return;
    }
    setFailure(undefined);
    onResolved({ kind: 'new', segmentId: outcome.segment.id, rows: outcome.segment.counts.rows });
  }

  async function run(work: () => Promise<ImportOutcome | undefined>) {
    setBusy(true);
    try {
      take(await work());
    } catch (error) {
      setFailure(
        t('again.importFailed', {
          fileName: segment.fileName,
          message: errorText(error, t),
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  if (resolution?.kind === 'new') {
    return (
      <li>{t('again.replaced', { name: segment.name, rows: format.number(resolution.rows) })}</li>
    );
  }
  if (resolution?.kind === 'earlier') return <li>{t('again.usingEarlier', values)}</li>;
  if (segment.state === 'ready') return <li>{t('again.ready', values)}</li>;

  const chooseFile = segment.state !== 'changed';
  return (
    <li
      className="export-again-item"
      data-state={segment.state}
      onDragOver={(event) => {
        if (chooseFile && hasFiles(event)) event.preventDefault();
      }}
      onDrop={(event) => {
        if (!chooseFile) return;
        event.preventDefault();
        const file = event.dataTransfer.files[0];
        if (file) void run(() => transferFile(getBridge(), file));
      }}
    >
      <p>{t(`again.${segment.state}`, values)}</p>
      <div className="export-inline">
        {segment.state === 'changed' && segment.segmentId && (
          <button
            type="button"
            disabled={busy || reimport.isPending}
            onClick={() => void run(() => reimport.mutateAsync(segment.segmentId as string))}
          >
            {reimport.isPending ? t('again.reimporting') : t('again.reimport')}
          </button>
        )}
        {chooseFile && (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(async () => unwrapResult(await getBridge().segmentsBrowse())[0])
              }
            >
              {t('again.choose')}
            </button>
            <span className="export-hint">{t('again.drop', values)}</span>
          </>
        )}
        {segment.segmentId && (
          <button type="button" disabled={busy} onClick={() => onResolved({ kind: 'earlier' })}>
            {t('again.useEarlier')}
          </button>
        )}
      </div>
      {failure && (
        <p role="alert" className="message-error">
          {failure}
        </p>
      )}
    </li>
  );
}
