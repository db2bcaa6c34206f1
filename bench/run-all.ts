import { passes, type Benchmark } from './benchmark';
import { importBenchmark } from './import.bench';
import { ipcDispatchBenchmark } from './ipc-dispatch.bench';
import { recountBenchmark } from './recount.bench';
import { syncRepushBenchmark } from './sync-repush.bench';
import { uploadBenchmarks } from './upload.bench';
import { workbookBenchmark } from './workbook.bench';

// `npm run bench [-- name...]`: runs the benchmarks (all, or those named) and prints their figures.
// Targets are ratios against a baseline measured in the same run, since these machines are noisy.
const benchmarks: readonly Benchmark[] = [
  ipcDispatchBenchmark,
  importBenchmark,
  workbookBenchmark,
  recountBenchmark,
  ...uploadBenchmarks,
  syncRepushBenchmark,
];

function format(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length
    ? benchmarks.filter((benchmark) => wanted.includes(benchmark.name))
    : benchmarks;
  let failures = 0;
  for (const benchmark of selected) {
    console.log(`\n${benchmark.name}: ${benchmark.description}`);
    for (const figure of await benchmark.run()) {
      const target =
        figure.max !== undefined
          ? ` (target <= ${figure.max})`
          : figure.min !== undefined
            ? ` (target >= ${figure.min})`
            : '';
      const verdict = target ? (passes(figure) ? '  ok' : '  MISSED') : '';
      if (target && !passes(figure)) failures += 1;
      console.log(
        `  ${figure.label.padEnd(44)} ${format(figure.value).padStart(10)} ${figure.unit}${target}${verdict}`,
      );
    }
  }
  console.log(failures ? `\n${failures} target(s) missed.` : '\nAll targets met.');
  process.exitCode = failures ? 1 : 0;
}

await main();
