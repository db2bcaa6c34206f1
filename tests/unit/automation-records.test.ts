import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutomationRuns, automationRunsFile } from '../../core/automation/automation-runs';
import { StandingConsents, type NewStandingConsent } from '../../core/automation/standing-consents';
import { automationNotification } from '../../electron/services/automation-texts';
import type { AutomationRun } from '../../shared/model/automation';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-automation-records-');

const stated = (setupId: string): NewStandingConsent => ({
  setupId,
  setupName: 'Weekly newsletter',
  osUser: 'marta',
  destination: { name: 'Main', endpoint: 'http://127.0.0.1:1' },
  fields: ['Email'],
  lists: [{ segmentName: 'weekly', listName: 'Newsletter' }],
  mirror: false,
  folder: null,
  schedule: { every: 'day', at: '07:00' },
  terms: 'terms',
  termsLanguage: 'en',
  termsVersion: '2026-12',
});

const run = (index: number, overrides: Partial<AutomationRun> = {}): Omit<AutomationRun, 'id'> => ({
  setupId: 'weekly',
  setupName: 'Weekly newsletter',
  at: new Date(Date.UTC(2026, 5, 1, 0, index)).toISOString(),
  trigger: { kind: 'schedule', setupId: 'weekly', setupName: 'Weekly newsletter' },
  outcome: 'nothing-changed',
  jobId: null,
  code: null,
  message: `run ${index}`,
  ...overrides,
});

describe('standing consents', () => {
  it('one in force per setup: a new one revokes the old, revoking leaves none', async () => {
    let now = Date.parse('2026-06-01T08:00:00Z');
    const consents = new StandingConsents(dataFolder(), () => new Date(now));
    const first = await consents.record(stated('weekly'));
    await consents.record(stated('monthly'));
    now += 1_000;
    const second = await consents.record(stated('weekly'));
    expect(await consents.inForce('weekly')).toEqual(second);
    expect((await consents.byId(first.id))?.revokedAt).toBe('2026-06-01T08:00:01.000Z');

    now += 1_000;
    expect((await consents.revoke('weekly'))?.id).toBe(second.id);
    expect(await consents.inForce('weekly')).toBeNull();
    expect(await consents.revoke('weekly')).toBeNull();
    expect((await consents.inForce('monthly'))?.setupId).toBe('monthly');
  });

  it('a damaged record is an error, never "no consent" or "some consent"', async () => {
    const consents = new StandingConsents(dataFolder());
    await mkdir(path.join(dataFolder(), 'automation'), { recursive: true });
    await writeFile(path.join(dataFolder(), 'automation', 'standing-consents.json'), '{"versi');
    await expect(consents.inForce('weekly')).rejects.toThrow(/is damaged/);
  });
});

describe('automatic runs log', () => {
  it('keeps the newest 200, newest first', async () => {
    const runs = new AutomationRuns(dataFolder());
    for (let index = 0; index < 203; index += 1) await runs.record(run(index));
    const kept = await runs.list();
    expect(kept).toHaveLength(200);
    expect(kept[0]?.message).toBe('run 202');
    expect(kept.at(-1)?.message).toBe('run 3');
    expect(automationRunsFile(dataFolder())).toContain(path.join('automation', 'runs.json'));
  });
});

describe('the notification after a run', () => {
  const stopped = run(1, {
    outcome: 'stopped',
    code: 'guardrail-profile-count-fell',
    message:
      'The new file for "weekly" has 3 profiles, 40% fewer than the 5 of the last run, so nothing was sent.',
  });

  it('says the run in English with its own sentence', () => {
    expect(automationNotification({ id: '1', ...stopped }, 'en')).toEqual({
      title: 'Automatic export held back',
      body: stopped.message,
    });
  });

  it('words each guardrail in Catalan', () => {
    expect(automationNotification({ id: '1', ...stopped }, 'ca')).toEqual({
      title: 'Exportació automàtica retinguda',
      body: 'El fitxer nou de «Weekly newsletter» té més d’una cinquena part menys de perfils que l’última vegada, així que no s’ha enviat res.',
    });
    const failed = automationNotification(
      { id: '2', ...run(2, { outcome: 'failed', code: 'x' }) },
      'ca',
    );
    expect(failed.title).toBe('L’exportació automàtica no s’ha pogut fer');
  });
});
