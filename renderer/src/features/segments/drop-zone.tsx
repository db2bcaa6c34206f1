import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface DropZoneProps {
  readonly onFiles: (files: File[]) => void;
  readonly onBrowse: () => void;
  readonly browsing: boolean;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/** Where segment files are dropped, several at once; Browse… does the same from the keyboard. */
export function DropZone({ onFiles, onBrowse, browsing }: DropZoneProps) {
  const { t } = useTranslation('segments');
  const [active, setActive] = useState(false);
  // dragenter/dragleave fire for every child the pointer crosses; count them to know when it left.
  const depth = useRef(0);

  return (
    <div
      className="drop-zone"
      data-testid="segment-drop-zone"
      data-active={active || undefined}
      role="group"
      aria-labelledby="segments-drop-label"
      aria-describedby="segments-drop-hint"
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setActive(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setActive(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setActive(false);
        const files = Array.from(event.dataTransfer.files);
        if (files.length > 0) onFiles(files);
      }}
    >
      <span className="drop-zone-icon" aria-hidden="true" />
      <p id="segments-drop-label" className="drop-zone-label">
        {active ? t('dropZone.active') : t('dropZone.label')}
      </p>
      <p id="segments-drop-hint" className="drop-zone-hint">
        {t('dropZone.hint')}
      </p>
      <button type="button" className="primary" onClick={onBrowse} disabled={browsing}>
        {browsing ? t('dropZone.browsing') : t('dropZone.browse')}
      </button>
    </div>
  );
}
