/** One figure a benchmark measured, and optionally the target it is held to. */
export interface Figure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** For ratios and limits: the figure passes when `value <= max` / `value >= min`. */
  readonly max?: number;
  readonly min?: number;
}

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(): Promise<Figure[]>;
}

export function passes(figure: Figure): boolean {
  return (
    (figure.max === undefined || figure.value <= figure.max) &&
    (figure.min === undefined || figure.value >= figure.min)
  );
}

/** Times a function in milliseconds; a few warm-up rounds first, then the median of `rounds`. */
export async function medianMilliseconds(
  work: () => Promise<unknown> | unknown,
  rounds = 5,
  warmUp = 1,
): Promise<number> {
  for (let index = 0; index < warmUp; index += 1) await work();
  const times: number[] = [];
  for (let index = 0; index < rounds; index += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
