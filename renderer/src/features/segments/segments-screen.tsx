import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { GettingStarted } from '../../app/getting-started';
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

  const takenDrop = useRef<readonly File[]>(undefined);
  const { importFiles } = imports;
  useEffect(() => {
    // Files dropped anywhere on the window (the shell takes them on every screen), once per drop.
    const files = target.droppedFiles;
    if (!files || files.length === 0 || takenDrop.current === files) return;
    takenDrop.current = files;
    setNotice(undefined);
    importFiles([...files]);
  }, [target.droppedFiles, importFiles]);

  const newestFirst = [...(segments.data ?? [])].reverse();

  return (
    <section className="screen segments-screen" aria-labelledby="segments-title">
      <h1 id="segments-title" tabIndex={-1}>
        {t('title')}
      </h1>
      <p className="screen-intro">{t('intro')}</p>
      <GettingStarted />
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
          {t('loadError', { message: errorText(segments.error, t) })}
        </p>
      )}
      {segments.isSuccess && newestFirst.length === 0 && <p>{t('empty')}</p>}
      {newestFirst.length > 0 && (
        <ul className="segment-list" aria-label={t('listLabel')}>
          {newestFirst.map((segment: SegmentSummary, index) => (
            <li key={segment.id}>
              <SegmentCard
                segment={segment}
                // The newest segment opens with its details; the others are one line each until asked.
                detailsOpen={index === 0 || focus?.id === segment.id}
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
