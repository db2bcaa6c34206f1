import type { Benchmark } from './benchmark';
import { measureKillAndResume } from './upload/crash-bench';
import { measureDeadServer } from './upload/dead-server-bench';
import { measureMillion } from './upload/million-bench';
import { measureOrttoThroughput, measureThroughput } from './upload/throughput-bench';

// The upload engine against the local emulator (issue 6, benchmarks a-e). Each of a-c runs for
// about 25 s at the limit, so the start and the tail weigh little; d and e drive the real command
// line in a child process.

const uploadAtLimitBenchmark: Benchmark = {
  name: 'upload-at-limit',
  description:
    '(a) server limit 20 req/s, engine rate 20: >= 95% of 20 x 100 contacts/s, <= 1% 429s',
  run: () =>
    measureThroughput({
      serverRate: 20,
      engineRate: 20,
      seconds: 25,
      minShareOfLimit: 0.95,
      max429Share: 0.01,
    }),
};

const uploadAboveLimitBenchmark: Benchmark = {
  name: 'upload-above-limit',
  description:
    '(b) server limit 20 req/s, engine rate 40 (limit unknown): >= 80% of the limit, <= 5% 429s',
  run: () =>
    measureThroughput({
      serverRate: 20,
      engineRate: 40,
      seconds: 25,
      minShareOfLimit: 0.8,
      max429Share: 0.05,
    }),
};

const uploadFaultsBenchmark: Benchmark = {
  name: 'upload-faults',
  description:
    '(c) 5% of requests fail (503s and resets): every contact delivered, >= 85% of the limit',
  run: () =>
    measureThroughput({
      serverRate: 20,
      engineRate: 20,
      seconds: 25,
      minShareOfLimit: 0.85,
      emulator: { faultRate: 0.05, faultKinds: ['503', 'reset'] },
    }),
};

const uploadKillBenchmark: Benchmark = {
  name: 'upload-kill',
  description:
    '(d) kill -9 in the middle of a push, then resume: nothing lost, only in-flight batches again',
  run: measureKillAndResume,
};

const uploadMillionBenchmark: Benchmark = {
  name: 'upload-million',
  description: '(e) a 1,000,000-contact push from a CSV file: peak memory under 300 MB',
  run: measureMillion,
};

const uploadDeadServerBenchmark: Benchmark = {
  name: 'upload-dead-server',
  description:
    '(f) every POST /contacts answered 500: paused within 30 s of simulated time, nothing given up, all delivered on resume',
  run: measureDeadServer,
};

const orttoAtLimitBenchmark: Benchmark = {
  name: 'ortto-at-limit',
  description:
    'Ortto: emulator limit 10 req/s, engine rate 10: >= 95% of 10 x 100 people/s, <= 1% 429s, no ban',
  run: () =>
    measureOrttoThroughput({
      serverRate: 10,
      engineRate: 10,
      seconds: 25,
      minShareOfLimit: 0.95,
      max429Share: 0.01,
    }),
};

const orttoAboveLimitBenchmark: Benchmark = {
  name: 'ortto-above-limit',
  description:
    'Ortto: emulator limit 10 req/s, engine rate 20 (limit unknown): >= 80% of the limit, no ban',
  run: () =>
    measureOrttoThroughput({
      serverRate: 10,
      engineRate: 20,
      seconds: 25,
      minShareOfLimit: 0.8,
      max429Share: 0.05,
    }),
};

export const uploadBenchmarks: readonly Benchmark[] = [
  uploadAtLimitBenchmark,
  uploadAboveLimitBenchmark,
  uploadFaultsBenchmark,
  uploadKillBenchmark,
  uploadMillionBenchmark,
  uploadDeadServerBenchmark,
  orttoAtLimitBenchmark,
  orttoAboveLimitBenchmark,
];
