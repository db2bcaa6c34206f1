import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { useFormatters } from './formatters';
import type { FailedImport, ImportTask } from './use-file-imports';

function TaskRow({ task }: { readonly task: ImportTask }) {
  const { t } = useTranslation('segments');
  const format = useFormatters();
  const percent = task.totalBytes > 0 ? Math.floor((task.doneBytes / task.totalBytes) * 100) : 0;
  const label =
    task.phase === 'waiting'
      ? t('progress.waiting', { fileName: task.fileName })
      : task.phase === 'sending'
        ? t('progress.sending', { fileName: task.fileName })
        : t('progress.reading', { fileName: task.fileName, rows: format.number(task.rows) });
  return (
    <li className="import-task">
      <span className="import-task-label">{label}</span>
      <progress
        max={100}
        value={task.phase === 'waiting' ? undefined : percent}
        aria-label={label}
      />
      <span className="import-task-percent" aria-hidden="true">
        {task.phase === 'waiting' ? '' : t('progress.percent', { percent })}
      </span>
    </li>
  );
}

/** Files on their way in, with progress, and the ones that could not be imported, with why. */
export function ImportActivity({
  tasks,
  failures,
  onDismiss,
}: {
  readonly tasks: readonly ImportTask[];
  readonly failures: readonly FailedImport[];
  readonly onDismiss: (key: string) => void;
}) {
  const { t } = useTranslation('segments');
  return (
    <>
      {tasks.length > 0 && (
        <ul className="import-tasks" aria-label={t('progress.listLabel')}>
          {tasks.map((task) => (
            <TaskRow key={task.key} task={task} />
          ))}
        </ul>
      )}
      <div role="alert">
        {failures.length > 0 && (
          <ul className="import-failures" aria-label={t('failures.listLabel')}>
            {failures.map((failure) => (
              <li key={failure.key} className="message-error import-failure">
                <div>
                  <strong>{t('failures.notImported', { fileName: failure.fileName })}</strong>{' '}
                  <span>{errorText(failure.error, t)}</span>
                </div>
                <button type="button" onClick={() => onDismiss(failure.key)}>
                  {t('failures.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
