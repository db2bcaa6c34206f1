import { rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellFacts, factKinds } from '../../core/exports/column-facts';
import { createPlanCache } from '../../core/exports/plan-cache';
import { summarizePlan } from '../../core/exports/plan-summary';
import { snapshotFiles } from '../../core/segments/snapshot-format';
import { convertValue, readConsent } from '../../core/upload/value-conversion';
import { exportErrorCodes } from '../../shared/model/exports';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import {
  generatedColumns,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import { useTempFolder } from '../support/temp-folder';

const columns = ['Email', 'Name', 'Count', 'Amount', 'Member', 'Joined', 'Consent', 'Note'];
const counts = ['12', '1.000', '12,5', 'x', '', '-3', '1e3', '9007199254740993', '7 000'];
const amounts = ['3,14', '1.234,5', 'abc', '', '2.5', '1,234.5', '1.2.3', '+4'];
const members = ['ja', 'nein', 'maybe', '', 'Yes', 'X', '0', 'vrai'];
const joined = ['2024-01-31', '31/12/2023', '13/13/2020', 'soon', '', '2024-02-30', '12/25/2023'];
const consents = ['yes', 'no', 'opted out', 'unsubscribed', '', 'perhaps', '2024-02-01', 'baja'];
const longNote = `${'a long note '.repeat(20)}end`;
const notes = ['', 'short', longNote, `${longNote}!`, '42', longNote];

/** A deterministic mixed segment: dirty values of every type, bad and repeated emails. */
function* mixedRows(count: number): Generator<string[]> {
  let seed = 7;
  const pick = (values: readonly string[]) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return values[(seed >>> 16) % values.length] as string;
  };
  for (let index = 0; index < count; index += 1) {
    const email =
      index % 37 === 5 ? 'not-an-email' : `person.${index % 23 === 0 ? 1 : index}@example.com`;
    yield [
      email,
      `Name ${index}`,
      pick(counts),
      pick(amounts),
      pick(members),
      pick(joined),
      pick(consents),
      pick(notes),
    ];
  }
}

const dataFolder = useTempFolder('courier-column-facts-');
beforeEach(async () => {
  await writeSnapshot(dataFolder(), { segmentId: 'seg', columns, rows: mixedRows(400) });
});

const base: FieldMapping = {
  email: 'Email',
  standard: { FirstName: 'Name' },
  custom: [{ name: 'Count', type: 'integer', column: 'Count' }],
};
const request = (mapping: FieldMapping) => [{ segmentId: 'seg', listName: 'L', mapping }];

/** Matching changes a marketer makes on the Export screen, all under the same email column. */
const changes: Record<string, FieldMapping> = {
  'a whole-number field moved': {
    ...base,
    custom: [{ name: 'Count', type: 'integer', column: 'Amount' }],
  },
  'its type changed': { ...base, custom: [{ name: 'Count', type: 'float', column: 'Count' }] },
  'yes/no and date fields added': {
    ...base,
    custom: [
      ...base.custom,
      { name: 'Member', type: 'boolean', column: 'Member' },
      { name: 'Joined', type: 'date', column: 'Joined' },
      { name: 'Asked', type: 'date', column: 'Consent' },
    ],
  },
  'a standard number field': { ...base, standard: { NumberOfEmployees: 'Amount' } },
  'a field fed by the email column': {
    ...base,
    custom: [{ name: 'Count', type: 'integer', column: 'Email' }],
  },
  'consent leaving people out': {
    ...base,
    emailConsent: { column: 'Consent', optedOut: 'leave-out' },
  },
  'consent sending people unsubscribed': {
    ...base,
    emailConsent: { column: 'Consent', optedOut: 'unsubscribe' },
  },
  'consent moved to another column': {
    ...base,
    custom: [{ name: 'Member', type: 'boolean', column: 'Member' }],
    emailConsent: { column: 'Member', optedOut: 'leave-out' },
  },
  'long values as examples, some people left out': {
    ...base,
    custom: [{ name: 'Note', type: 'integer', column: 'Note' }],
    emailConsent: { column: 'Consent', optedOut: 'leave-out' },
  },
};

describe('column facts answer matching changes as a full count would (issue 17, item 8)', () => {
  it('reads each cell as the converters do', () => {
    const corpus = [
      ...counts,
      ...amounts,
      ...members,
      ...joined,
      ...consents,
      'person.1@example.com',
      '2024-01-31T10:00:00Z',
      '2024-01-31 10:00',
      'e',
      'T',
      '1 000,5',
      "1'000",
      '\u00a012\u00a0',
      '12:30',
    ];
    for (const text of corpus.filter((value) => value !== '')) {
      const facts = cellFacts(text);
      const has = (kind: (typeof factKinds)[number]) => (facts >> factKinds.indexOf(kind)) & 1;
      for (const type of ['integer', 'float', 'boolean', 'date'] as const) {
        expect(has(type), `${text} as ${type}`).toBe(convertValue(text, type).ok ? 0 : 1);
      }
      expect(has('consent-unreadable'), text).toBe(readConsent(text) === undefined ? 1 : 0);
      expect(has('consent-no'), text).toBe(readConsent(text) === 'no' ? 1 : 0);
    }
  });

  it('gives exactly the full count’s figures without reading the rows again', async () => {
    const expected = new Map<string, unknown>();
    for (const [change, mapping] of Object.entries(changes)) {
      expected.set(change, await summarizePlan(dataFolder(), request(mapping)));
    }
    const cache = createPlanCache();
    const first = await summarizePlan(dataFolder(), request(base), { cache });
    expect(first.totals).toMatchObject({ rows: 400, invalid: 11 });
    expect(first.totals.duplicates).toBeGreaterThan(0);
    // The rows are gone: only an answer from the facts can still succeed.
    await rm(path.join(dataFolder(), 'segments', 'seg', snapshotFiles.table));
    for (const [change, mapping] of Object.entries(changes)) {
      const answered = await summarizePlan(dataFolder(), request(mapping), { cache });
      expect(answered, change).toEqual(expected.get(change));
    }
  });

  it('exercises what it claims: consent leaves people out, misfits carry examples', async () => {
    const left = await summarizePlan(
      dataFolder(),
      request(changes['consent leaving people out'] as FieldMapping),
    );
    expect(left.totals.optedOut).toBeGreaterThan(0);
    const long = await summarizePlan(
      dataFolder(),
      request(changes['long values as examples, some people left out'] as FieldMapping),
    );
    const note = long.segments[0]?.misfits.find((misfit) => misfit.field === 'Note');
    expect(note?.examples.some((example) => example.length === 200)).toBe(true);
    expect(long.segments[0]?.misfits.map((misfit) => misfit.field)).toEqual(
      expect.arrayContaining(['EmailConsent', 'Note']),
    );
  });

  it('counts in full when the kept examples cannot tell which a full count picks', async () => {
    // "Zed" fills its kept rows while those people are left out; later, people sent have it.
    const rows = Array.from({ length: 12 }, (_, index) => [
      `p${index}@example.com`,
      index < 6 ? 'Zed' : index === 11 ? 'Zed' : '7',
      index < 6 ? 'no' : 'yes',
    ]);
    await writeSnapshot(dataFolder(), { segmentId: 'few', columns: ['Email', 'N', 'C'], rows });
    const mapping: FieldMapping = {
      email: 'Email',
      standard: {},
      custom: [{ name: 'N', type: 'integer', column: 'N' }],
      emailConsent: { column: 'C', optedOut: 'leave-out' },
    };
    const few = (changed: FieldMapping) => [{ segmentId: 'few', listName: 'L', mapping: changed }];
    const expected = await summarizePlan(dataFolder(), few(mapping));
    expect(expected.segments[0]?.misfits[0]).toMatchObject({ count: 1, examples: ['Zed'] });
    const cache = createPlanCache();
    await summarizePlan(dataFolder(), few({ ...mapping, emailConsent: undefined }), { cache });
    expect(await summarizePlan(dataFolder(), few(mapping), { cache })).toEqual(expected);
    await rm(path.join(dataFolder(), 'segments', 'few', snapshotFiles.table));
    const other = { ...mapping, custom: [{ name: 'N', type: 'float' as const, column: 'N' }] };
    await expect(summarizePlan(dataFolder(), few(other), { cache })).rejects.toThrow();
  });
});

describe('a superseded count is cancelled', () => {
  it('stops the older count of the same segments and answers the newer', async () => {
    await writeSnapshot(dataFolder(), {
      segmentId: 'big',
      columns: generatedColumns,
      rows: generatedRows(10_000),
    });
    const cache = createPlanCache();
    const mapping: FieldMapping = { email: 'Email', standard: {}, custom: [] };
    const big = (changed: FieldMapping) => [{ segmentId: 'big', listName: 'L', mapping: changed }];
    const older = summarizePlan(dataFolder(), big(mapping), { cache });
    const newer = summarizePlan(dataFolder(), big({ ...mapping, email: 'FirstName' }), { cache });
    await expect(older).rejects.toMatchObject({ code: exportErrorCodes.countSuperseded });
    await expect(newer).resolves.toMatchObject({ totals: { rows: 10_000, invalid: 10_000 } });
  });
});
