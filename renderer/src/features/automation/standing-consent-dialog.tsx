import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationStatement } from '../../../../shared/ipc/channels/automation';
import type { EmailPermissionChoice } from '../../../../shared/model/destination-service';
import { useServiceLabel } from '../../app/service-label';
import { ConsentFrame } from '../export/consent-frame';
import { EmailPermissionField } from '../export/email-permission-field';
import { useScheduleText } from './automation-words';

interface StandingConsentDialogProps {
  readonly statement: AutomationStatement;
  readonly pending: boolean;
  readonly error?: string;
  readonly onConfirm: (emailPermission: EmailPermissionChoice | undefined) => void;
  readonly onCancel: () => void;
}

/**
 * The standing consent (issue 18, item 2): asked once, when automation is turned on, it states
 * what every run will do (destination, fields, lists, mirror, folder and/or schedule) until it is
 * turned off. The terms and the "I understand" box are the export consent dialog's own.
 */
export function StandingConsentDialog(props: StandingConsentDialogProps) {
  const { statement } = props;
  const { t } = useTranslation('automation');
  const serviceLabel = useServiceLabel();
  const scheduleText = useScheduleText();
  const [permission, setPermission] = useState<EmailPermissionChoice | null>(null);
  const context = statement.destination.service ?? 'autopilot';
  return (
    <ConsentFrame
      title={t('consent.title', { name: statement.setupName })}
      terms={t('export:consent.terms', { context })}
      agreeLabel={t('consent.agree', { context })}
      confirmLabel={t('consent.confirm')}
      pendingLabel={t('consent.pending')}
      cancelLabel={t('consent.cancel')}
      pending={props.pending}
      error={props.error}
      ready={!statement.needsEmailPermission || permission !== null}
      onConfirm={() => props.onConfirm(permission ?? undefined)}
      onCancel={props.onCancel}
    >
      <p className="message-warning" data-fact="standing">
        {t('consent.everyRun')}
      </p>
      <dl className="export-consent-facts">
        <dt>{t('export:consent.destination')}</dt>
        <dd data-fact="destination">
          {t('export:consent.destinationValue', {
            name: statement.destination.name,
            endpoint: statement.destination.endpoint,
            context,
            service: serviceLabel(context, statement.destination.region),
          })}
        </dd>
        <dt>{t('export:consent.fields')}</dt>
        <dd data-fact="fields">{statement.fields.join(', ')}</dd>
        <dt>{t('export:consent.lists', { context })}</dt>
        <dd data-fact="lists">
          {statement.lists
            .map((list) =>
              t('export:consent.listValue', { segment: list.segmentName, list: list.listName }),
            )
            .join('; ')}
        </dd>
        <dt>{t('consent.mirror')}</dt>
        <dd data-fact="mirror">
          {t(statement.mirror ? 'consent.mirrorOn' : 'consent.mirrorOff', { context })}
        </dd>
        <dt>{t('consent.when')}</dt>
        <dd data-fact="when">
          {statement.folder && <span>{t('trigger.watch', { folder: statement.folder })}</span>}
          {statement.folder && statement.schedule && <br />}
          {statement.schedule && <span>{scheduleText(statement.schedule)}</span>}
        </dd>
      </dl>
      {statement.needsEmailPermission && (
        <EmailPermissionField choice={permission} onChange={setPermission} consentColumn={false} />
      )}
    </ConsentFrame>
  );
}
