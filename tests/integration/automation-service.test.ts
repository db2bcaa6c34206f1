import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerSignature } from '../../core/exports/header-signature';
import { emulatorTestKey } from '../../emulator/server';
import { readJobManifest } from '../../core/jobs/job-store';
import {
  mapping,
  people,
  useAutomationWorld,
  type AutomationWorld,
} from '../support/automation-world';

// The automation service as the host makes it, over a real data folder, a real chokidar watcher
// on a real folder, the keychain and the emulator over 127.0.0.1. Every step waits for the
// service's own event (a run recorded), never for a fixed time.

const scene = useAutomationWorld();

const contactsSent = () =>
  scene.emulator.requests.reduce((sum, request) => sum + request.contactCount, 0);

const emails = (list: string) =>
  scene.emulator
    .contactsInList(list)
    .map((contact) => contact.Email)
    .sort();

async function turnOn(setupId: string) {
  return scene.world.automation.enable({
    setupId,
    folder: scene.world.watched,
    schedule: null,
    language: 'en',
  });
}

/** Writes an export into the watched folder and waits for the run it sets off, and its job. */
async function arrive(run: string, persons: Parameters<AutomationWorld['writeExport']>[2]) {
  const ran = scene.world.nextRun();
  await scene.world.writeExport(scene.world.watched, run, persons);
  const outcome = await ran;
  if (outcome.jobId) await scene.world.runs.get(outcome.jobId);
  return outcome;
}

describe('automatic exports from a watched folder', () => {
  it('a Customer Insights export written part by part runs once and sends only what changed', async () => {
    const setupId = await scene.world.saveSetup(people('anna', 'bob', 'carla'));
    const view = await turnOn(setupId);
    expect(view).toMatchObject({ enabled: true, folder: scene.world.watched });
    expect(view.standingConsent).toMatchObject({ setupId, revokedAt: null, termsLanguage: 'en' });

    const first = await arrive('Contact/2026/06/10/0800', people('anna', 'bob', 'carla'));
    expect(first).toMatchObject({ outcome: 'sent', trigger: { kind: 'folder' } });
    expect(emails('Newsletter')).toEqual([
      'anna@example.com',
      'bob@example.com',
      'carla@example.com',
    ]);
    expect(contactsSent()).toBe(3);
    const job = await readJobManifest(scene.world.dataFolder, first.jobId as string);
    expect(job.trigger).toMatchObject({
      kind: 'folder',
      setupId,
      standingConsentId: view.standingConsent?.id,
    });
    expect(job.consent.standingConsent).toEqual({
      id: view.standingConsent?.id,
      confirmedAt: view.standingConsent?.confirmedAt,
    });

    // Next week: Bob's first name changed and Dan joined; Anna and Carla are as they were.
    scene.emulator.clearRecords();
    const second = await arrive('Contact/2026/06/17/0800', [
      ['anna', 'Anna'],
      ['bob', 'Robert'],
      ['carla', 'Carla'],
      ['dan', 'Dan'],
    ]);
    expect(second.outcome).toBe('sent');
    expect(contactsSent()).toBe(2);
    expect(scene.emulator.contact('bob@example.com')?.FirstName).toBe('Robert');
    expect(emails('Newsletter')).toContain('dan@example.com');

    // A look on wake finds nothing new: each export is taken once.
    await scene.world.automation.checkNow();
    const runs = await scene.world.automation.runs();
    expect(runs.map((run) => run.outcome)).toEqual(['sent', 'sent']);
    expect(scene.world.notifications.map((note) => note.title)).toEqual([
      'Automatic export started',
      'Automatic export started',
    ]);
    expect(scene.world.changes.some((change) => change.running)).toBe(true);
  }, 40_000);

  it("a plain CSV file arriving in the folder is the setup's new file", async () => {
    const { world } = scene;
    const destinationId = await world.addDestination('Main', emulatorTestKey);
    const segment = await world.importFile(
      'weekly.csv',
      'PrimaryEmail,FirstName\r\nanna@example.com,Anna\r\n',
    );
    const setup = await world.exports.saveSetup({
      name: 'Weekly newsletter',
      destinationId,
      segments: [{ segmentId: segment.id, list: { kind: 'existing', name: 'Plain weekly' } }],
      mappings: [{ signature: headerSignature(segment.columns), mapping }],
    });
    await turnOn(setup.id);
    const ran = world.nextRun();
    await writeFile(
      path.join(world.watched, 'week 24.csv'),
      'PrimaryEmail,FirstName\r\nanna@example.com,Anna\r\nbiel@example.com,Biel\r\n',
    );
    const outcome = await ran;
    expect(outcome).toMatchObject({
      outcome: 'sent',
      trigger: { kind: 'folder', exportPath: 'week 24.csv' },
    });
    await world.runs.get(outcome.jobId as string);
    expect(emails('Plain weekly')).toEqual(['anna@example.com', 'biel@example.com']);
  }, 30_000);

  it('an export already in the folder when it is turned on is not taken', async () => {
    const setupId = await scene.world.saveSetup(people('anna', 'bob'));
    await scene.world.writeExport(
      scene.world.watched,
      'Contact/2026/06/10/0800',
      people('anna', 'bob'),
    );
    await turnOn(setupId);
    // The next export is the first run: nothing ran for the one adopted.
    const outcome = await arrive('Contact/2026/06/17/0800', people('anna', 'bob', 'carla'));
    expect(outcome.outcome).toBe('sent');
    expect(await scene.world.automation.runs()).toHaveLength(1);
  }, 30_000);
});

describe('guardrails stop an automatic run and send nothing', () => {
  /** Requests that send or change something; a stop may only have read the account's lists. */
  const writes = () => scene.emulator.requests.filter((request) => request.method !== 'GET').length;

  async function stoppedBy(
    persons: Parameters<AutomationWorld['writeExport']>[2],
    columns?: readonly string[],
    { readsTheLists = false } = {},
  ) {
    const before = scene.emulator.requests.length;
    const writesBefore = writes();
    const ran = scene.world.nextRun();
    await scene.world.writeExport(scene.world.watched, 'Contact/2026/06/17/0800', persons, columns);
    const outcome = await ran;
    expect(outcome.outcome).toBe('stopped');
    expect(outcome.jobId).toBeNull();
    if (readsTheLists) expect(writes()).toBe(writesBefore);
    else expect(scene.emulator.requests.length).toBe(before);
    expect(scene.world.notifications.at(-1)?.title).toBe('Automatic export held back');
    expect(scene.world.notifications.at(-1)?.body).toBe(outcome.message);
    expect((await scene.world.automation.runs())[0]).toEqual(outcome);
    return outcome;
  }

  it('the email column gone', async () => {
    const setupId = await scene.world.saveSetup(people('anna', 'bob'));
    await turnOn(setupId);
    await arrive('Contact/2026/06/10/0800', people('anna', 'bob'));
    const outcome = await stoppedBy(people('anna', 'bob'), ['CustomerId', 'Mail', 'FirstName']);
    expect(outcome.code).toBe('guardrail-email-column-lost');
    expect(outcome.message).toContain('has no "PrimaryEmail" column');
  }, 30_000);

  it('the profile count down by more than a fifth', async () => {
    const team = people('anna', 'bob', 'carla', 'dan', 'eva');
    const setupId = await scene.world.saveSetup(team);
    await turnOn(setupId);
    await arrive('Contact/2026/06/10/0800', team);
    const outcome = await stoppedBy(team.slice(0, 3));
    expect(outcome.code).toBe('guardrail-profile-count-fell');
    expect(outcome.message).toContain('3 profiles, 40% fewer than the 5 of the last run');
  }, 30_000);

  it('a mirror taking more than a fifth of the list off', async () => {
    const team = people(
      'anna',
      'bob',
      'carla',
      'dan',
      'eva',
      'fran',
      'gil',
      'hugo',
      'ines',
      'joan',
    );
    const setupId = await scene.world.saveSetup(team, { mirror: true });
    await turnOn(setupId);
    await arrive('Contact/2026/06/10/0800', team);
    // Three left and three others joined: the same count, three of ten off the list.
    // The list's ledger is found through the account's lists: that read is all it asks.
    const outcome = await stoppedBy([...team.slice(3), ...people('kim', 'lea', 'max')], undefined, {
      readsTheLists: true,
    });
    expect(outcome.code).toBe('guardrail-too-many-removals');
    expect(outcome.message).toContain('take 3 of the 10 contacts off the list "Newsletter"');
  }, 30_000);
});
