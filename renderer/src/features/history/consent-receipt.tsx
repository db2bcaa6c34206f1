import { useTranslation } from 'react-i18next';
import type { JobConsent } from '../../../../shared/model/jobs';
import { useServiceLabel } from '../../app/service-label';
import { useJobFormat } from './job-words';

/** The record of the "send" confirmation (product.md, step 4): when, who, what and where. */
export function ConsentReceipt({ consent }: { readonly consent: JobConsent }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  const serviceLabel = useServiceLabel();
  const { service, region } = consent.destination;
  return (
    <details className="history-consent card">
      <summary>{t('consent.title')}</summary>
      <dl className="details">
        <dt>{t('consent.confirmedAt')}</dt>
        <dd>{format.date(consent.confirmedAt)}</dd>
        {consent.standingConsent && (
          <>
            <dt>{t('consent.standing')}</dt>
            <dd data-receipt="standing-consent">
              {t('consent.standingValue', {
                date: format.date(consent.standingConsent.confirmedAt),
              })}
            </dd>
          </>
        )}
        <dt>{t('consent.osUser')}</dt>
        <dd>{consent.osUser}</dd>
        <dt>{t('consent.destination', { context: service })}</dt>
        <dd>{consent.destination.name}</dd>
        <dt>{t('consent.service')}</dt>
        <dd data-receipt="service">{serviceLabel(service, region)}</dd>
        {consent.emailPermission && (
          <>
            <dt>{t('consent.emailPermission')}</dt>
            <dd data-receipt="email-permission">
              {t(`consent.emailPermission-${consent.emailPermission}`)}
            </dd>
          </>
        )}
        <dt>{t('consent.endpoint')}</dt>
        <dd className="path">{consent.destination.endpoint}</dd>
        <dt>{t('consent.profiles')}</dt>
        <dd>{format.number(consent.profiles)}</dd>
        <dt>{t('consent.rows')}</dt>
        <dd>{format.number(consent.rows)}</dd>
        {consent.changes && (
          <>
            <dt>{t('consent.changes')}</dt>
            <dd data-receipt="changes">
              {t(consent.changes.mirror ? 'consent.changesMirror' : 'consent.changesValue', {
                new: format.number(consent.changes.new),
                changed: format.number(consent.changes.changed),
                unchanged: format.number(consent.changes.unchanged),
                leaving: format.number(consent.changes.leaving),
              })}
            </dd>
          </>
        )}
        <dt>{t('consent.fields')}</dt>
        <dd>{consent.fields.join(', ')}</dd>
        <dt>{t('consent.files')}</dt>
        <dd>
          <ul className="history-consent-files">
            {consent.files.map((file) => (
              <li key={`${file.fileName}-${file.sha256}`}>
                {t('consent.fileValue', {
                  fileName: file.fileName,
                  size: format.bytes(file.size),
                  hash: file.sha256.slice(0, 12),
                })}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('consent.terms')}</dt>
        <dd>
          <blockquote className="history-terms">{consent.terms}</blockquote>
        </dd>
      </dl>
    </details>
  );
}
