/**
 * What keeps Export… from being pressed, each with the section it is about, so the footer can
 * link to it (issue 17, item 3). A segment whose matching has a problem names itself; the others
 * are still counted.
 */
import { useTranslation } from 'react-i18next';
import type { DestinationSummary } from '../../../../shared/model/destinations';
import { isKeyProblem, type ListsQuery } from './destination-key-check';
import { matchingChecks } from './match-rows';
import type { SectionName } from './section-ids';
import type { ExportSetupState } from './use-export-setup';

interface Blocker {
  readonly text: string;
  readonly section: SectionName;
}

function matchingBlockers(setup: ExportSetupState, t: ReturnType<typeof useTranslation>['t']) {
  const blockers: Blocker[] = [];
  for (const group of setup.groups) {
    const names = group.segments.map((segment) => `“${segment.name}”`).join(', ');
    if (!group.matching) continue;
    const checks = matchingChecks(group.matching.rows);
    if (checks.emailMissing) {
      blockers.push({ text: t('summary.needEmail', { names }), section: 'matching' });
    } else if (checks.blocking) {
      blockers.push({ text: t('summary.fixMatching', { names }), section: 'matching' });
    }
  }
  return blockers;
}

export function useBlockers(
  setup: ExportSetupState,
  destination: DestinationSummary | undefined,
  lists: ListsQuery,
): Blocker[] {
  const { t } = useTranslation('export');
  const blockers: Blocker[] = [];
  if (!destination) blockers.push({ text: t('summary.needDestination'), section: 'destination' });
  else if (isKeyProblem(lists.error)) {
    blockers.push({
      text: t('summary.needKey', { context: destination.service }),
      section: 'destination',
    });
  }
  if (destination?.service === 'ortto' && setup.draft.emailPermission === null) {
    blockers.push({ text: t('summary.needEmailPermission'), section: 'lists' });
  }
  if (setup.chosen.length === 0) {
    blockers.push({ text: t('summary.needSegments'), section: 'segments' });
  }
  blockers.push(...matchingBlockers(setup, t));
  const plan = setup.plan;
  const counted = plan.data && !plan.isPlaceholderData;
  if (blockers.length === 0 && counted && plan.data.totals.valid === 0) {
    blockers.push({ text: t('summary.nothingToSend'), section: 'matching' });
  }
  return blockers;
}
