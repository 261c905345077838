import autocannon from 'autocannon';
import { Latency, scaled, summarize } from './measure';

/** One session's state across its journeys (a closure per autocannon connection, never shared). */
export interface Session {
  cookie: string;
  userId: number;
  /** journeys started by this session */
  round: number;
  /** filled by earlier steps of the journey: the consultation opened, the form's hidden fields */
  found: Record<string, string>;
  t0: number;
}

export interface Step {
  name: string;
  method?: 'GET' | 'POST';
  path(s: Session): string;
  body?(s: Session): string;
  expect: number;
  /** reads what a later step needs from the answer */
  read?(s: Session, body: string): void;
}

export interface LoadResult {
  seconds: number;
  sessions: number;
  requestsPerSecond: number;
  journeysPerSecond: number;
  /** connection errors, timeouts and answers other than the step's expected status */
  errors: number;
  errorSamples: string[];
  steps: { name: string; l: Latency }[];
  all: Latency;
}

/**
 * Closed-loop load with autocannon: one connection per session, each looping over the journey's
 * steps with its own cookie. Throughput is autocannon's; per-step latencies are timed here
 * (from building the request to its complete answer) and checked against the expected status.
 */
export async function runJourneys(url: string, sessions: Session[], steps: Step[], seconds: number): Promise<LoadResult> {
  const times = steps.map(() => [] as number[]);
  const samples: string[] = [];
  let wrong = 0;
  let next = 0;
  const requestsFor = (s: Session): autocannon.Request[] => steps.map((step, i) => ({
    method: step.method ?? 'GET',
    setupRequest: (req) => {
      if (i === 0) { s.round++; s.found = {}; }
      const body = step.body?.(s);
      s.t0 = performance.now();
      return {
        ...req, method: step.method ?? 'GET', path: step.path(s), body,
        headers: { ...req.headers, cookie: s.cookie, ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
      };
    },
    onResponse: (status, body) => {
      times[i].push(performance.now() - s.t0);
      if (status !== step.expect) {
        wrong++;
        if (samples.length < 5) samples.push(`${step.name} → ${status}`);
        return;
      }
      step.read?.(s, body);
    },
  }));
  const result = await autocannon({
    url, connections: sessions.length, duration: scaled(seconds), timeout: 20,
    setupClient: (client) => client.setRequests(requestsFor(sessions[next++ % sessions.length])),
  });
  const journeys = times[steps.length - 1].length;
  return {
    seconds: scaled(seconds), sessions: sessions.length,
    requestsPerSecond: result.requests.average,
    journeysPerSecond: journeys / result.duration,
    errors: result.errors + wrong,
    errorSamples: samples,
    steps: steps.map((s, i) => ({ name: s.name, l: summarize(times[i]) })),
    all: summarize(times.flat()),
  };
}
