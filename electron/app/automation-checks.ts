/**
 * The little the app's shell needs from the automation service (core/automation/
 * automation-service.ts): whether any automation is on, a way to run what is due now, and a word
 * when that changes. The tray (background-mode.ts) and the wake checks below are written against
 * this, so they are tested without the service.
 */
export interface BackgroundAutomations {
  anyEnabled(): boolean;
  /** Runs what is due: a schedule missed while asleep, an export that arrived meanwhile. */
  checkNow(): Promise<void>;
  /** Called when an automation is turned on or off; returns the unsubscribe. */
  onChanged(listener: () => void): () => void;
}

/** Before the services have started: nothing is on, so the app behaves as it always has. */
export const noAutomations: BackgroundAutomations = {
  anyEnabled: () => false,
  checkNow: async () => undefined,
  onChanged: () => () => undefined,
};

/**
 * The automation service of the host services once they have started, else none. The one place
 * main.ts reads it (the boot tests put a stand-in automation service here).
 */
export function automationsIn(
  services: { readonly automation?: BackgroundAutomations } | null,
): BackgroundAutomations {
  return services?.automation ?? noAutomations;
}

/**
 * One check at a time: waking fires 'resume' and then 'unlock-screen', and the tray's "check now"
 * may be clicked while one runs; a call while a check runs shares it. Failures are logged, never
 * thrown: the service tells the person about each run itself.
 */
export function coalescedChecks(
  automations: () => BackgroundAutomations,
  logError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => {
    running ??= automations()
      .checkNow()
      .catch((error: unknown) => {
        logError(error);
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
}

/** Electron's powerMonitor as far as the wake checks use it. */
interface WakeEvents {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

/**
 * A schedule whose time passed while the computer slept runs when it wakes (issue 18, item 4):
 * 'resume' after sleep, 'unlock-screen' for machines that lock rather than sleep (and where
 * 'resume' is not reported). Returns the function that stops listening.
 */
export function checkOnWake(power: WakeEvents, check: () => Promise<void>): () => void {
  const listener = () => void check();
  power.on('resume', listener);
  power.on('unlock-screen', listener);
  return () => {
    power.removeListener('resume', listener);
    power.removeListener('unlock-screen', listener);
  };
}
