import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli';
import { runSavedSetup } from '../../core/automation/run-saved-setup';
import { standingConsentsFile } from '../../core/automation/standing-consents';
import { readJobManifest } from '../../core/jobs/job-store';
import { systemClock, type Clock } from '../../core/upload/clock';
import { emulatorTestKey } from '../../emulator/server';
import { automationErrorCodes } from '../../shared/model/automation';
import { consentTermsText } from '../../shared/model/consent-terms';
import { people, useAutomationWorld } from '../support/automation-world';

// Standing consents and schedules over the real data folder, keychain and emulator; the
// schedule's time comes from an injected clock, so "two days later" takes no time.

let now = Date.parse('2026-06-10T06:00:00Z');
const clock: Clock = { now: () => now, sleep: (ms, signal) => systemClock.sleep(ms, signal) };
const scene = useAutomationWorld(() => {
  now = Date.parse('2026-06-10T06:00:00Z');
  return { clock, timeZone: 'UTC' };
});

async function cli(...args: string[]) {
  let stdout = '';
  const out = new PassThrough().on('data', (chunk) => (stdout += String(chunk)));
  const env = { AUTOPILOT_API_KEY: emulatorTestKey, HOME: scene.world.filesFolder };
  const code = await runCli([...args, '--data-dir', scene.world.dataFolder], {
    stdout: out,
    stderr: new PassThrough(),
    env,
  });
  return { code, stdout };
}

const daily = { every: 'day', at: '07:00' } as const;

describe('standing consent', () => {
  it('turning on records it in the language read; turning off revokes it for good', async () => {
    const setupId = await scene.world.saveSetup(people('anna', 'bob'));
    const on = await scene.world.automation.enable({
      setupId,
      folder: null,
      schedule: daily,
      language: 'ca',
    });
    expect(on.standingConsent).toMatchObject({
      setupId,
      setupName: 'Weekly newsletter',
      lists: [{ listName: 'Newsletter' }],
      mirror: false,
      schedule: daily,
      folder: null,
      terms: consentTermsText('ca', 'autopilot'),
      termsLanguage: 'ca',
      revokedAt: null,
    });
    expect(on.nextRunAt).toBe('2026-06-10T07:00:00.000Z');
    const consent = on.standingConsent;
    if (!consent) throw new Error('no consent');

    now += 60_000;
    const off = await scene.world.automation.disable(setupId);
    expect(off).toMatchObject({ enabled: false, standingConsent: null, nextRunAt: null });
    const record = JSON.parse(await readFile(standingConsentsFile(scene.world.dataFolder), 'utf8'));
    expect(record.consents).toEqual([{ ...consent, revokedAt: new Date(now).toISOString() }]);
    const settings = await scene.world.settings.read();
    expect(settings.exportSetups[0]?.automation).toMatchObject({
      enabled: false,
      standingConsentId: null,
    });

    // The revoked consent itself can never be used again, not even handed to the run chain.
    const refused = await runSavedSetup({
      dataFolder: scene.world.dataFolder,
      settings: scene.world.settings,
      setup: { id: setupId },
      consent: { kind: 'standing', consent: record.consents[0] },
      openTarget: () => Promise.reject(new Error('must not open the destination')),
      trigger: { kind: 'schedule' },
    });
    expect(refused).toMatchObject({ kind: 'failed', code: 'standing-consent-revoked' });
    // Without it the command line only says what it would send.
    const dry = await cli('run-setup', 'Weekly newsletter');
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain('Nothing was sent');
    expect(scene.emulator.requests).toHaveLength(0);
  }, 30_000);

  it('run-setup without --consent runs under the standing consent while the automation is on', async () => {
    const setupId = await scene.world.saveSetup(people('anna', 'bob'));
    const on = await scene.world.automation.enable({
      setupId,
      folder: null,
      schedule: daily,
      language: 'en',
    });
    const result = await cli('run-setup', 'Weekly newsletter', '--json');
    expect(result.code).toBe(0);
    const { jobId } = JSON.parse(result.stdout) as { jobId: string };
    const job = await readJobManifest(scene.world.dataFolder, jobId);
    expect(job.trigger).toMatchObject({
      kind: 'command-line',
      setupId,
      standingConsentId: on.standingConsent?.id,
    });
    expect(job.consent.standingConsent?.id).toBe(on.standingConsent?.id);
    expect(job.consent.terms).toBe(consentTermsText('en', 'autopilot'));
  }, 30_000);

  it('a setup saved again with other choices is not covered by the consent given before', async () => {
    const setupId = await scene.world.saveSetup(people('anna', 'bob'));
    await scene.world.automation.enable({ setupId, folder: null, schedule: daily, language: 'en' });
    // Saved again on the Export screen, now keeping the list in step (mirror).
    await scene.world.settings.update((current) => ({
      ...current,
      exportSetups: current.exportSetups.map((setup) => ({ ...setup, mirror: true })),
    }));
    const result = await cli('run-setup', 'Weekly newsletter', '--json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { code: 'standing-consent-outdated' },
    });
    expect(scene.emulator.requests).toHaveLength(0);
  }, 30_000);

  it('is refused without a folder or a schedule, or with a folder that is not there', async () => {
    const setupId = await scene.world.saveSetup(people('anna'));
    const enable = (folder: string | null) =>
      scene.world.automation.enable({ setupId, folder, schedule: null, language: 'en' });
    await expect(enable(null)).rejects.toMatchObject({ code: automationErrorCodes.noTrigger });
    await expect(enable(path.join(scene.world.watched, 'gone'))).rejects.toMatchObject({
      code: automationErrorCodes.folderMissing,
    });
    expect(scene.world.automation.anyEnabled()).toBe(false);
  });
});

describe('schedule', () => {
  it('slots missed while the app was closed run once at start, then not again', async () => {
    const setupId = await scene.world.saveSetup(people('anna', 'bob'));
    await scene.world.automation.enable({ setupId, folder: null, schedule: daily, language: 'en' });
    expect(scene.world.automation.anyEnabled()).toBe(true);

    // Closed for two days: the 07:00 slots of the 10th, 11th and 12th went by.
    now = Date.parse('2026-06-12T09:30:00Z');
    const ran = scene.world.nextRun();
    await scene.world.restart({ clock, timeZone: 'UTC' });
    const run = await ran;
    expect(run).toMatchObject({ outcome: 'sent', trigger: { kind: 'schedule', schedule: daily } });
    await scene.world.runs.get(run.jobId as string);
    expect(scene.emulator.contactsInList('Newsletter')).toHaveLength(2);

    await scene.world.automation.checkNow();
    expect(await scene.world.automation.runs()).toHaveLength(1);
    const settings = await scene.world.settings.read();
    expect(settings.exportSetups[0]?.automation?.lastScheduledRunAt).toBe(
      '2026-06-12T09:30:00.000Z',
    );
    const [view] = await scene.world.automation.list();
    expect(view?.nextRunAt).toBe('2026-06-13T07:00:00.000Z');
  }, 30_000);
});
