/**
 * What the standing consent dialog states for a setup (issue 18, item 2), built from the saved
 * setup itself so the words cannot drift from what every run will do: the destination, the
 * fields, the lists, the mirror, the folder and the schedule. Also the checks that the setup can
 * run by itself at all.
 */
import { mappedFieldNames } from '../jobs/consent';
import type { DestinationRecord, ExportSetupRecord, Settings } from '../settings/settings-schema';
import {
  automationErrorCodes,
  type AutomationStatement,
  type Schedule,
  type StandingConsent,
} from '../../shared/model/automation';
import { AutomationError } from './automation-error';
import { setupListName } from './setup-segments';
import type { NewStandingConsent } from './standing-consents';
import {
  consentTermsText,
  consentTermsVersion,
  type TermsLanguage,
} from '../../shared/model/consent-terms';
import type {
  DestinationService,
  EmailPermissionChoice,
} from '../../shared/model/destination-service';

export interface AutomationTriggerChoice {
  readonly setupId: string;
  readonly folder: string | null;
  readonly schedule: Schedule | null;
}

/** Turning an automation on: its trigger, as the standing consent stated it. */
export interface EnableAutomation extends AutomationTriggerChoice {
  /** The language the person read the standing consent in. */
  readonly language: TermsLanguage;
  readonly emailPermission?: EmailPermissionChoice;
}

export interface RunnableSetup {
  readonly setup: ExportSetupRecord;
  readonly destination: DestinationRecord;
}

function incomplete(setup: ExportSetupRecord, what: string): AutomationError {
  return new AutomationError(
    automationErrorCodes.setupIncomplete,
    `The setup "${setup.name}" ${what}, so it cannot run by itself. Open it on the Export screen and save it again.`,
  );
}

/** The setup and its destination, refused in plain words when it could not run unattended. */
export function runnableSetup(settings: Settings, setupId: string): RunnableSetup {
  const setup = settings.exportSetups.find((candidate) => candidate.id === setupId);
  if (!setup) {
    throw new AutomationError(
      automationErrorCodes.setupNotFound,
      'This setup no longer exists: it may have been deleted.',
    );
  }
  const destination = settings.destinations.find((item) => item.id === setup.destinationId);
  if (!destination) throw incomplete(setup, 'has no destination');
  const segments = setup.segments ?? [];
  if (segments.length === 0) throw incomplete(setup, 'has no segments');
  const signatures = new Set((setup.mappings ?? []).map((entry) => entry.signature));
  if (segments.some((segment) => !signatures.has(segment.signature))) {
    throw incomplete(setup, 'has a segment whose columns are not matched');
  }
  return { setup, destination };
}

function mappingsOf(setup: ExportSetupRecord) {
  return (setup.segments ?? []).flatMap((segment) => {
    const saved = (setup.mappings ?? []).find((entry) => entry.signature === segment.signature);
    return saved ? [saved.mapping] : [];
  });
}

/** Ortto, and some segment has no consent column: the person must say what Ortto may assume. */
export function needsEmailPermission({ setup, destination }: RunnableSetup): boolean {
  return (
    destination.service === 'ortto' &&
    mappingsOf(setup).some((mapping) => mapping.emailConsent === undefined)
  );
}

export function buildStatement(
  runnable: RunnableSetup,
  choice: AutomationTriggerChoice,
): AutomationStatement {
  const { setup, destination } = runnable;
  const fields = new Set(mappingsOf(setup).flatMap((mapping) => mappedFieldNames(mapping)));
  return {
    setupId: setup.id,
    setupName: setup.name,
    destination: {
      name: destination.displayName,
      endpoint: destination.endpoint,
      service: destination.service,
      ...(destination.region === undefined ? {} : { region: destination.region }),
    },
    fields: [...fields],
    lists: (setup.segments ?? []).map((segment) => ({
      segmentName: segment.segmentName,
      listName: setupListName(segment),
    })),
    mirror: setup.mirror ?? false,
    folder: choice.folder,
    schedule: choice.schedule,
    needsEmailPermission: needsEmailPermission(runnable),
  };
}

/** What the standing consent records: the statement as read, the terms in its language. */
export function consentStated(
  statement: AutomationStatement,
  input: { readonly language: TermsLanguage; readonly emailPermission?: EmailPermissionChoice },
  service: DestinationService,
  osUser: string,
): NewStandingConsent {
  return {
    setupId: statement.setupId,
    setupName: statement.setupName,
    osUser,
    destination: statement.destination,
    fields: statement.fields,
    lists: statement.lists,
    mirror: statement.mirror,
    folder: statement.folder,
    schedule: statement.schedule,
    ...(input.emailPermission === undefined ? {} : { emailPermission: input.emailPermission }),
    terms: consentTermsText(input.language, service),
    termsLanguage: input.language,
    termsVersion: consentTermsVersion,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** Whether a standing consent still states what the setup, as saved now, would do. */
export function consentCovers(consent: StandingConsent, runnable: RunnableSetup): boolean {
  const now = buildStatement(runnable, consent);
  const lists = (statement: { lists: StandingConsent['lists'] }) =>
    statement.lists.map((list) => `${list.segmentName}\u0000${list.listName}`);
  return (
    now.destination.endpoint === consent.destination.endpoint &&
    (now.destination.service ?? 'autopilot') === (consent.destination.service ?? 'autopilot') &&
    now.mirror === consent.mirror &&
    sameList([...now.fields].sort(), [...consent.fields].sort()) &&
    sameList(lists(now), lists(consent))
  );
}
