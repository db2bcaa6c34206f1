import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPlanCache } from '../core/exports/plan-cache';
import { summarizePlan } from '../core/exports/plan-summary';
import type { ExportSegmentInput } from '../shared/ipc/channels/exports';
import type { FieldMapping } from '../shared/matching/field-mapping';
import type { Benchmark } from './benchmark';
import { generatedColumns, generatedRows, writeSnapshot } from './upload/snapshot-fixtures';

const rows = 1_000_000;

const mapping: FieldMapping = {
  email: 'Email',
  standard: { FirstName: 'FirstName' },
  custom: [{ name: 'Score', type: 'integer', column: 'Score' }],
};

function request(changed: FieldMapping): ExportSegmentInput[] {
  return [{ segmentId: 'million', listName: 'Million', mapping: changed }];
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Issue 17, item 8: recounting a 1,000,000-row segment after a matching change, as the Export
 * screen asks main (`exports:plan`). A change that cannot affect validity (First name to another
 * column) must not recount; one that can (a whole-number field fed by another column) is held to
 * the 1 s.
 */
export const recountBenchmark: Benchmark = {
  name: 'recount',
  description: `${rows.toLocaleString('en-US')}-row segment: the Export screen's count after a matching change`,
  async run() {
    const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-recount-'));
    try {
      await writeSnapshot(dataFolder, {
        segmentId: 'million',
        columns: generatedColumns,
        rows: generatedRows(rows),
      });
      const cache = createPlanCache();
      const first = await timed(() => summarizePlan(dataFolder, request(mapping), { cache }));
      const textChange = await timed(() =>
        summarizePlan(dataFolder, request({ ...mapping, standard: { FirstName: 'LastName' } }), {
          cache,
        }),
      );
      const typedChange = await timed(() =>
        summarizePlan(
          dataFolder,
          request({ ...mapping, custom: [{ name: 'Score', type: 'integer', column: 'Tier' }] }),
          { cache },
        ),
      );
      return [
        { label: 'first count', value: first / 1000, unit: 's' },
        {
          label: 'First name moved (cannot affect validity)',
          value: textChange,
          unit: 'ms',
          max: 50,
        },
        { label: 'whole-number field moved (can)', value: typedChange / 1000, unit: 's', max: 1 },
      ];
    } finally {
      await rm(dataFolder, { recursive: true, force: true });
    }
  },
};
