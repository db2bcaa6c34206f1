import type { Benchmark } from './benchmark';
import { measureRepush } from './sync/repush-bench';

export const syncRepushBenchmark: Benchmark = {
  name: 'sync-repush',
  description:
    'issue 13: 100,000 contacts pushed, then again unchanged (0 sent) and with 1% changed (sent = changes)',
  run: measureRepush,
};
