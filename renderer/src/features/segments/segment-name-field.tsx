import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { useRenameSegment } from './use-segments';

/** The segment's name, edited in place: Enter or leaving the field saves, Escape undoes. */
export function SegmentNameField({ id, name }: { readonly id: string; readonly name: string }) {
  const { t } = useTranslation('segments');
  const fieldId = useId();
  const rename = useRenameSegment();
  const [draft, setDraft] = useState(name);
  const [editingFrom, setEditingFrom] = useState(name);
  if (editingFrom !== name) {
    // The name changed elsewhere (saved, or the segment was re-read): follow it.
    setEditingFrom(name);
    setDraft(name);
  }

  function save() {
    const next = draft.trim();
    if (next === '' || next === name) {
      setDraft(name);
      return;
    }
    rename.mutate({ id, name: next });
  }

  return (
    <div className="segment-name">
      <label htmlFor={fieldId} className="visually-hidden">
        {t('card.name')}
      </label>
      <input
        id={fieldId}
        className="segment-name-input"
        value={draft}
        maxLength={120}
        aria-describedby={`${fieldId}-hint`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
          if (event.key === 'Escape') setDraft(name);
        }}
      />
      <span id={`${fieldId}-hint`} className="visually-hidden">
        {t('card.nameHint')}
      </span>
      {rename.isError && (
        <p role="alert" className="message-error">
          {t('card.renameError', { message: errorText(rename.error, t) })}
        </p>
      )}
    </div>
  );
}
