import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { useNavigation } from '../../app/navigation';
import { DropZone } from './drop-zone';
import { ImportActivity } from './import-activity';
import { useFormatters } from './formatters';
import { SegmentCard } from './segment-card';
import type { CardControl } from './segment-card';
import { useFileImports } from './use-file-imports';
import { useSegments } from './use-segments';
import './segments.css';

/** Segments: drop or browse for files, see what each holds, fix its reading, remove it. */
export function SegmentsScreen() {
  const { t } = useTranslation('segments');
  const format = useFormatters();
  const segments = useSegments();
  const [notice, setNotice] = useState<string>();
  const [browsing, setBrowsing] = useState(false);
  const [focus, setFocus] = useState<{ id: string; control: CardControl }>();
  const imports = useFileImports(({ segment }) =>
    setNotice(t('imported', { name: segment.name, rows: format.number(segment.counts.rows) })),
  );
  const { importPaths } = imports;

  const { target } = useNavigation();
  const importedOpenFiles = useRef<readonly string[]>(undefined);
  useEffect(() => {
    // Files opened with the app (double-click, "Open with", a second launch): the shell brings
    // them here, once per batch.
    const paths = target.openFiles;
    if (!paths || paths.length === 0 || importedOpenFiles.current === paths) return;
    importedOpenFiles.current = paths;
    void importPaths([...paths]);
  }, [target.openFiles, importPaths]);

  useEffect(() => {
    // A file dropped beside the drop zone must not make the window open it.
    const ignore = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);

  const newestFirst = [...(segments.data ?? [])].reverse();

  return (
    <section className="screen segments-screen" aria-labelledby="segments-title">
      <h1 id="segments-title" tabIndex={-1}>
        {t('title')}
      </h1>
      <p className="screen-intro">{t('intro')}</p>
      <DropZone
        onFiles={(files) => {
          setNotice(undefined);
          imports.importFiles(files);
        }}
        browsing={browsing}
        onBrowse={() => {
          setNotice(undefined);
          setBrowsing(true);
          void imports.browse().finally(() => setBrowsing(false));
        }}
      />
      <ImportActivity
        tasks={imports.tasks}
        failures={imports.failures}
        onDismiss={imports.dismiss}
      />
      <div role="status" aria-live="polite" className="segments-notice">
        {notice && <p className="message-success">{notice}</p>}
      </div>
      {segments.isPending && <p>{t('loading')}</p>}
      {segments.isError && (
        <p role="alert" className="message-error">
          {t('loadError', { message: segments.error.message })}
        </p>
      )}
      {segments.isSuccess && newestFirst.length === 0 && <p>{t('empty')}</p>}
      {newestFirst.length > 0 && (
        <ul className="segment-list" aria-label={t('listLabel')}>
          {newestFirst.map((segment: SegmentSummary) => (
            <li key={segment.id}>
              <SegmentCard
                segment={segment}
                focusControl={focus?.id === segment.id ? focus.control : undefined}
                onReimported={(replaced, control) => setFocus({ id: replaced.id, control })}
                onRemoved={(removed) => {
                  setNotice(t('removed', { name: removed.name }));
                  document.getElementById('segments-title')?.focus();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
