/**
 * The sync side of `push` (issue 13): `--mirror` (keep the list in step with the segment), `--full`
 * (send everything again), `--dry-run` (the preview of changes: needs no --consent, sends nothing,
 * exit 0) and `--allow-mass-removal` (a mirror taking off more than a fifth of the members this app
 * knows is refused without it: exit 2, nothing sent).
 */
import { consentTerms } from '../../core/jobs/consent';
import { isMassRemoval, type ExportPlan, type PlannedSegment } from '../../core/upload/export-plan';
import type { DryRunFacts } from './dry-run';
import { formatCount } from './progress-printer';

export const syncFlagSpec = {
  mirror: 'switch',
  full: 'switch',
  'dry-run': 'switch',
  'allow-mass-removal': 'switch',
} as const;

export interface SyncFlags {
  readonly mirror: boolean;
  readonly full: boolean;
  readonly dryRun: boolean;
  readonly allowMassRemoval: boolean;
}

export function syncFlags(switches: ReadonlySet<string>): SyncFlags {
  return {
    mirror: switches.has('mirror'),
    full: switches.has('full'),
    dryRun: switches.has('dry-run'),
    allowMassRemoval: switches.has('allow-mass-removal'),
  };
}

export function massRemovalRefusal(plan: ExportPlan, flags: SyncFlags): string | null {
  if (!flags.mirror || flags.allowMassRemoval) return null;
  const segment = plan.segments.find((planned) => isMassRemoval(planned));
  if (!segment) return null;
  const leaving = segment.leavers?.length ?? 0;
  return (
    `Keeping the list "${segment.listName}" in step would take ${formatCount(leaving)} of its ` +
    `${formatCount(segment.knownMembers ?? 0)} members sent by this app off the list: more than a ` +
    'fifth, which more often means a broken export than a real change. Nothing was sent. Check the ' +
    'file, or add --allow-mass-removal if this is right.'
  );
}

/** Per segment, as the preview shows it. */
function segmentChanges(segment: PlannedSegment, mirror: boolean) {
  const changes = segment.changes ?? { new: segment.valid, changed: 0, unchanged: 0, leaving: 0 };
  return {
    segment: segment.name,
    list: segment.listName,
    new: changes.new,
    changed: changes.changed,
    unchanged: changes.unchanged,
    leaving: changes.leaving,
    leftOut: segment.invalid + segment.duplicates,
    removed: mirror ? changes.leaving : 0,
    massRemoval: mirror && isMassRemoval(segment),
  };
}

type PreviewFacts = DryRunFacts & SyncFlags;

function toSend(segment: ReturnType<typeof segmentChanges>, full: boolean): number {
  return segment.new + segment.changed + (full ? segment.unchanged : 0);
}

export function previewText(facts: PreviewFacts): string {
  const lines = ['Nothing was sent. This is what `push` would change:', ''];
  for (const planned of facts.plan.segments) {
    const changes = segmentChanges(planned, facts.mirror);
    lines.push(
      `  ${changes.segment} → the list "${changes.list}"`,
      `    New to the list    ${formatCount(changes.new)}`,
      `    Changed            ${formatCount(changes.changed)}`,
      `    Unchanged          ${formatCount(changes.unchanged)}${facts.full ? ' (sent again: --full)' : ' (not sent)'}`,
      `    Leaving            ${formatCount(changes.leaving)}${facts.mirror ? ' (taken off the list: --mirror)' : ' (stay on the list without --mirror)'}`,
      `    Left out           ${formatCount(changes.leftOut)} invalid or duplicate rows`,
      `    Contacts to send   ${formatCount(toSend(changes, facts.full))}`,
    );
    if (changes.massRemoval) {
      lines.push(
        '    More than a fifth of the members would leave: add --allow-mass-removal to go on.',
      );
    }
  }
  lines.push('', `Account: ${facts.destinationLabel} at ${facts.endpoint}`);
  lines.push('', 'Consent:', `  ${consentTerms}`, '', 'To send, run it again with --consent.');
  return `${lines.join('\n')}\n`;
}

export function previewJson(facts: PreviewFacts): string {
  const segments = facts.plan.segments.map((planned) => segmentChanges(planned, facts.mirror));
  const sum = (pick: (segment: (typeof segments)[number]) => number) =>
    segments.reduce((total, segment) => total + pick(segment), 0);
  return `${JSON.stringify({
    dryRun: true,
    sent: 0,
    file: facts.fileName,
    list: facts.listName,
    endpoint: facts.endpoint,
    ...facts.plan.totals,
    new: sum((segment) => segment.new),
    changed: sum((segment) => segment.changed),
    unchanged: sum((segment) => segment.unchanged),
    leaving: sum((segment) => segment.leaving),
    leftOut: sum((segment) => segment.leftOut),
    toSend: sum((segment) => toSend(segment, facts.full)),
    mirror: facts.mirror,
    full: facts.full,
    segments,
  })}\n`;
}
