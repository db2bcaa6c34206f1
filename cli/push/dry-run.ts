/**
 * What `push` prints without --consent: what would be sent, where, and the terms the person agrees
 * to by adding --consent. Nothing leaves the computer.
 */
import { consentTerms, mappedFieldNames } from '../../core/jobs/consent';
import type { ExportPlan } from '../../core/upload/export-plan';
import { serviceNames } from '../../shared/model/destination-service';
import type { DestinationService } from '../../shared/model/destination-service';
import { formatCount } from './progress-printer';

/** What a segment's list is in each kind of account: Ortto has tags (ortto-api.md, Lists). */
const listWords: Readonly<Record<DestinationService, string>> = { autopilot: 'list', ortto: 'tag' };

export interface DryRunFacts {
  readonly fileName: string;
  readonly listName: string;
  readonly endpoint: string;
  readonly destinationLabel: string;
  readonly service: DestinationService;
  readonly plan: ExportPlan;
}

function fieldLines(plan: ExportPlan): string[] {
  const segment = plan.segments[0];
  if (!segment) return [];
  const { mapping } = segment;
  return [
    `  Email              ← ${mapping.email}`,
    ...Object.entries(mapping.standard).map(([key, column]) => `  ${key.padEnd(18)} ← ${column}`),
    ...mapping.custom.map(
      (field) => `  ${`${field.name} (${field.type})`.padEnd(18)} ← ${field.column}`,
    ),
  ];
}

export function dryRunText(facts: DryRunFacts): string {
  const { totals } = facts.plan;
  const name = serviceNames[facts.service];
  const lines = [
    'Nothing was sent. This is what `push` would send:',
    '',
    `  File               ${facts.fileName}`,
    `  Contacts           ${formatCount(totals.valid)} (of ${formatCount(totals.rows)} rows; ${formatCount(totals.invalid)} invalid and ${formatCount(totals.duplicates)} duplicate rows are left out)`,
    `  To                 the ${name} ${listWords[facts.service]} "${facts.listName}" (created when missing)`,
    `  Account            ${facts.destinationLabel} at ${facts.endpoint}`,
    '',
    `Fields (${name} field ← column in the file; empty cells are never sent):`,
    ...fieldLines(facts.plan),
    '',
    'Consent:',
    `  ${consentTerms}`,
    '',
    'If you agree, run the same command again with --consent.',
  ];
  return `${lines.join('\n')}\n`;
}

export function dryRunJson(facts: DryRunFacts): string {
  const segment = facts.plan.segments[0];
  return `${JSON.stringify({
    consentRequired: true,
    sent: 0,
    file: facts.fileName,
    list: facts.listName,
    service: facts.service,
    endpoint: facts.endpoint,
    ...facts.plan.totals,
    mapping: segment?.mapping ?? null,
    fields: segment ? mappedFieldNames(segment.mapping) : [],
    terms: consentTerms,
  })}\n`;
}
