import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DestinationSummary } from '../../../../shared/model/destinations';
import type { DestinationListSummary } from '../../../../shared/model/exports';
import { CourierError } from '../../../../shared/ipc/result';
import { queryKeys } from '../../api/query-keys';
import { ReplaceKeyForm } from '../destinations/replace-key-form';
import { errorText } from '../../i18n/error-text';

export interface ListsQuery {
  readonly data?: readonly DestinationListSummary[];
  readonly isPending: boolean;
  readonly isFetching?: boolean;
  readonly error: Error | null;
}

/** Errors about the key itself: they block the export, and Replace key sits beside them. */
const keyProblems = new Set(['export-rejected-key', 'export-no-key']);

export function isKeyProblem(error: unknown): boolean {
  return error instanceof CourierError && keyProblems.has(error.code);
}

interface DestinationKeyCheckProps {
  readonly destination: Pick<DestinationSummary, 'id' | 'service'>;
  readonly lists: ListsQuery;
}

/**
 * Issue 17, item 2: the key is checked as soon as the destination is chosen (reading its lists
 * asks Autopilot or Ortto with it), so a wrong key shows here with Replace key, not after the
 * consent.
 */
export function DestinationKeyCheck({ destination, lists }: DestinationKeyCheckProps) {
  const { t } = useTranslation('export');
  const destinationId = destination.id;
  const context = destination.service;
  const queryClient = useQueryClient();
  const [replacing, setReplacing] = useState(false);
  const keyProblem = isKeyProblem(lists.error);

  async function replaced() {
    setReplacing(false);
    await queryClient.invalidateQueries({ queryKey: queryKeys.exportLists(destinationId) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.exportFields(destinationId) });
  }

  return (
    <div className="export-key-check">
      <div role="status" aria-live="polite">
        {lists.isPending && <p className="export-hint">{t('destination.checking', { context })}</p>}
        {lists.data && (
          <p className="message-success" data-check="key-accepted">
            {t('destination.keyAccepted', { count: lists.data.length, context })}
          </p>
        )}
        {lists.error && (
          <p className={keyProblem ? 'message-error' : 'message-warning'} data-check="key-problem">
            {keyProblem
              ? t('destination.keyRejected', { context })
              : errorText(lists.error, t, context)}{' '}
            {keyProblem && !replacing && (
              <button type="button" onClick={() => setReplacing(true)}>
                {t('destination.replaceKey')}
              </button>
            )}
          </p>
        )}
      </div>
      {replacing && (
        <ReplaceKeyForm
          destinationId={destinationId}
          service={context}
          onReplaced={() => void replaced()}
          onCancel={() => setReplacing(false)}
        />
      )}
    </div>
  );
}
