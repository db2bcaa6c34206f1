import { rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPlanCache, validityKey } from '../../core/exports/plan-cache';
import { planSegments, summarizePlan } from '../../core/exports/plan-summary';
import { changesOf } from '../../core/exports/sync-plan';
import { syncForList } from '../../core/sync/plan-sync';
import { snapshotFiles } from '../../core/segments/snapshot-format';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import {
  generatedColumns,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-plan-cache-');
beforeEach(async () => {
  await writeSnapshot(dataFolder(), {
    segmentId: 'seg',
    columns: generatedColumns,
    rows: [...generatedRows(5), ['bad', 'Bad', '', '', 'lots']],
  });
});

const mapping: FieldMapping = {
  email: 'Email',
  standard: { FirstName: 'FirstName' },
  custom: [{ name: 'Score', type: 'integer', column: 'Score' }],
};
const request = (changed: FieldMapping) => [{ segmentId: 'seg', listName: 'L', mapping: changed }];

describe('recounting only when a change can change the count (issue 17, item 8)', () => {
  it('keys a count by the email, the consent and the converted fields only', () => {
    const base = validityKey('seg', mapping);
    expect(validityKey('seg', { ...mapping, standard: { FirstName: 'LastName' } })).toBe(base);
    expect(validityKey('seg', { ...mapping, email: 'FirstName' })).not.toBe(base);
    expect(
      validityKey('seg', {
        ...mapping,
        custom: [{ name: 'Score', type: 'float', column: 'Score' }],
      }),
    ).not.toBe(base);
    expect(
      validityKey('seg', { ...mapping, emailConsent: { column: 'Tier', optedOut: 'leave-out' } }),
    ).not.toBe(base);
    expect(validityKey('other', mapping)).not.toBe(base);
  });

  it('answers a text-field change without reading the rows again; others are read', async () => {
    const cache = createPlanCache();
    const first = await summarizePlan(dataFolder(), request(mapping), { cache });
    expect(first.totals).toMatchObject({ rows: 6, valid: 5, invalid: 1 });
    // The rows are gone: only an answer from the kept count can still succeed.
    await rm(path.join(dataFolder(), 'segments', 'seg', snapshotFiles.table));
    const moved = await summarizePlan(
      dataFolder(),
      request({ ...mapping, standard: { FirstName: 'LastName' } }),
      { cache },
    );
    expect(moved).toEqual(first);
    await expect(
      summarizePlan(dataFolder(), request({ ...mapping, email: 'LastName' }), { cache }),
    ).rejects.toThrow();
  });

  it('counts for a list never delivered to as without a sync: everyone new, changes kept', async () => {
    const options = { dataFolder: dataFolder(), endpoint: 'http://127.0.0.1:9/v1', full: false };
    const syncFor = () => syncForList(options, undefined);
    const engine = (await planSegments(dataFolder(), request(mapping), { syncFor })).segments[0];
    const cache = createPlanCache();
    const first = await summarizePlan(dataFolder(), request(mapping), { syncFor, cache });
    const { rows, valid, invalid, duplicates } = engine ?? {};
    expect(first.segments[0]).toMatchObject({ rows, valid, invalid, duplicates });
    expect(first.segments[0]?.changes).toEqual(engine && changesOf(engine));
    await rm(path.join(dataFolder(), 'segments', 'seg', snapshotFiles.table));
    const typed = {
      ...mapping,
      custom: [{ name: 'Score', type: 'float' as const, column: 'Tier' }],
    };
    const moved = await summarizePlan(dataFolder(), request(typed), { syncFor, cache });
    expect(moved.segments[0]?.changes).toEqual(first.segments[0]?.changes);
    expect(moved.segments[0]?.misfits).toMatchObject([
      { field: 'Score', column: 'Tier', count: 2, examples: ['Gold'] },
    ]);
  });

  it('keeps the column facts of two email columns only', async () => {
    const cache = createPlanCache();
    for (const email of ['Email', 'FirstName', 'LastName']) {
      await summarizePlan(dataFolder(), request({ ...mapping, email }), { cache });
    }
    await rm(path.join(dataFolder(), 'segments', 'seg', snapshotFiles.table));
    const typed = (email: string) => ({
      ...mapping,
      email,
      custom: [{ name: 'Score', type: 'date' as const, column: 'Score' }],
    });
    await expect(
      summarizePlan(dataFolder(), request(typed('LastName')), { cache }),
    ).resolves.toBeTruthy();
    await expect(summarizePlan(dataFolder(), request(typed('Email')), { cache })).rejects.toThrow();
  });
});
