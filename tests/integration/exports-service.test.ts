import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExportsError } from '../../core/exports/exports-error';
import { readJobManifest } from '../../core/jobs/job-store';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import type { ExportSegmentInput } from '../../shared/model/exports';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { forgetKeys, openExportsWorld, type ExportsWorld } from '../support/exports-fixture';
import { consentTermsText, consentTermsVersion } from '../../shared/model/consent-terms';

// A Catalan export with a custom whole number (one value does not fit: the contact is sent
// without it), a date, an invalid email and a duplicate. Semicolons, as Excel writes them in Catalonia.
const catalanFile = [
  'Correu electrònic;Nom;Cognoms;Punts;Client des de',
  'anna@exemple.cat;Anna;Vidal;12;01/02/2024',
  'jordi@exemple.cat;Jordi;;dotze;2024-03-05',
  'mal@@exemple;Mal;Adreça;3;',
  'ANNA@exemple.cat;Anna;Duplicada;7;',
  'nuria@exemple.cat;Núria;Espert;1.234;31/12/2023',
].join('\r\n');

const catalanMapping: FieldMapping = {
  email: 'Correu electrònic',
  standard: { FirstName: 'Nom', LastName: 'Cognoms' },
  custom: [
    { name: 'Punts', type: 'integer', column: 'Punts' },
    { name: 'Client des de', type: 'date', column: 'Client des de' },
  ],
};

let emulator: RunningEmulator;
let world: ExportsWorld;

beforeAll(async () => {
  emulator = await startEmulator({ customFields: [{ name: 'Punts', fieldType: 'integer' }] });
  emulator.state.createList('Newsletter');
});
afterAll(async () => {
  await emulator.close();
  await forgetKeys();
});
beforeEach(async () => {
  emulator.clearRecords();
  world = await openExportsWorld(emulator);
});
afterEach(async () => {
  await world.close();
});

const contactPosts = () =>
  emulator.requests.filter((request) => request.method === 'POST' && request.path === '/contacts');

async function catalanExport(): Promise<{ destinationId: string; segment: ExportSegmentInput }> {
  const destinationId = await world.addDestination('Autopilot Barcelona', emulatorTestKey);
  const imported = await world.importFile('clients-catalunya.csv', catalanFile);
  return {
    destinationId,
    segment: { segmentId: imported.id, listName: 'Clients Catalunya', mapping: catalanMapping },
  };
}

describe('export setup service against the emulator', () => {
  it("reads the account's fields and lists through main, with the key from the keychain", async () => {
    const destinationId = await world.addDestination('Main', emulatorTestKey);
    const fields = await world.exports.fields(destinationId);
    expect(fields).toContainEqual({
      key: 'Email',
      label: 'Email',
      kind: 'standard',
      type: 'string',
      required: true,
    });
    expect(fields).toContainEqual({
      key: 'Punts',
      label: 'Punts',
      kind: 'custom',
      type: 'integer',
      required: false,
    });
    expect((await world.exports.lists(destinationId)).map((list) => list.name)).toContain(
      'Newsletter',
    );

    const wrong = await world.addDestination('Wrong key', 'ffffffffffffffffffffffffffffffff');
    await expect(world.exports.lists(wrong)).rejects.toMatchObject({ code: 'export-rejected-key' });
    await expect(world.exports.fields('no-such-destination')).rejects.toMatchObject({
      code: 'export-destination-not-found',
    });
  });

  it('counts with the engine and shows the values that do not fit their type', async () => {
    const { segment } = await catalanExport();
    const plan = await world.exports.plan([segment]);
    expect(plan.totals).toEqual({
      rows: 5,
      valid: 3,
      invalid: 1,
      duplicates: 1,
      optedOut: 0,
      unsubscribed: 0,
      misfitValues: 1,
    });
    expect(plan.large).toBe(false);
    // One of three contacts is more than a fifth: the screen asks whether the column is right.
    expect(plan.segments[0]?.misfits).toEqual([
      {
        field: 'Punts',
        type: 'integer',
        column: 'Punts',
        count: 1,
        examples: ['dotze'],
        suspicious: true,
      },
    ]);
    const noColumn = { ...segment, mapping: { ...catalanMapping, email: 'Email' } };
    await expect(world.exports.plan([noColumn])).rejects.toMatchObject({
      code: 'export-invalid-mapping',
    });
  });

  it('previews the first contacts exactly as the request body carries them', async () => {
    const { segment } = await catalanExport();
    const preview = await world.exports.preview({ segment, listId: 'contactlist_ABC', limit: 5 });
    expect(preview.contacts).toBe(3);
    expect(JSON.parse(preview.body)).toEqual({
      contacts: [
        {
          FirstName: 'Anna',
          LastName: 'Vidal',
          Email: 'anna@exemple.cat',
          custom: { 'integer--Punts': 12, 'date--Client--des--de': '2024-02-01' },
          _autopilot_list: 'contactlist_ABC',
        },
        {
          FirstName: 'Jordi',
          Email: 'jordi@exemple.cat',
          custom: { 'date--Client--des--de': '2024-03-05' },
          _autopilot_list: 'contactlist_ABC',
        },
        {
          FirstName: 'Núria',
          LastName: 'Espert',
          Email: 'nuria@exemple.cat',
          custom: { 'integer--Punts': 1234, 'date--Client--des--de': '2023-12-31' },
          _autopilot_list: 'contactlist_ABC',
        },
      ],
    });
    // The table's rows: the same people as the engine hands them over.
    expect(preview.rows[0]).toEqual({
      email: 'anna@exemple.cat',
      standard: { FirstName: 'Anna', LastName: 'Vidal' },
      custom: { Punts: 12, 'Client des de': '2024-02-01' },
    });
    const one = await world.exports.preview({ segment, listId: null, limit: 1 });
    expect(JSON.parse(one.body).contacts).toHaveLength(1);
    expect(one.body).not.toContain('_autopilot_list');
  });

  it("previews an Ortto export in Ortto's own request, with the tag and the declared permission", async () => {
    const { segment } = await catalanExport();
    const ortto = await world.addDestination('Ortto Barcelona', 'ortto-private-key-1', 'ortto');
    const preview = await world.exports.preview({
      segment,
      listId: 'Clients Catalunya',
      limit: 2,
      destinationId: ortto,
      emailPermission: 'yes',
    });
    const body = JSON.parse(preview.body);
    // The create-only merge each batch starts with: new people get the declared permission.
    expect(body).toMatchObject({ merge_by: ['str::email'], merge_strategy: 3 });
    expect(body.people[0]).toMatchObject({
      fields: {
        'str::email': 'anna@exemple.cat',
        'str::first': 'Anna',
        'str::last': 'Vidal',
        'bol::p': true,
      },
      tags: ['Clients Catalunya'],
    });
    expect(preview.rows.map((row) => row.email)).toEqual(['anna@exemple.cat', 'jordi@exemple.cat']);
  });

  it('keeps in the receipt the terms in the language the person read them in', async () => {
    const { destinationId, segment } = await catalanExport();
    const { jobId } = await world.exports.start({
      destinationId,
      segments: [segment],
      consent: { confirmed: true, profiles: 3, language: 'ca' },
    });
    const manifest = await readJobManifest(world.dataFolder, jobId);
    expect(manifest.consent).toMatchObject({
      terms: consentTermsText('ca', 'autopilot'),
      termsLanguage: 'ca',
      termsVersion: consentTermsVersion,
    });
    expect(manifest.consent.terms).toContain('Sou responsables');
  });

  it('starts: records the consent receipt in the job and the engine delivers to the list', async () => {
    const { destinationId, segment } = await catalanExport();
    const { jobId } = await world.exports.start({
      destinationId,
      segments: [segment],
      consent: { confirmed: true, profiles: 3 },
    });
    const manifest = await readJobManifest(world.dataFolder, jobId);
    expect(manifest.consent).toMatchObject({
      osUser: 'marta',
      destination: { name: 'Autopilot Barcelona', endpoint: emulator.url },
      fields: [
        'Email',
        'FirstName',
        'LastName',
        'Punts (custom integer)',
        'Client des de (custom date)',
      ],
      profiles: 3,
      rows: 5,
      files: [{ fileName: 'clients-catalunya.csv', size: Buffer.byteLength(catalanFile) }],
    });
    expect(manifest.consent.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.segments[0]).toMatchObject({ listName: 'Clients Catalunya', valid: 3 });
    // Read in English (nothing said): the English words, with their language and version.
    expect(manifest.consent).toMatchObject({
      terms: consentTermsText('en', 'autopilot'),
      termsLanguage: 'en',
      termsVersion: consentTermsVersion,
    });

    expect((await world.runs.get(jobId))?.status).toBe('completed');
    const onList = emulator.contactsInList('Clients Catalunya');
    expect(onList.map((contact) => contact.Email).sort()).toEqual([
      'anna@exemple.cat',
      'jordi@exemple.cat',
      'nuria@exemple.cat',
    ]);
    expect(emulator.contact('anna@exemple.cat')).toMatchObject({
      FirstName: 'Anna',
      custom: { 'integer--Punts': 12 },
    });
  });

  // Issue 17, items 1 and 4: the value that does not fit is left out and reported, not the
  // contact; a "no" in the consent column is left out (or sent suppressed) with its own reason.
  it('sends contacts without misfitting values, respects opt-outs, and reports each reason', async () => {
    const destinationId = await world.addDestination('Autopilot Girona', emulatorTestKey);
    const imported = await world.importFile(
      'girona.csv',
      [
        'Email;Nom;Punts;Accepta correus',
        'anna@girona.cat;Anna;n/a;sí',
        'pau@girona.cat;Pau;4;no',
        'rosa@girona.cat;Rosa;5;',
      ].join('\r\n'),
    );
    const base: FieldMapping = {
      email: 'Email',
      standard: { FirstName: 'Nom' },
      custom: [{ name: 'Punts', type: 'integer', column: 'Punts' }],
    };
    const segment = (optedOut: 'leave-out' | 'unsubscribe') => ({
      segmentId: imported.id,
      listName: 'Girona',
      mapping: { ...base, emailConsent: { column: 'Accepta correus', optedOut } },
    });
    const plan = await world.exports.plan([segment('leave-out')]);
    expect(plan.totals).toMatchObject({ valid: 2, invalid: 0, optedOut: 1, misfitValues: 1 });

    const { jobId } = await world.exports.start({
      destinationId,
      segments: [segment('leave-out')],
      consent: { confirmed: true, profiles: 2 },
    });
    const result = await world.runs.get(jobId);
    expect(result?.status).toBe('completed');
    expect(emulator.contact('anna@girona.cat')).toMatchObject({ FirstName: 'Anna' });
    expect(emulator.contact('anna@girona.cat')?.custom ?? {}).toEqual({});
    expect(emulator.contact('pau@girona.cat')).toBeUndefined();
    const report = await readFile(result?.reportFile ?? '', 'utf8');
    expect(report).toContain(
      'girona,2,anna@girona.cat,value left out,"Punts: ""n/a"" is not a whole number; the contact was sent without this value."',
    );
    expect(report).toContain(
      // Quoted for its semicolon (issue 12, item 13).
      'girona,3,pau@girona.cat,opted out,"This person did not agree to receive email; left out as you chose."',
    );

    const suppressed = await world.exports.start({
      destinationId,
      segments: [segment('unsubscribe')],
      consent: { confirmed: true, profiles: 3 },
    });
    expect((await world.runs.get(suppressed.jobId))?.status).toBe('completed');
    expect(emulator.contact('pau@girona.cat')).toMatchObject({ unsubscribed: true });
    expect(emulator.contact('anna@girona.cat')).not.toHaveProperty('unsubscribed');
  });

  it('sends nothing when the confirmed count is stale, the key is wrong, or the email is unmatched', async () => {
    const { destinationId, segment } = await catalanExport();
    const stale = world.exports.start({
      destinationId,
      segments: [segment],
      consent: { confirmed: true, profiles: 4 },
    });
    await expect(stale).rejects.toMatchObject({ code: 'export-consent-stale' });

    const wrong = await world.addDestination('Wrong key', 'ffffffffffffffffffffffffffffffff');
    const rejected = world.exports.start({
      destinationId: wrong,
      segments: [segment],
      consent: { confirmed: true, profiles: 3 },
    });
    await expect(rejected).rejects.toBeInstanceOf(ExportsError);
    await expect(rejected).rejects.toMatchObject({ code: 'export-rejected-key' });

    const shared = { ...catalanMapping, standard: { FirstName: 'Correu electrònic' } };
    const invalid = world.exports.start({
      destinationId,
      segments: [{ ...segment, mapping: shared }],
      consent: { confirmed: true, profiles: 3 },
    });
    await expect(invalid).rejects.toMatchObject({ code: 'export-invalid-mapping' });

    expect(contactPosts()).toEqual([]);
    expect(await readdir(path.join(world.dataFolder, 'jobs')).catch(() => [])).toEqual([]);
    expect(world.runs.size).toBe(0);
  });

  it('refuses an Ortto export that says nothing of email permission, before anything exists', async () => {
    const { segment } = await catalanExport();
    const ortto = await world.addDestination('Ortto Barcelona', 'ortto-private-key-1', 'ortto');
    const requestsBefore = emulator.requests.length;
    const refused = world.exports.start({
      destinationId: ortto,
      segments: [segment],
      consent: { confirmed: true, profiles: 3 },
    });
    await expect(refused).rejects.toMatchObject({
      code: 'export-email-permission-missing',
      message: expect.stringContaining('Ortto subscribes new people unless told otherwise'),
    });
    expect(emulator.requests.length).toBe(requestsBefore);
    expect(await readdir(path.join(world.dataFolder, 'jobs')).catch(() => [])).toEqual([]);
    expect(world.runs.size).toBe(0);
  });

  it('remembers the matching per header signature for the next file of the same shape', async () => {
    const { destinationId, segment } = await catalanExport();
    expect((await world.exports.shapes([segment.segmentId]))[0]?.remembered).toBeNull();
    const { jobId } = await world.exports.start({
      destinationId,
      segments: [segment],
      consent: { confirmed: true, profiles: 3 },
    });
    await world.runs.get(jobId);

    // Next week's export: same columns, another order and case.
    const nextWeek = await world.importFile(
      'clients-setmana-2.csv',
      'NOM;correu electrònic;Punts;Cognoms;client des de\r\nPau;pau@exemple.cat;4;Mas;\r\n',
    );
    const [before, after] = await world.exports.shapes([segment.segmentId, nextWeek.id]);
    expect(after?.signature).toBe(before?.signature);
    expect(after?.remembered).toEqual({
      email: 'correu electrònic',
      standard: { FirstName: 'NOM', LastName: 'Cognoms' },
      custom: [
        { name: 'Punts', type: 'integer', column: 'Punts' },
        { name: 'Client des de', type: 'date', column: 'client des de' },
      ],
    });
    const other = await world.importFile('other.csv', 'Email;City\r\na@b.cat;Vic\r\n');
    expect((await world.exports.shapes([other.id]))[0]?.remembered).toBeNull();
  });
});
