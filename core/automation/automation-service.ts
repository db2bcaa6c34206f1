/**
 * Automatic exports in the app (issue 18): turns a saved setup's automation on (with a standing
 * consent) and off (revoking it), keeps each one listening (setup-watch.ts), runs it through the
 * one run chain, and tells whoever listens after every change. Plain TypeScript over the data
 * folder, the settings repository and an injected clock: no Electron.
 *
 * One run per setup at a time: a trigger that comes during a run waits its turn and then runs
 * (an export that arrived is never dropped, since the ledger already counts it as taken).
 */
import type { SettingsRepository } from '../settings/settings-repository';
import type { ExportSetupRecord, Settings } from '../settings/settings-schema';
import { systemClock, type Clock } from '../upload/clock';
import {
  automationErrorCodes,
  type AutomationRun,
  type AutomationStatement,
  type AutomationView,
} from '../../shared/model/automation';
import { AutomationError } from './automation-error';
import { runAutomation } from './automation-run';
import { AutomationRuns } from './automation-runs';
import {
  buildStatement,
  consentStated,
  runnableSetup,
  type AutomationTriggerChoice,
  type EnableAutomation,
} from './automation-statement';
import type { SetupTargetOpener } from './run-saved-setup';
import { automationView } from './automation-view';
import { localTimeZone } from './zoned-time';
import { checkEnable, runnableOrGone } from './automation-checks';
import {
  startSetupWatch,
  type RunRequest,
  type SetupWatch,
  type WatchTimings,
} from './setup-watch';
import { saveSetupAutomation } from './setup-automation-record';
import { StandingConsents } from './standing-consents';
import { TakenExports } from './taken-exports';

export interface AutomationServiceOptions {
  readonly dataFolder: string;
  readonly settings: SettingsRepository;
  readonly openTarget: SetupTargetOpener;
  readonly startJob: (jobId: string) => Promise<void>;
  readonly osUser: () => string;
  readonly clock?: Clock;
  /** The computer's zone, for "every day at 07:30". */
  readonly timeZone?: string;
  readonly timings?: WatchTimings;
  readonly logError?: (error: unknown) => void;
}

interface Live {
  readonly watch: SetupWatch;
  waiting: string | null;
}

export class AutomationService {
  readonly #options: AutomationServiceOptions;
  readonly #clock: Clock;
  readonly #timeZone: string;
  readonly #consents: StandingConsents;
  readonly #runs: AutomationRuns;
  readonly #taken: TakenExports;
  readonly #live = new Map<string, Live>();
  /** Each setup's run chain: a trigger during a run waits for it. */
  readonly #turns = new Map<string, Promise<unknown>>();
  readonly #running = new Set<string>();
  readonly #changeListeners = new Set<(view: AutomationView) => void>();
  readonly #runListeners = new Set<(run: AutomationRun) => void>();

  constructor(options: AutomationServiceOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#timeZone = options.timeZone ?? localTimeZone();
    this.#consents = new StandingConsents(options.dataFolder, this.#now);
    this.#runs = new AutomationRuns(options.dataFolder);
    this.#taken = new TakenExports(options.dataFolder);
  }

  /** Every saved setup's automation, on or off. */
  async list(): Promise<AutomationView[]> {
    const settings = await this.#options.settings.read();
    const runs = await this.#runs.list();
    return Promise.all(settings.exportSetups.map((setup) => this.#viewOf(setup, runs, settings)));
  }

  async statement(choice: AutomationTriggerChoice): Promise<AutomationStatement> {
    const runnable = runnableSetup(await this.#options.settings.read(), choice.setupId);
    return buildStatement(runnable, choice);
  }

  async enable(input: EnableAutomation): Promise<AutomationView> {
    const runnable = runnableSetup(await this.#options.settings.read(), input.setupId);
    await checkEnable(runnable, input);
    if (this.#running.has(input.setupId)) {
      throw new AutomationError(
        automationErrorCodes.busy,
        `"${runnable.setup.name}" is running now. Try again when this run has ended.`,
      );
    }
    await this.#stopWatching(input.setupId);
    const consent = await this.#consents.record(
      consentStated(
        buildStatement(runnable, input),
        input,
        runnable.destination.service,
        this.#options.osUser(),
      ),
    );
    const setup = await saveSetupAutomation(this.#options.settings, input.setupId, () => ({
      enabled: true,
      folder: input.folder,
      schedule: input.schedule,
      standingConsentId: consent.id,
      ...(input.emailPermission === undefined ? {} : { emailPermission: input.emailPermission }),
      enabledAt: consent.confirmedAt,
    }));
    await this.#startWatching(setup, true);
    return this.#changed(input.setupId);
  }

  /** Stops listening and revokes the consent; a run going on finishes. */
  async disable(setupId: string): Promise<AutomationView> {
    runnableOrGone(await this.#options.settings.read(), setupId);
    await this.#stopWatching(setupId);
    await this.#consents.revoke(setupId);
    await saveSetupAutomation(this.#options.settings, setupId, (current) => ({
      enabled: false,
      folder: current?.folder ?? null,
      schedule: current?.schedule ?? null,
      standingConsentId: null,
      ...(current?.lastScheduledRunAt ? { lastScheduledRunAt: current.lastScheduledRunAt } : {}),
    }));
    return this.#changed(setupId);
  }

  runs(): Promise<AutomationRun[]> {
    return this.#runs.list();
  }

  /** At app start: every enabled setup listens again; a schedule slot missed meanwhile runs. */
  async start(): Promise<void> {
    // A damaged settings file is the screens' to say; the app still starts without automations.
    const settings = await this.#options.settings.read().catch((error: unknown) => {
      this.#logError(error);
      return null;
    });
    if (!settings) return;
    // Side by side: one slow folder (a network drive's first look) does not hold up the others.
    const enabled = settings.exportSetups.filter((setup) => setup.automation?.enabled);
    await Promise.all(enabled.map((setup) => this.#startWatching(setup, false)));
  }

  /** The system's resume event: schedule slots missed while asleep run now. */
  async checkNow(): Promise<void> {
    await Promise.all([...this.#live.values()].map((live) => live.watch.checkNow()));
  }

  anyEnabled(): boolean {
    return this.#live.size > 0;
  }

  onChanged(listener: (view: AutomationView) => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /** Every run's outcome, as recorded (for the OS notification). */
  onRun(listener: (run: AutomationRun) => void): () => void {
    this.#runListeners.add(listener);
    return () => this.#runListeners.delete(listener);
  }

  /** Stops every watcher and waits for the runs going on. */
  async dispose(): Promise<void> {
    await Promise.all([...this.#live.keys()].map((setupId) => this.#stopWatching(setupId)));
    await Promise.allSettled(this.#turns.values());
  }

  /** Resolves once the setup's folder watcher has had its first look (tests, the screen). */
  async ready(setupId: string): Promise<void> {
    await this.#live.get(setupId)?.watch.ready;
  }

  async #startWatching(setup: ExportSetupRecord, adoptPresent: boolean): Promise<void> {
    const automation = setup.automation;
    if (!automation) return;
    const live: Live = {
      waiting: null,
      watch: startSetupWatch({
        setupId: setup.id,
        automation,
        taken: this.#taken,
        clock: this.#clock,
        timeZone: this.#timeZone,
        adoptPresent,
        ...(this.#options.timings ? { timings: this.#options.timings } : {}),
        run: (request) => this.#run(setup.id, request),
        recordScheduledRun: async (startedAt) => {
          await saveSetupAutomation(this.#options.settings, setup.id, (current) => ({
            ...(current ?? automation),
            lastScheduledRunAt: new Date(startedAt).toISOString(),
          }));
        },
        onWaiting: (waiting) => {
          if (live.waiting === waiting) return;
          live.waiting = waiting;
          void this.#changed(setup.id).catch(this.#logError);
        },
        onError: this.#logError,
      }),
    };
    this.#live.set(setup.id, live);
    await live.watch.ready.catch(this.#logError);
  }

  async #stopWatching(setupId: string): Promise<void> {
    const live = this.#live.get(setupId);
    this.#live.delete(setupId);
    await live?.watch.close();
  }

  /** Runs after the setup's run going on, if any; records and tells the outcome. */
  #run(setupId: string, request: RunRequest): Promise<void> {
    const previous = this.#turns.get(setupId) ?? Promise.resolve();
    const turn = previous
      .catch(() => undefined)
      .then(() => this.#runNow(setupId, request))
      .finally(() => {
        if (this.#turns.get(setupId) === turn) this.#turns.delete(setupId);
      });
    this.#turns.set(setupId, turn);
    return turn;
  }

  async #runNow(setupId: string, request: RunRequest): Promise<void> {
    const settings = await this.#options.settings.read();
    const setup = settings.exportSetups.find((candidate) => candidate.id === setupId);
    if (!setup) {
      // Deleted on the Export screen: its automation ends with it. Not awaited: the schedule's
      // watch waits for this very run before it can stop.
      void this.#stopWatching(setupId).catch(this.#logError);
      await this.#consents.revoke(setupId);
      return;
    }
    // Turned off while this trigger waited: nothing runs without the consent.
    if (!setup.automation?.enabled) return;
    this.#running.add(setupId);
    await this.#changed(setupId).catch(this.#logError);
    try {
      const run = await runAutomation(
        { ...this.#options, consents: this.#consents, runs: this.#runs, now: this.#now },
        setup,
        request,
      );
      for (const listener of this.#runListeners) listener(run);
    } finally {
      this.#running.delete(setupId);
      await this.#changed(setupId).catch(this.#logError);
    }
  }

  readonly #now = (): Date => new Date(this.#clock.now());

  readonly #logError = (error: unknown): void => {
    (this.#options.logError ?? ((value) => console.error('[automation]', value)))(error);
  };

  #viewOf(setup: ExportSetupRecord, runs: readonly AutomationRun[], settings: Settings) {
    const live = this.#live.get(setup.id);
    return automationView(setup, {
      settings,
      runs,
      consents: this.#consents,
      now: this.#clock.now(),
      timeZone: this.#timeZone,
      waiting: live?.waiting ?? null,
      running: this.#running.has(setup.id),
    });
  }

  async #changed(setupId: string): Promise<AutomationView> {
    const settings = await this.#options.settings.read();
    const setup = runnableOrGone(settings, setupId);
    const view = await this.#viewOf(setup, await this.#runs.list(), settings);
    for (const listener of this.#changeListeners) listener(view);
    return view;
  }
}
