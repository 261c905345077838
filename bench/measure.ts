import autocannon from 'autocannon';

export interface Latency { median: number; p95: number; n: number }

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

/** Runs `fn` sequentially after a warm-up; median and p95 in milliseconds. */
export async function latency(fn: () => Promise<unknown>, n = 40, warmup = 5): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), n };
}

/** Paced (open-loop) latency: requests start every `intervalMs` whether or not the last finished. */
export async function pacedLatency(fn: () => Promise<unknown>, ratePerSecond: number, seconds: number): Promise<Latency & { errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const total = Math.round(ratePerSecond * seconds);
  const started = Date.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / ratePerSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = process.hrtime.bigint();
    inflight.push(fn().then(() => { times.push(Number(process.hrtime.bigint() - t0) / 1e6); }, () => { errors++; }));
  }
  await Promise.all(inflight);
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), n: times.length, errors };
}

export interface Throughput { requestsPerSecond: number; errors: number; non2xx: number }

/** Closed-loop throughput with autocannon against one URL. */
export async function throughput(url: string, headers: Record<string, string>, seconds = 8, connections = 8): Promise<Throughput> {
  const result = await autocannon({ url, headers, duration: seconds, connections });
  return { requestsPerSecond: result.requests.average, errors: result.errors, non2xx: result.non2xx };
}
