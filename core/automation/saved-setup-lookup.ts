/**
 * Finds a saved setup and the destination it sends to, by id (the app) or by name as a person
 * types it (`run-setup "Weekly newsletter"`: case and runs of spaces do not matter).
 */
import type { SettingsRepository } from '../settings/settings-repository';
import type { DestinationRecord, ExportSetupRecord } from '../settings/settings-schema';
import { SetupRunError } from './setup-segments';

export type SetupWanted = { readonly id: string } | { readonly name: string };

export interface FoundSetup {
  readonly setup: ExportSetupRecord;
  readonly destination: DestinationRecord;
}

const folded = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

function matches(wanted: SetupWanted, setup: ExportSetupRecord): boolean {
  return 'id' in wanted ? setup.id === wanted.id : folded(setup.name) === folded(wanted.name);
}

function notFound(wanted: SetupWanted, known: readonly string[], where: string): SetupRunError {
  if ('id' in wanted) {
    return new SetupRunError(
      'This setup no longer exists: it may have been deleted.',
      'setup-not-found',
    );
  }
  return new SetupRunError(
    known.length === 0
      ? `There is no saved setup called "${wanted.name}": no setups are saved in ${where}. Save one on the Export screen first.`
      : `There is no saved setup called "${wanted.name}". Saved setups: ${known.map((item) => `"${item}"`).join(', ')}.`,
    'setup-not-found',
  );
}

/** The setup and its destination; a sentence (SetupRunError) when either is not there. */
export async function findSavedSetup(
  settings: SettingsRepository,
  wanted: SetupWanted,
  where: string,
): Promise<FoundSetup> {
  const current = await settings.read();
  const setup = current.exportSetups.find((candidate) => matches(wanted, candidate));
  if (!setup) {
    throw notFound(
      wanted,
      current.exportSetups.map((candidate) => candidate.name),
      where,
    );
  }
  const destination = current.destinations.find((item) => item.id === setup.destinationId);
  if (!destination) {
    throw new SetupRunError(
      `The setup "${setup.name}" has no destination (it may have been deleted). Open the setup in the app and choose one.`,
      'setup-destination-missing',
    );
  }
  return { setup, destination };
}
