import { describe, expect, it } from 'vitest';
import { AutomationService } from '../../core/automation/automation-service';
import type { SetupTargetOpener } from '../../core/automation/run-saved-setup';
import { createSavedDestinationOpener } from '../../core/exports/open-destination';
import { savedSetupTarget } from '../../core/exports/setup-target';
import type { AutomationRun } from '../../shared/model/automation';
import { secrets } from '../support/exports-fixture';
import { people, useAutomationWorld } from '../support/automation-world';

// One run per setup at a time: a second export arriving while a run is on waits for it, then
// runs. The first run is held at the destination's door until the second export is taken.

const scene = useAutomationWorld();

function gatedOpener(open: SetupTargetOpener) {
  let inside = 0;
  let most = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered: () => void = () => undefined;
  const firstEntered = new Promise<void>((resolve) => (entered = resolve));
  const opener: SetupTargetOpener = async (record, needs) => {
    inside += 1;
    most = Math.max(most, inside);
    entered();
    try {
      await gate;
      return await open(record, needs);
    } finally {
      inside -= 1;
    }
  };
  return { opener, release, firstEntered, most: () => most };
}

describe('one run per setup at a time', () => {
  it('an export arriving during a run waits its turn and then runs', async () => {
    const { world } = scene;
    const setupId = await world.saveSetup(people('anna', 'bob'));
    const opened = createSavedDestinationOpener({
      settings: world.settings,
      secrets,
      timeoutMs: 5_000,
    });
    const gated = gatedOpener(savedSetupTarget(opened, 5_000));
    const runs: AutomationRun[] = [];
    const errors: string[] = [];
    const service = new AutomationService({
      dataFolder: world.dataFolder,
      settings: world.settings,
      openTarget: gated.opener,
      startJob: (jobId) => world.startJob(jobId),
      osUser: () => 'marta',
      timings: { debounceMs: 100, stableForMs: 300 },
      logError: (error) => errors.push(String(error)),
    });
    const bothRan = new Promise<void>((resolve) => {
      service.onRun((run) => {
        runs.push(run);
        if (runs.length === 2) resolve();
      });
    });
    try {
      await service.enable({ setupId, folder: world.watched, schedule: null, language: 'en' });
      await world.writeExport(world.watched, 'Contact/2026/06/10/0800', people('anna', 'bob'));
      await gated.firstEntered;
      // A run is on: the view says so, and the next export comes in while it waits.
      expect((await service.list())[0]?.running).toBe(true);
      const secondTaken = settledAgain(service);
      await world.writeExport(
        world.watched,
        'Contact/2026/06/17/0800',
        people('anna', 'bob', 'carla'),
      );
      await secondTaken;
      // Still one run inside: the second waits for the first.
      expect(runs).toHaveLength(0);
      gated.release();
      await bothRan;
    } finally {
      await service.dispose();
    }
    expect(gated.most()).toBe(1);
    expect(runs.map((run) => run.outcome)).toEqual(['sent', 'sent']);
    expect(runs.map((run) => run.trigger.exportPath)).toEqual([
      'CustomerInsights_9f/Weekly',
      'CustomerInsights_9f/Weekly',
    ]);
    expect(errors).toEqual([]);
  }, 30_000);
});

/**
 * Resolves once the folder watcher has seen a new export settling and then stop waiting for it:
 * by then the export is taken (the ledger records it before the watcher reports the look).
 */
function settledAgain(service: AutomationService): Promise<void> {
  let sawWaiting = false;
  return new Promise((resolve) => {
    const stop = service.onChanged((view) => {
      if (view.waiting !== null) sawWaiting = true;
      else if (sawWaiting) {
        stop();
        resolve();
      }
    });
  });
}
