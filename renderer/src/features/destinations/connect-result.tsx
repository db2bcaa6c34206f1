import { useTranslation } from 'react-i18next';
import type { ConnectOutcome } from '../../../../shared/model/destinations';
import type { DestinationService } from '../../../../shared/model/destination-service';
import { errorText } from '../../i18n/error-text';

interface ConnectState {
  readonly pending: boolean;
  readonly outcome?: ConnectOutcome;
  readonly error?: unknown;
}

function connectedText(
  t: ReturnType<typeof useTranslation<'destinations'>>['t'],
  count: number,
  context: DestinationService,
) {
  if (count === 0) return t('connect.connectedNoLists', { context });
  if (count === 1) return t('connect.connectedOneList', { context });
  return t('connect.connectedLists', { count, context });
}

interface ConnectResultProps {
  readonly state: ConnectState;
  /** The product Connect talked to: the words name it (Autopilot's lists, Ortto's tags). */
  readonly service: DestinationService;
}

/** What Connect found, or why it failed, in plain words; announced to screen readers. */
export function ConnectResult({ state, service: context }: ConnectResultProps) {
  const { t } = useTranslation('destinations');
  let content: { readonly text: string; readonly tone: string } | undefined;
  if (state.pending) content = { text: t('card.connecting', { context }), tone: 'message-info' };
  else if (state.error !== undefined) {
    content = { text: errorText(state.error, t, context), tone: 'message-error' };
  } else if (state.outcome?.status === 'connected') {
    content = { text: connectedText(t, state.outcome.listCount, context), tone: 'message-success' };
  } else if (state.outcome?.status === 'failed') {
    content = { text: t(`connect.${state.outcome.reason}`, { context }), tone: 'message-error' };
  }
  return (
    <div className="connect-result" role="status" aria-live="polite">
      {content && <p className={content.tone}>{content.text}</p>}
    </div>
  );
}
