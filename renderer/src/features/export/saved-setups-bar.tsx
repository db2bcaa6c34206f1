import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { errorText } from '../../i18n/error-text';
import { draftFromSetup, setupToSave } from './setup-drafts';
import { useDeleteSetup, useExportSetups, useSaveSetup } from './use-exports';
import type { ExportSetupState } from './use-export-setup';

interface SavedSetupsBarProps {
  readonly setup: ExportSetupState;
  readonly destinationIds: readonly string[];
}

/** Open a saved setup, save the current one (by name), delete one. */
export function SavedSetupsBar({ setup, destinationIds }: SavedSetupsBarProps) {
  const { t } = useTranslation('export');
  const id = useId();
  const { navigate } = useNavigation();
  const setups = useExportSetups();
  const save = useSaveSetup();
  const remove = useDeleteSetup();
  const [picked, setPicked] = useState('');
  const [opened, setOpened] = useState<{ id: string; name: string }>();
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<string[]>([]);
  const chosen = setups.data?.find((item) => item.id === picked);

  function open() {
    if (!chosen) return;
    const loaded = draftFromSetup(chosen, setup.segmentsById, destinationIds);
    setup.dispatch({ type: 'load', draft: loaded.draft });
    setOpened({ id: chosen.id, name: chosen.name });
    setName(chosen.name);
    setNotice([
      t('setups.opened', { name: chosen.name }),
      ...(loaded.missingSegments.length > 0
        ? [t('setups.missingSegments', { names: loaded.missingSegments.join(', ') })]
        : []),
      ...(loaded.missingDestination ? [t('setups.missingDestination')] : []),
    ]);
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    const sameAsOpened = opened && opened.name.trim().toLowerCase() === name.trim().toLowerCase();
    const input = setupToSave(
      setup.draft,
      setup.groups,
      name,
      sameAsOpened ? opened.id : undefined,
    );
    save.mutate(input, {
      onSuccess: (saved) => {
        setOpened({ id: saved.id, name: saved.name });
        setPicked(saved.id);
        setNotice([t('setups.saved', { name: saved.name })]);
      },
    });
  }

  function onDelete() {
    if (!chosen) return;
    remove.mutate(chosen.id, {
      onSuccess: () => {
        setNotice([t('setups.deleted', { name: chosen.name })]);
        setPicked('');
        if (opened?.id === chosen.id) setOpened(undefined);
      },
    });
  }

  const error = save.error ?? remove.error;
  return (
    <section className="export-setups card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('setups.title')}</h2>
      <div className="export-inline">
        <label htmlFor={`${id}-pick`}>{t('setups.choose')}</label>
        <select
          id={`${id}-pick`}
          value={picked}
          onChange={(event) => setPicked(event.target.value)}
        >
          <option value="">
            {setups.data?.length === 0 ? t('setups.none') : t('setups.placeholder')}
          </option>
          {setups.data?.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={open} disabled={!chosen}>
          {t('setups.open')}
        </button>
        <button type="button" onClick={onDelete} disabled={!chosen || remove.isPending}>
          {t('setups.delete')}
        </button>
        <button
          type="button"
          onClick={() => chosen && navigate({ screen: 'automation', setupId: chosen.id })}
          disabled={!chosen}
        >
          {t('setups.makeAutomatic')}
        </button>
      </div>
      <form className="export-inline" onSubmit={onSave}>
        <label htmlFor={`${id}-name`}>{t('setups.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={80}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={name.trim() === '' || save.isPending}>
          {save.isPending ? t('setups.saving') : t('setups.save')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {notice.map((line) => (
          <p key={line} className="export-hint">
            {line}
          </p>
        ))}
      </div>
      {error && (
        <p role="alert" className="message-error">
          {errorText(error, t)}
        </p>
      )}
    </section>
  );
}
