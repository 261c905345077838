import { BenchUser } from './fixtures';
import { BenchClient } from './http-client';
import { appJourney, bareJourney, JourneyData } from './journeys';
import { LoadResult, runJourneys, Session } from './load';
import { Latency, pacedLatency, scaled } from './measure';
import { Progress } from './pages';

export const LOAD_SECONDS = 60;
export const BARE_SECONDS = 15;
const PROBE_RATE = 2;

export interface SessionsLoad {
  app: LoadResult;
  bare: LoadResult;
  /** the list page paced at 2 a second on its own session while the 50 sessions run */
  probe: Latency;
  probeRate: number;
}

async function logIn(base: string, users: BenchUser[]): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < users.length; i += 10) {
    sessions.push(...(await Promise.all(users.slice(i, i + 10).map(async (u) => {
      const c = new BenchClient(base);
      await c.login(u.username, u.password);
      return { cookie: c.cookie, userId: u.id, round: 0, found: {}, t0: 0 };
    }))));
  }
  return sessions;
}

/**
 * 50 logged-in staff sessions doing the staff round for 60 seconds against the app (with an
 * open-loop probe of the list page beside them), after the same round for 15 seconds against the
 * bare routes with as many connections: throughput and latencies as ratios to that baseline.
 */
export async function measureSessions(app: string, bare: string, users: BenchUser[], d: JourneyData, probe: () => Promise<unknown>, progress: Progress): Promise<SessionsLoad> {
  const sessions = await logIn(app, users);
  progress(`${sessions.length}セッションの負荷: 素のExpress+pg（${BARE_SECONDS}秒）`);
  const bareResult = await runJourneys(bare, sessions.map((s) => ({ ...s, cookie: '' })), bareJourney(d), BARE_SECONDS);
  progress(`${sessions.length}セッションの負荷: アプリ（${LOAD_SECONDS}秒）`);
  const [appResult, probeResult] = await Promise.all([
    runJourneys(app, sessions, appJourney(d), LOAD_SECONDS),
    new Promise((r) => setTimeout(r, scaled(LOAD_SECONDS) * 50)).then(() => pacedLatency(probe, PROBE_RATE, LOAD_SECONDS * 0.9, 0)),
  ]);
  return { app: appResult, bare: bareResult, probe: probeResult, probeRate: PROBE_RATE };
}
