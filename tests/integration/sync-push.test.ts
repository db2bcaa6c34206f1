import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../bench/upload/cli-bundle';
import {
  createSyncWorld,
  listName,
  people,
  type Person,
  requestsOf,
  sortedEmails,
  type SyncWorld,
} from '../support/sync-fixtures';

let world: SyncWorld | undefined;

beforeAll(async () => {
  await bundleCli();
}, 60_000);

afterEach(async () => {
  await world?.close();
  world = undefined;
});

function contactsSent(current: SyncWorld, from: number): number {
  return requestsOf(current.server, 'POST', '/contacts', from).reduce(
    (sum, request) => sum + request.contactCount,
    0,
  );
}

describe.each([
  { mode: 'lenient (default)', listOnCreateOnly: false },
  { mode: 'list on create only', listOnCreateOnly: true },
])('sync push against the emulator, $mode', ({ listOnCreateOnly }) => {
  it('first push, unchanged re-push sends nothing, a re-push with changes sends only those', async () => {
    const current = (world = await createSyncWorld({ listOnCreateOnly }));
    const week1 = people(450);
    const first = await current.push(await current.writeSegment(week1), '--consent');
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ new: 450, changed: 0, unchanged: 0, removed: 0, sent: 450 });
    expect(current.listEmails()).toEqual(sortedEmails(week1));

    const mark = current.server.counters.total;
    const again = await current.push(await current.writeSegment(week1), '--consent');
    expect(again.code).toBe(0);
    expect(again.json).toMatchObject({ new: 0, changed: 0, unchanged: 450, sent: 0, valid: 450 });
    expect(contactsSent(current, mark)).toBe(0);

    const week2 = week1.map((person, index) =>
      index % 50 === 0 ? { ...person, last: `Renamed${index}` } : person,
    );
    week2.push(...people(7, 'newcomer'));
    const mark2 = current.server.requests.length;
    const changed = await current.push(await current.writeSegment(week2), '--consent');
    expect(changed.json).toMatchObject({ new: 7, changed: 9, unchanged: 441, sent: 16 });
    expect(contactsSent(current, mark2)).toBe(16);
    expect(current.server.contact('person.50@example.com')?.LastName).toBe('Renamed50');
    expect(current.listEmails()).toEqual(sortedEmails(week2));

    const full = await current.push(await current.writeSegment(week2), '--consent', '--full');
    expect(full.json).toMatchObject({ sent: 457, unchanged: 457, full: true });
  }, 60_000);

  it('puts contacts that already existed in the account on the list too', async () => {
    const current = (world = await createSyncWorld({ listOnCreateOnly }));
    const everyone = people(600);
    // 60 of them are already in the account (added some other way, on no list).
    for (const person of everyone.filter((_, index) => index % 10 === 3)) {
      current.server.state.upsert(
        { email: person.email, newEmail: undefined, listId: undefined, fields: {}, custom: {} },
        listOnCreateOnly,
      );
    }
    const result = await current.push(await current.writeSegment(everyone), '--consent');
    expect(result.json.status).toBe('completed');
    expect(current.listEmails()).toEqual(sortedEmails(everyone));
    expect(result.json.addedToList).toBe(listOnCreateOnly ? 60 : 0);
  }, 60_000);

  it('contacts all new to the account: the list is checked by its member count, not page by page', async () => {
    const current = (world = await createSyncWorld({ listOnCreateOnly }));
    current.server.state.createList(listName);
    const week1 = people(600);
    const result = await current.push(await current.writeSegment(week1), '--consent');
    expect(result.code).toBe(0);
    expect(current.listEmails()).toEqual(sortedEmails(week1));
    const listReads = requestsOf(current.server, 'GET', '/list/', 0).filter((request) =>
      request.path.includes('/contact'),
    );
    // The count before the batches and after: 600 more members, each of the 600 sent.
    expect(listReads).toHaveLength(2);
    expect(result.json.addedToList).toBe(0);
  }, 60_000);

  it('learns once how the list reads _autopilot_list, and checks membership only when it must', async () => {
    const current = (world = await createSyncWorld({ listOnCreateOnly }));
    current.server.state.createList(listName);
    const addElsewhere = (rows: readonly Person[]) => {
      for (const person of rows) {
        current.server.state.upsert(
          { email: person.email, newEmail: undefined, listId: undefined, fields: {}, custom: {} },
          listOnCreateOnly,
        );
      }
    };
    const memberChecks = (from: number) =>
      requestsOf(current.server, 'GET', '/list/', from).filter(
        (request) => request.path.includes('/contacts') || request.path.includes('/contact/'),
      ).length;
    const week1 = people(600);
    addElsewhere(week1.filter((_, index) => index % 10 === 3));
    const first = await current.push(await current.writeSegment(week1), '--consent');
    expect(current.listEmails()).toEqual(sortedEmails(week1));
    expect(first.json.addedToList).toBe(listOnCreateOnly ? 60 : 0);

    const joiners = people(100, 'joiner');
    addElsewhere(joiners.filter((_, index) => index % 10 === 0));
    const mark = current.server.requests.length;
    const second = await current.push(
      await current.writeSegment([...week1, ...joiners]),
      '--consent',
    );
    expect(second.json).toMatchObject({ new: 100, unchanged: 600, sent: 100 });
    expect(current.listEmails()).toEqual(sortedEmails([...week1, ...joiners]));
    // Lenient: learnt on the first push, so no membership request at all now. Strict: checked.
    expect(memberChecks(mark) > 0).toBe(listOnCreateOnly);
    expect(second.json.addedToList).toBe(listOnCreateOnly ? 10 : 0);
  }, 60_000);

  it('mirror: leavers come off the list, a member added by hand stays, no contact is deleted', async () => {
    const current = (world = await createSyncWorld({ listOnCreateOnly }));
    const week1 = people(300);
    await current.push(await current.writeSegment(week1), '--consent');
    const list = current.server.findList(listName);
    const byHand = current.server.state.upsert(
      {
        email: 'added.by.hand@example.com',
        newEmail: undefined,
        listId: undefined,
        fields: {},
        custom: {},
      },
      false,
    );
    current.server.state.addMember(list?.list_id ?? '', byHand);

    const leaving = week1.filter((_, index) => index % 6 === 0); // 50 of 300: a sixth
    const week2 = [...week1.filter((_, index) => index % 6 !== 0), ...people(5, 'joiner')];
    const mark = current.server.requests.length;
    const preview = await current.cli([
      'push',
      await current.writeSegment(week2),
      '--list',
      listName,
      '--endpoint',
      current.server.url,
      '--dry-run',
      '--mirror',
      '--json',
    ]);
    expect(preview.code).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({
      dryRun: true,
      new: 5,
      changed: 0,
      unchanged: 250,
      leaving: 50,
      sent: 0,
    });
    expect(requestsOf(current.server, 'POST', '/contacts', mark)).toHaveLength(0);
    expect(requestsOf(current.server, 'DELETE', '/list', mark)).toHaveLength(0);

    const mirrored = await current.push(await current.writeSegment(week2), '--consent', '--mirror');
    expect(mirrored.code).toBe(0);
    expect(mirrored.json).toMatchObject({ new: 5, removed: 50, mirror: true, sent: 5 });
    expect(current.listEmails()).toEqual(
      [...sortedEmails(week2), 'added.by.hand@example.com'].sort(),
    );
    for (const person of leaving) expect(current.server.contact(person.email)).toBeDefined();
    expect(requestsOf(current.server, 'DELETE', '/contact/')).toHaveLength(0);
    const removals = requestsOf(current.server, 'DELETE', '/list', mark);
    expect(removals).toHaveLength(50);
    const report = await readFile(String(mirrored.json.report), 'utf8');
    const removedLines = report.split('\r\n').filter((line) => line.includes(',removed,'));
    expect(removedLines.map((line) => line.split(',')[2]).sort()).toEqual(sortedEmails(leaving));

    // The next mirror has nobody left to remove: the ledger forgot the leavers.
    const again = await current.push(await current.writeSegment(week2), '--consent', '--mirror');
    expect(again.json).toMatchObject({ removed: 0, sent: 0, unchanged: 255 });
  }, 60_000);
});

describe('the mass-removal guard', () => {
  it('refuses a mirror taking off more than a fifth of the known members, unless allowed', async () => {
    const current = (world = await createSyncWorld());
    const week1 = people(200);
    await current.push(await current.writeSegment(week1), '--consent');
    const shrunk = week1.slice(0, 100);
    const mark = current.server.requests.length;
    const refused = await current.cli([
      'push',
      await current.writeSegment(shrunk),
      '--list',
      listName,
      '--endpoint',
      current.server.url,
      '--consent',
      '--mirror',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('more than a fifth');
    expect(refused.stderr).toContain('Nothing was sent');
    expect(requestsOf(current.server, 'POST', '/contacts', mark)).toHaveLength(0);
    expect(requestsOf(current.server, 'DELETE', '/list', mark)).toHaveLength(0);
    expect(current.listEmails()).toHaveLength(200);

    const allowed = await current.push(
      await current.writeSegment(shrunk),
      '--consent',
      '--mirror',
      '--allow-mass-removal',
    );
    expect(allowed.json).toMatchObject({ removed: 100, status: 'completed' });
    expect(current.listEmails()).toEqual(sortedEmails(shrunk));
  }, 60_000);
});
