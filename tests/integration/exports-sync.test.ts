import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readJobManifest } from '../../core/jobs/job-store';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { forgetKeys, openExportsWorld, type ExportsWorld } from '../support/exports-fixture';

// The Export screen's side of a sync (issue 13) through the real exports service: the plan's
// changes per segment, the mass-removal question enforced in main, and the sync choices and
// counts recorded with the job and its consent receipt.

const mapping: FieldMapping = { email: 'Email', standard: { FirstName: 'Name' }, custom: [] };
const file = (count: number, renamed = -1) =>
  [
    'Email,Name',
    ...Array.from(
      { length: count },
      (_, i) => `p${i}@x.cat,${i === renamed ? 'Renamed' : `N${i}`}`,
    ),
  ].join('\n');

let emulator: RunningEmulator;
let world: ExportsWorld;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
  await forgetKeys();
});
beforeEach(async () => {
  world = await openExportsWorld(emulator);
});
afterEach(async () => {
  await world.close();
});

describe('exports: plan and start as a sync', () => {
  it('counts changes, asks before a mass removal, and records the choices with the job', async () => {
    const destinationId = await world.addDestination('Autopilot Girona', emulatorTestKey);
    const first = await world.importFile('weekly.csv', file(10));
    const request = { segmentId: first.id, listName: 'Weekly', mapping };
    const firstPlan = await world.exports.plan([request], { destinationId });
    expect(firstPlan.segments[0]?.changes).toMatchObject({ new: 10, unchanged: 0, leaving: 0 });
    const { jobId } = await world.exports.start({
      destinationId,
      segments: [request],
      consent: { confirmed: true, profiles: 10 },
    });
    await world.runs.get(jobId);
    expect(emulator.contactsInList('Weekly')).toHaveLength(10);

    const second = await world.importFile('weekly-2.csv', file(6, 2));
    const next = { segmentId: second.id, listName: 'Weekly', mapping };
    const sync = { mirror: true, full: false };
    const plan = await world.exports.plan([next], { destinationId, sync });
    expect(plan.totals.valid).toBe(6);
    expect(plan.segments[0]?.changes).toEqual({
      new: 0,
      changed: 1,
      unchanged: 5,
      leaving: 4,
      knownMembers: 10,
      massRemoval: true,
    });

    // Two segments sending to the same list: only people in neither of them are leaving.
    const part = (from: number, to: number) =>
      [
        'Email,Name',
        ...Array.from({ length: to - from }, (_, i) => `p${from + i}@x.cat,N${from + i}`),
      ].join('\n');
    const a = await world.importFile('part-a.csv', part(0, 3));
    const b = await world.importFile('part-b.csv', part(3, 6));
    const split = await world.exports.plan(
      [
        { segmentId: a.id, listName: 'Weekly', mapping },
        { segmentId: b.id, listName: 'Weekly', mapping },
      ],
      { destinationId, sync },
    );
    expect(split.segments.map((segment) => segment.changes?.leaving)).toEqual([4, 0]);

    const deletesBefore = emulator.requests.filter((r) => r.method === 'DELETE').length;
    const unasked = world.exports.start({
      destinationId,
      segments: [next],
      consent: { confirmed: true, profiles: 6 },
      sync,
    });
    await expect(unasked).rejects.toMatchObject({ code: 'export-mass-removal' });
    expect(emulator.contactsInList('Weekly')).toHaveLength(10);

    const asked = await world.exports.start({
      destinationId,
      segments: [next],
      consent: { confirmed: true, profiles: 6, massRemoval: true },
      sync,
    });
    await world.runs.get(asked.jobId);
    expect(emulator.contactsInList('Weekly')).toHaveLength(6);
    expect(emulator.requests.filter((r) => r.method === 'DELETE').length - deletesBefore).toBe(4);
    const manifest = await readJobManifest(world.dataFolder, asked.jobId);
    expect(manifest.sync).toEqual(sync);
    expect(manifest.segments[0]).toMatchObject({
      sending: 1,
      changes: { new: 0, changed: 1, unchanged: 5, leaving: 4 },
    });
    expect(manifest.consent.changes).toEqual({
      new: 0,
      changed: 1,
      unchanged: 5,
      leaving: 4,
      mirror: true,
      full: false,
    });
    const again = await world.exports.again(asked.jobId);
    expect(again.mirror).toBe(true);
  }, 60_000);
});
