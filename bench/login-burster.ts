import { BenchClient } from './http-client';
import type { BenchUser } from './fixtures';

/**
 * The login burst of `measureLogin`, in its own process as the other offices' PCs would be:
 * the client's own work (20 connections, reading the login form) then takes nothing from the
 * event loop of the app being measured. Started with `fork`; runs bursts until sent 'stop',
 * then reports what it measured and exits.
 */
export interface BurstStart { base: string; users: BenchUser[] }
export interface BurstReport { times: number[]; burstTimes: number[]; loginErrors: number; bursts: number }

let stop = false;

async function run({ base, users }: BurstStart): Promise<BurstReport> {
  const report: BurstReport = { times: [], burstTimes: [], loginErrors: 0, bursts: 0 };
  while (!stop) {
    report.bursts++;
    const t = performance.now();
    await Promise.all(users.map(async (u) => {
      const t0 = performance.now();
      try {
        await new BenchClient(base).login(u.username, u.password);
        report.times.push(performance.now() - t0);
      } catch {
        report.loginErrors++;
      }
    }));
    report.burstTimes.push(performance.now() - t);
    while (!stop && performance.now() < t + 1000) await new Promise((r) => setTimeout(r, 10));
  }
  return report;
}

process.once('message', (start: BurstStart) => {
  process.on('message', (m) => { if (m === 'stop') stop = true; });
  process.send!('started');
  void run(start).then((report) => process.send!(report, () => process.exit(0)));
});
