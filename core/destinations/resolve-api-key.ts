/**
 * Where the command line's API key is (issue 15, item 2): the variable of the service
 * (`AUTOPILOT_API_KEY`, `ORTTO_API_KEY`) first, else the keychain entry of the destination named
 * with `--destination`, else, for a job the app created, the keychain entry of the job's
 * destination. Never from a command-line argument, which other users of the computer can read in
 * the process list. With both a variable and a name, the variable's key is used and the named
 * destination still supplies its kind, endpoint, region and request rate. The key itself is read
 * by the opener (core/destination-port/open-destination.ts).
 */
import {
  apiKeyVariables,
  environmentDestinationId,
  OpenDestinationError,
  type KeySource,
} from '../destination-port/open-destination';
import { serviceNames } from '../../shared/model/destination-service';
import { settingsFilePath } from '../settings/data-folder';
import { createJsonFileStore } from '../settings/json-file-store';
import { createSettingsRepository } from '../settings/settings-repository';
import type { DestinationRecord } from '../settings/settings-schema';
import type { DestinationService } from '../../shared/model/destination-service';
import { sameDisplayName } from './destination-rules';

export interface KeySourceOptions {
  readonly env: NodeJS.ProcessEnv;
  /** `--destination <display name>`: a destination saved in the app. */
  readonly destinationName?: string;
  /** The app's data folder (`--data-dir`, else defaultDataFolder()). */
  readonly dataFolder: string;
  /** `--service`, or the job's; absent: the named destination's kind, else Autopilot. */
  readonly service?: DestinationService;
  /** The job's saved destination id ("env" when it was pushed with the variable). */
  readonly jobDestinationId?: string;
}

export interface FoundKeySource {
  readonly key: KeySource;
  readonly service: DestinationService;
  /** What to say when no key is there, for the person at the terminal. */
  readonly noKey: string;
  /** The destination named with `--destination`. */
  readonly saved?: DestinationRecord;
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

async function savedDestination(dataFolder: string, name: string): Promise<DestinationRecord> {
  const settings = await createSettingsRepository(
    createJsonFileStore(settingsFilePath(dataFolder)),
  ).read();
  const found = settings.destinations.find((item) => sameDisplayName(item.displayName, name));
  if (found) return found;
  const known = settings.destinations.map((item) => item.displayName);
  throw new OpenDestinationError(
    'not-found',
    known.length === 0
      ? `There is no destination called "${name}": no destinations are saved in ${dataFolder}. Add one in the Segment Courier app first.`
      : `There is no destination called "${name}" in ${dataFolder}. Saved destinations: ${quoteList(known)}.`,
  );
}

function withoutName(options: KeySourceOptions): FoundKeySource {
  const service = options.service ?? 'autopilot';
  const variable = apiKeyVariables[service];
  const noKey = `No API key. Set the ${variable} environment variable, or name a destination saved in the Segment Courier app with --destination "<display name>".`;
  if (options.env[variable]?.trim()) return { key: { environment: options.env }, service, noKey };
  const job = options.jobDestinationId;
  if (!job || job === environmentDestinationId) throw new OpenDestinationError('no-key', noKey);
  const describedAs = 'your keychain for the destination of this job';
  return { key: { keychainOf: job, describedAs }, service, noKey };
}

export async function findKeySource(options: KeySourceOptions): Promise<FoundKeySource> {
  const name = options.destinationName?.trim();
  if (!name) return withoutName(options);
  const saved = await savedDestination(options.dataFolder, name);
  const { service } = saved;
  if (options.service !== undefined && options.service !== service) {
    throw new OpenDestinationError(
      'other-service',
      `The destination "${saved.displayName}" is an ${serviceNames[service]} account, not ${serviceNames[options.service]}. Nothing was sent. Leave out --service, or give --service ${service}.`,
    );
  }
  const variable = apiKeyVariables[service];
  const noKey = `The destination "${saved.displayName}" has no API key in your keychain. Open Segment Courier, go to Destinations and use Replace key, or set ${variable}.`;
  const key: KeySource = options.env[variable]?.trim()
    ? { environment: options.env }
    : {
        keychainOf: saved.id,
        describedAs: `your keychain for the destination "${saved.displayName}"`,
      };
  return { key, service, noKey, saved };
}
