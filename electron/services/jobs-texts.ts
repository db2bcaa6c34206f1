/**
 * Which notification main shows when an export ends, and with which facts; the words are in
 * electron/i18n/main-texts.ts, in the language the person chose.
 */
import type { JobStatus } from '../../core/jobs/job-manifest';
import { serviceNames } from '../../shared/model/destination-service';
import type { JobListItem, JobStopKind } from '../../shared/model/jobs';
import type { DestinationService } from '../../shared/model/destination-service';
import { mainText, type MainLanguage, type MainTextKey } from '../i18n/main-texts';

interface EndFacts {
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
type TextKeys = { readonly title: MainTextKey; readonly body: MainTextKey };

const pausedBodies: Partial<Record<JobStopKind, MainTextKey>> = {
  'rejected-key': 'pausedRejectedKeyBody',
  'missing-key': 'pausedKeychainBody',
  keychain: 'pausedKeychainBody',
  offline: 'pausedOfflineBody',
  'repeated-faults': 'pausedRepeatedFaultsBody',
};

/** Null when the person stopped it themselves (pause, cancel, quitting): they know already. */
function keysOf(facts: EndFacts): TextKeys | null {
  switch (facts.status) {
    case 'completed':
      return { title: 'exportFinishedTitle', body: 'exportFinishedBody' };
    case 'completed_with_errors':
      return {
        title: 'exportWithProblemsTitle',
        body: facts.failed === 1 ? 'exportWithProblemsBodyOne' : 'exportWithProblemsBodyMany',
      };
    case 'failed':
      return { title: 'exportStoppedTitle', body: 'exportStoppedBody' };
    case 'paused': {
      const body = facts.stopKind ? pausedBodies[facts.stopKind] : undefined;
      return body ? { title: 'exportPausedTitle', body } : null;
    }
    default:
      return null;
  }
}

/** The notification for an export that ended, or null when there is nothing to tell. */
export function endNotification(language: MainLanguage, facts: EndFacts): Text | null {
  const keys = keysOf(facts);
  if (!keys) return null;
  const values = {
    what: facts.segments.map((name) => `“${name}”`).join(', '),
    service: serviceNames[facts.service ?? 'autopilot'],
    succeeded: facts.succeeded,
    valid: facts.valid,
    failed: facts.failed,
  };
  return {
    title: mainText(language, keys.title),
    body: mainText(language, keys.body, values),
  };
}
