import { useTranslation } from 'react-i18next';
import type { DestinationSummary } from '../../../../shared/model/destinations';
import type { OptedOutChoice } from '../../../../shared/matching/field-mapping';
import type { EmailPermissionChoice } from '../../../../shared/model/destination-service';
import { useServiceLabel } from '../../app/service-label';
import { ConsentFrame } from './consent-frame';
import { useExportFormat } from './format';

export interface ConsentFacts {
  readonly profiles: number;
  /** Rows without a usable email, and duplicates. */
  readonly leftOut: number;
  /** Rows whose consent column says no, left out as chosen. */
  readonly optedOut: number;
  /** Contacts sent so that Autopilot marks them unsubscribed. */
  readonly unsubscribed: number;
  /** Values left out of contacts that are sent, because they do not fit their field. */
  readonly misfitValues: number;
  /** What was chosen for the rows that say no; null when no consent column is matched. */
  readonly optOut: OptedOutChoice | null;
  readonly large: boolean;
  readonly destination: Pick<DestinationSummary, 'displayName' | 'endpoint' | 'service' | 'region'>;
  /** Ortto: what the person answered about email permission (issue 16, item 4). */
  readonly emailPermission: EmailPermissionChoice | null;
  /** A consent column is matched, and answers for the rows it fills. */
  readonly consentColumn: boolean;
  /** Field names with their kind, as the receipt records them. */
  readonly fields: readonly string[];
  readonly segments: readonly { readonly name: string; readonly listName: string }[];
  /** The preview of changes (issue 13); leaving counts only when mirroring. */
  readonly changes?: {
    readonly new: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly leaving: number;
    readonly full: boolean;
  };
}

interface ConsentDialogProps {
  readonly facts: ConsentFacts;
  readonly pending: boolean;
  readonly error?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

function optOutText(
  t: ReturnType<typeof useTranslation<'export'>>['t'],
  format: ReturnType<typeof useExportFormat>,
  facts: ConsentFacts,
): string {
  if (facts.optOut === null) return t('consent.optOutNone', { context: facts.destination.service });
  const count = facts.optOut === 'leave-out' ? facts.optedOut : facts.unsubscribed;
  return t(`consent.optOut-${facts.optOut}`, { count, formatted: format.number(count) });
}

/**
 * Step 4 of product.md: before anything leaves the computer, how many profiles, which fields, to
 * which account, and the compliance text. Nothing is sent until the box is ticked and Confirm is
 * pressed; Cancel (or Escape) sends nothing.
 */
export function ConsentDialog({ facts, pending, error, onConfirm, onCancel }: ConsentDialogProps) {
  const { t } = useTranslation('export');
  const format = useExportFormat();
  const profiles = format.number(facts.profiles);
  const segmentNames = facts.segments.map((segment) => `“${segment.name}”`).join(', ');
  const serviceLabel = useServiceLabel();
  const context = facts.destination.service;

  return (
    <ConsentFrame
      title={t('consent.title', { profiles, destination: facts.destination.displayName })}
      terms={t('consent.terms', { context })}
      agreeLabel={t('consent.agree', { context })}
      confirmLabel={t('consent.confirm')}
      pendingLabel={t('consent.sending')}
      cancelLabel={t('consent.cancel')}
      pending={pending}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <dl className="export-consent-facts">
        <dt>{t('consent.profiles')}</dt>
        <dd data-fact="profiles">
          {t('consent.profilesValue', { profiles, segments: segmentNames })}
          {facts.leftOut > 0 && (
            <span className="export-hint">
              {' '}
              {t('consent.leftOut', {
                count: facts.leftOut,
                formatted: format.number(facts.leftOut),
              })}
            </span>
          )}
        </dd>
        {facts.changes && (
          <>
            <dt>{t('consent.changes')}</dt>
            <dd data-fact="changes">
              {t(facts.changes.full ? 'consent.changesFull' : 'consent.changesValue', {
                new: format.number(facts.changes.new),
                changed: format.number(facts.changes.changed),
                unchanged: format.number(facts.changes.unchanged),
                leaving: format.number(facts.changes.leaving),
                context,
              })}
            </dd>
          </>
        )}
        <dt>{t('consent.fields')}</dt>
        <dd data-fact="fields">
          {facts.fields.join(', ')}
          {facts.misfitValues > 0 && (
            <span className="export-hint">
              {' '}
              {t('consent.misfitValues', {
                count: facts.misfitValues,
                formatted: format.number(facts.misfitValues),
              })}
            </span>
          )}
        </dd>
        <dt>{t('consent.optOut')}</dt>
        <dd data-fact="opt-out">{optOutText(t, format, facts)}</dd>
        {context === 'ortto' && facts.emailPermission && (
          <>
            <dt>{t('consent.permission')}</dt>
            <dd data-fact="permission">
              {t(`consent.permission-${facts.emailPermission}`)}
              {facts.consentColumn && ` ${t('consent.permissionBlankRows')}`}
            </dd>
          </>
        )}
        <dt>{t('consent.destination')}</dt>
        <dd data-fact="destination">
          {t('consent.destinationValue', {
            name: facts.destination.displayName,
            endpoint: facts.destination.endpoint,
            context,
            service: serviceLabel(context, facts.destination.region),
          })}
        </dd>
        <dt>{t('consent.lists', { context })}</dt>
        <dd data-fact="lists">
          {facts.segments
            .map((segment) =>
              t('consent.listValue', { segment: segment.name, list: segment.listName }),
            )
            .join('; ')}
        </dd>
      </dl>
      {facts.large && <p className="message-warning">{t('consent.largeWarning', { context })}</p>}
    </ConsentFrame>
  );
}
