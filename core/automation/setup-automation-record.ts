/**
 * Writes one saved setup's automation (on/off, trigger, standing consent, last scheduled run) into
 * the settings file, leaving every other setup as it was.
 */
import type { SettingsRepository } from '../settings/settings-repository';
import type { ExportSetupRecord } from '../settings/settings-schema';
import type { SetupAutomation } from '../../shared/model/automation';
import { runnableOrGone } from './automation-checks';

/** The setup as saved; refused when it was deleted meanwhile. */
export async function saveSetupAutomation(
  settings: SettingsRepository,
  setupId: string,
  change: (current: ExportSetupRecord['automation']) => SetupAutomation,
): Promise<ExportSetupRecord> {
  const saved = await settings.update((current) => ({
    ...current,
    exportSetups: current.exportSetups.map((setup) =>
      setup.id === setupId ? { ...setup, automation: change(setup.automation) } : setup,
    ),
  }));
  return runnableOrGone(saved, setupId);
}
