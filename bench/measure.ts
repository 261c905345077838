import autocannon from 'autocannon';

export interface Latency { median: number; p95: number; p99: number; n: number; errors: number; /** offered rate (per second) when paced */ rate?: number }

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted.length ? sorted[Math.max(0, i)] : NaN;
}

/** Median, p95 and p99 of some durations (ms). */
export function summarize(times: number[], errors = 0): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), n: sorted.length, errors };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** BENCH_TIME_SCALE=0.1 shortens every timed phase (for trying the bench out; figures are then rough). */
export const scaled = (seconds: number) => Math.max(1, seconds * (Number(process.env.BENCH_TIME_SCALE) || 1));

/**
 * Evenly paced (open-loop) latency: request i is due at start + i / rate, whether or not the
 * earlier ones have finished, and its latency counts from when it was due. A stalled event loop
 * or a queue in the server therefore shows in the figures instead of slowing the client down.
 * A few sequential calls warm up first (not counted); at least `minSamples` are sent.
 */
export async function pacedLatency(fn: () => Promise<unknown>, ratePerSecond: number, seconds: number, warmup = 3, minSamples = 1): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  let errors = 0;
  const total = Math.max(minSamples, Math.round(ratePerSecond * scaled(seconds)));
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inflight.push(fn().then(() => { times.push(performance.now() - due); }, () => { errors++; }));
  }
  await Promise.all(inflight);
  return { ...summarize(times, errors), rate: ratePerSecond };
}

/**
 * The rate at which the slowest of these keeps the server about `busy` (40%) occupied, at most
 * `maxRate`: paced latency then measures the page, not a queue the client built. Warms each up.
 */
export async function rateFor(fns: (() => Promise<unknown>)[], maxRate: number, busy = 0.4): Promise<number> {
  let slowest = 1;
  for (const fn of fns) {
    await fn();
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) await fn();
    slowest = Math.max(slowest, (performance.now() - t0) / 3);
  }
  return Math.min(maxRate, (busy * 1000) / slowest);
}

export interface Throughput { requestsPerSecond: number; errors: number }

/** Closed-loop throughput with autocannon against one URL; errors = connection errors (timeouts included) and non-2xx answers. */
export async function throughput(url: string, headers: Record<string, string>, seconds: number, connections = 8): Promise<Throughput> {
  const result = await autocannon({ url, headers, duration: scaled(seconds), connections });
  return { requestsPerSecond: result.requests.average, errors: result.errors + result.non2xx };
}
