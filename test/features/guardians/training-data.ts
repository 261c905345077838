/** Random citizen-guardian records for the table tests (a seeded generator), and independent counts of them in JS. */
import { Knex } from 'knex';
import { fiscalYearRange } from '../../../src/lib/dates';
import { insertAppointment, insertCourse, insertGuardian, insertPeriod, insertSession, enrolDirect } from './guardian-factory';
import { insertPerson } from '../../helpers/factories';

export interface Period { guardian: number; kind: 'bank' | 'cooperator'; from: string; to: string | null }
export interface World {
  completions: string[];
  sessions: { on: string; attendees: number }[];
  periods: Period[];
  appointments: { person: number; from: string; to: string | null }[];
}

/** A small deterministic generator (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** Dates between 2017-01-01 and 2025-12-31, a quarter of them on a fiscal-year boundary (3/31 or 4/1). */
function dateFrom(r: ReturnType<typeof rng>, after?: string): string {
  for (;;) {
    const y = r.int(2017, 2025);
    const d = r.next() < 0.25 ? (r.next() < 0.5 ? `${y}-03-31` : `${y}-04-01`)
      : new Date(Date.UTC(y, 0, 1) + r.int(0, 364) * 86400000).toISOString().slice(0, 10);
    if (!after || d > after) return d;
  }
}

export async function generate(db: Knex, seed: number, people = 60): Promise<World> {
  const r = rng(seed);
  const w: World = { completions: [], sessions: [], periods: [], appointments: [] };
  const courses = new Map<number, number>();
  const ids: number[] = [];
  for (let i = 0; i < people; i++) {
    const id = await insertGuardian(db, { name: `無作為 ${i}`, kana: 'ムサクイ タロウ' });
    ids.push(id);
    if (r.next() < 0.7) {
      const fy = r.int(2016, 2025);
      if (!courses.has(fy)) courses.set(fy, (await insertCourse(db, fy, 0)).id);
      const done = r.next() < 0.8 ? dateFrom(r) : null;
      await enrolDirect(db, courses.get(fy)!, id, done);
      if (done) w.completions.push(done);
    }
    let last: string | undefined;
    for (let k = 0; k < r.int(0, 2); k++) {
      const from = dateFrom(r, last);
      const to = r.next() < 0.5 ? dateFrom(r, from) : null;
      await insertPeriod(db, id, 'bank', from, to);
      w.periods.push({ guardian: id, kind: 'bank', from, to });
      if (r.next() < 0.4) {
        const cTo = to && r.next() < 0.5 ? to : r.next() < 0.5 ? dateFrom(r, from) : to;
        if (!to || (cTo && cTo <= to)) {
          await insertPeriod(db, id, 'cooperator', from, cTo);
          w.periods.push({ guardian: id, kind: 'cooperator', from, to: cTo });
        }
      }
      if (!to) break;
      last = to;
    }
  }
  for (let s = 0; s < 30; s++) {
    const attendees = ids.filter(() => r.next() < 0.15);
    const on = dateFrom(r);
    await insertSession(db, on, `研修${s}`, attendees);
    w.sessions.push({ on, attendees: attendees.length });
  }
  const persons: number[] = [];
  for (let p = 0; p < 25; p++) persons.push(await insertPerson(db, { name: `本人 ${p}`, name_kana: 'ホンニン' }));
  for (let a = 0; a < 40; a++) {
    const from = dateFrom(r);
    const to = r.next() < 0.5 ? dateFrom(r, from) : null;
    const person = persons[r.int(0, persons.length - 1)];
    await insertAppointment(db, ids[r.int(0, ids.length - 1)], person, from, to);
    w.appointments.push({ person, from, to });
  }
  return w;
}

const inFy = (d: string, fy: number) => d >= fiscalYearRange(fy).from && d <= fiscalYearRange(fy).to;

/** The five rows of the table for `fy`, counted from the generated records. */
export function expectedColumn(w: World, fy: number): number[] {
  const end = fiscalYearRange(fy).to;
  const start = fiscalYearRange(fy).from;
  const stock = (kind: Period['kind']) => new Set(w.periods.filter((p) => p.kind === kind && p.from <= end && (p.to === null || p.to > end)).map((p) => p.guardian)).size;
  return [
    w.completions.filter((d) => inFy(d, fy)).length,
    w.sessions.filter((s) => inFy(s.on, fy)).reduce((n, s) => n + s.attendees, 0),
    stock('bank'),
    stock('cooperator'),
    new Set(w.appointments.filter((a) => a.from <= end && (a.to === null || a.to >= start)).map((a) => a.person)).size,
  ];
}
