/**
 * The few sentences main shows itself, outside the window: the OS notification when an export
 * ends. In English and Catalan like the rest of the app; the language is the person's saved
 * preference, else the system's, as the renderer picks it.
 */
import type { JobStatus } from '../../core/jobs/job-manifest';
import { serviceNames } from '../../shared/model/destination-service';
import type { JobListItem, JobStopKind } from '../../shared/model/jobs';
import type { DestinationService } from '../../shared/model/destination-service';

export type MainLanguage = 'en' | 'ca';

export function pickMainLanguage(
  preferred: string | undefined,
  systemLocale: string,
): MainLanguage {
  for (const tag of [preferred, systemLocale]) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (base === 'en' || base === 'ca') return base;
  }
  return 'en';
}

export interface EndFacts {
  readonly status: JobStatus;
  readonly stopKind: JobStopKind | null;
  readonly segments: readonly string[];
  readonly valid: number;
  readonly succeeded: number;
  readonly failed: number;
  /** The kind of account the job sends to; Autopilot when the job does not say. */
  readonly service?: DestinationService;
}

export function endFactsOf(item: JobListItem): EndFacts {
  return {
    status: item.status,
    stopKind: item.stop?.kind ?? null,
    segments: item.segments.map((segment) => segment.name),
    valid: item.counts.valid,
    succeeded: item.counts.succeeded,
    failed: item.counts.failed,
    service: item.destination.service,
  };
}

type Text = { readonly title: string; readonly body: string };
type Words = (facts: EndFacts, n: (value: number) => string, what: string) => Text | null;

const accountName = (facts: EndFacts) => serviceNames[facts.service ?? 'autopilot'];

const english: Words = (facts, n, what) => {
  switch (facts.status) {
    case 'completed':
      return {
        title: 'Export finished',
        body: `${what}: all ${n(facts.succeeded)} contacts were delivered.`,
      };
    case 'completed_with_errors':
      return {
        title: 'Export finished with problems',
        body: `${what}: ${n(facts.succeeded)} of ${n(facts.valid)} contacts delivered; ${n(facts.failed)} ${facts.failed === 1 ? 'was' : 'were'} not. The report lists them.`,
      };
    case 'failed':
      return {
        title: 'Export stopped',
        body: `${what}: it stopped on a problem. Open Segment Courier to resume it.`,
      };
    case 'paused':
      if (facts.stopKind === 'rejected-key')
        return {
          title: 'Export paused',
          body: `${what}: ${accountName(facts)} rejected the API key. Fix the key, then resume.`,
        };
      if (facts.stopKind === 'missing-key' || facts.stopKind === 'keychain')
        return {
          title: 'Export paused',
          body: `${what}: the API key could not be read from the keychain.`,
        };
      if (facts.stopKind === 'offline')
        return {
          title: 'Export paused',
          body: `${what}: ${accountName(facts)} could not be reached for a long time.`,
        };
      if (facts.stopKind === 'repeated-faults')
        return {
          title: 'Export paused',
          body: `${what}: ${accountName(facts)} failed again and again. Resume it later to send the rest.`,
        };
      return null;
    default:
      return null;
  }
};

const catalan: Words = (facts, n, what) => {
  switch (facts.status) {
    case 'completed':
      return {
        title: 'Exportació acabada',
        body: `${what}: s’han lliurat tots els ${n(facts.succeeded)} contactes.`,
      };
    case 'completed_with_errors':
      return {
        title: 'Exportació acabada amb problemes',
        body: `${what}: s’han lliurat ${n(facts.succeeded)} de ${n(facts.valid)} contactes; ${n(facts.failed)} no. L’informe els detalla.`,
      };
    case 'failed':
      return {
        title: 'Exportació aturada',
        body: `${what}: s’ha aturat per un problema. Obriu Segment Courier per reprendre-la.`,
      };
    case 'paused':
      if (facts.stopKind === 'rejected-key')
        return {
          title: 'Exportació en pausa',
          body: `${what}: ${accountName(facts)} ha rebutjat la clau de l’API. Corregiu-la i reprengueu.`,
        };
      if (facts.stopKind === 'missing-key' || facts.stopKind === 'keychain')
        return {
          title: 'Exportació en pausa',
          body: `${what}: no s’ha pogut llegir la clau de l’API del clauer.`,
        };
      if (facts.stopKind === 'offline')
        return {
          title: 'Exportació en pausa',
          body: `${what}: no s’ha pogut contactar amb ${accountName(facts)} durant molta estona.`,
        };
      if (facts.stopKind === 'repeated-faults')
        return {
          title: 'Exportació en pausa',
          body: `${what}: ${accountName(facts)} ha fallat una vegada i una altra. Reprengueu-la més tard per enviar la resta.`,
        };
      return null;
    default:
      return null;
  }
};

/**
 * The notification for an export that ended, or null when the person stopped it themselves
 * (pause, cancel, quitting): they know already.
 */
export function endNotification(language: MainLanguage, facts: EndFacts): Text | null {
  const numbers = new Intl.NumberFormat(language);
  const what = facts.segments.map((name) => `“${name}”`).join(', ');
  return (language === 'ca' ? catalan : english)(facts, (value) => numbers.format(value), what);
}
