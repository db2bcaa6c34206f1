import { useTranslation } from 'react-i18next';
import type { ConnectOutcome } from '../../../../shared/ipc/channels/destinations';
import { errorText } from './error-text';

export interface ConnectState {
  readonly pending: boolean;
  readonly outcome?: ConnectOutcome;
  readonly error?: unknown;
}

function connectedText(t: ReturnType<typeof useTranslation<'destinations'>>['t'], count: number) {
  if (count === 0) return t('connect.connectedNoLists');
  if (count === 1) return t('connect.connectedOneList');
  return t('connect.connectedLists', { count });
}

/** What Connect found, or why it failed, in plain words; announced to screen readers. */
export function ConnectResult({ state }: { readonly state: ConnectState }) {
  const { t } = useTranslation('destinations');
  let content: { readonly text: string; readonly tone: string } | undefined;
  if (state.pending) content = { text: t('card.connecting'), tone: 'message-info' };
  else if (state.error !== undefined) {
    content = { text: errorText(t, state.error), tone: 'message-error' };
  } else if (state.outcome?.status === 'connected') {
    content = { text: connectedText(t, state.outcome.listCount), tone: 'message-success' };
  } else if (state.outcome?.status === 'failed') {
    content = { text: t(`connect.${state.outcome.reason}`), tone: 'message-error' };
  }
  return (
    <div className="connect-result" role="status" aria-live="polite">
      {content && <p className={content.tone}>{content.text}</p>}
    </div>
  );
}
