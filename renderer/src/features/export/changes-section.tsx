import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDestinationService } from './destination-service-context';
import type { SegmentPlan } from '../../../../shared/model/export-plan';
import type { ExportDraft } from './export-draft';
import { useExportFormat } from './format';
import type { ExportSetupState } from './use-export-setup';

interface ChangesSectionProps {
  readonly setup: ExportSetupState;
}

/** The preview's totals for the consent dialog; leaving counts only when mirroring. */
export function changeTotals(
  segments: readonly SegmentPlan[],
  draft: Pick<ExportDraft, 'mirror' | 'full'>,
) {
  if (!segments.some((segment) => segment.changes)) return undefined;
  const totals = { new: 0, changed: 0, unchanged: 0, leaving: 0, full: draft.full };
  for (const segment of segments) {
    totals.new += segment.changes?.new ?? segment.valid;
    totals.changed += segment.changes?.changed ?? 0;
    totals.unchanged += segment.changes?.unchanged ?? 0;
    totals.leaving += draft.mirror ? (segment.changes?.leaving ?? 0) : 0;
  }
  return totals;
}

function ChangesTable({ setup }: ChangesSectionProps) {
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const format = useExportFormat();
  const plan = setup.plan.data;
  const names = new Map(setup.chosen.map((segment) => [segment.id, segment.name]));
  return (
    <table className="export-changes" data-testid="export-changes">
      <thead>
        <tr>
          <th scope="col">{t('changes.segment')}</th>
          <th scope="col">{t('changes.new', { context })}</th>
          <th scope="col">{t('changes.changed')}</th>
          <th scope="col">{t('changes.unchanged')}</th>
          <th scope="col">{t('changes.leaving')}</th>
          <th scope="col">{t('changes.leftOut')}</th>
        </tr>
      </thead>
      <tbody>
        {(plan?.segments ?? []).map((segment) => (
          <tr key={segment.segmentId} data-segment={names.get(segment.segmentId)}>
            <th scope="row">{names.get(segment.segmentId)}</th>
            <td data-count="new">{format.number(segment.changes?.new ?? 0)}</td>
            <td data-count="changed">{format.number(segment.changes?.changed ?? 0)}</td>
            <td data-count="unchanged">{format.number(segment.changes?.unchanged ?? 0)}</td>
            <td data-count="leaving">{format.number(segment.changes?.leaving ?? 0)}</td>
            <td data-count="leftOut">{format.number(segment.invalid + segment.duplicates)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A mirror taking off more than a fifth of the members this app knows: asked, never assumed. */
function MassRemovalQuestion({ setup }: ChangesSectionProps) {
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const format = useExportFormat();
  const { draft, dispatch } = setup;
  const names = new Map(setup.chosen.map((segment) => [segment.id, segment.name]));
  const heavy = (setup.plan.data?.segments ?? []).filter((segment) => segment.changes?.massRemoval);
  if (!draft.mirror || heavy.length === 0) return null;
  return (
    <div className="message-warning" role="group" aria-label={t('changes.massTitle')}>
      {heavy.map((segment) => (
        <p key={segment.segmentId}>
          {t('changes.massQuestion', {
            context,
            segment: names.get(segment.segmentId),
            leaving: format.number(segment.changes?.leaving ?? 0),
            known: format.number(segment.changes?.knownMembers ?? 0),
          })}
        </p>
      ))}
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={draft.massRemovalConfirmed}
          onChange={(event) =>
            dispatch({ type: 'sync', massRemovalConfirmed: event.target.checked })
          }
        />
        {t('changes.massConfirm', { context })}
      </label>
    </div>
  );
}

/**
 * Changes (issue 13): per segment, who is new to the list, changed or unchanged since this app last
 * delivered there, who left the segment, and the rows left out; the mirror and "send everything
 * again" choices; and the question before a large removal. The counts are the engine's plan.
 */
export function ChangesSection({ setup }: ChangesSectionProps) {
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const id = useId();
  const { draft, dispatch } = setup;
  if (setup.chosen.length === 0) return null;
  const known = setup.plan.data?.segments.some((segment) => segment.changes) ?? false;
  return (
    <section className="export-step card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('changes.title')}</h2>
      <p className="export-hint">{t('changes.intro', { context })}</p>
      {draft.destinationId === null && (
        <p className="export-hint">{t('changes.needDestination')}</p>
      )}
      {known && <ChangesTable setup={setup} />}
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={draft.mirror}
          onChange={(event) => dispatch({ type: 'sync', mirror: event.target.checked })}
        />
        {t('changes.mirror', { context })}
      </label>
      <p className="export-hint">{t('changes.mirrorHint', { context })}</p>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={draft.full}
          onChange={(event) => dispatch({ type: 'sync', full: event.target.checked })}
        />
        {t('changes.full')}
      </label>
      <MassRemovalQuestion setup={setup} />
    </section>
  );
}
