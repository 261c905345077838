/**
 * Random meetings and cases for the report tests, inserted directly, and independent counts computed
 * from the generated list (not from SQL). Some months of FY2024 never get a meeting; meetings fall on
 * the fiscal-year boundary days too; some meetings and cases are deleted.
 */
import { Knex } from 'knex';
import { prng } from '../reports/consultation-data';
import { insertCase, insertMeeting, somePerson } from './meeting-factory';

export interface GenCase { recommended: number; appointed: number | null; deleted: boolean }
export interface GenMeeting { held_on: string; deleted: boolean; cases: GenCase[] }

/** The months of FY2024 (as 1–12) that get no meeting at all. */
export const EMPTY_MONTHS_2024 = [5, 8, 1];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function generate(kinds: number[], n: number, seed: number): GenMeeting[] {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const fixed = ['2024-03-31', '2024-04-01', '2025-03-31', '2025-04-01'];
  return Array.from({ length: n }, (_, i) => {
    let held = fixed[i];
    while (!held) {
      const month = Math.floor(rnd() * 36); // 2023-04 … 2026-03
      const y = 2023 + Math.floor((month + 3) / 12);
      const m = ((month + 3) % 12) + 1;
      const inFy2024 = (y === 2024 && m >= 4) || (y === 2025 && m <= 3);
      if (!(inFy2024 && EMPTY_MONTHS_2024.includes(m))) held = iso(y, m, 1 + Math.floor(rnd() * 28));
    }
    const cases = Array.from({ length: Math.floor(rnd() * 5) }, () => ({
      recommended: pick(kinds), appointed: rnd() < 0.35 ? null : rnd() < 0.6 ? -1 : pick(kinds), deleted: rnd() < 0.08,
    })).map((c) => ({ ...c, appointed: c.appointed === -1 ? c.recommended : c.appointed }));
    return { held_on: held, deleted: rnd() < 0.07, cases };
  });
}

export async function insertAll(db: Knex, meetings: GenMeeting[]): Promise<void> {
  const person = await somePerson(db);
  for (const m of meetings) {
    const id = await insertMeeting(db, m.held_on, { deleted: m.deleted });
    for (const c of m.cases) await insertCase(db, id, { person_id: person, recommended: c.recommended, appointed: c.appointed, deleted: c.deleted });
  }
}

export const fyOf = (iso: string) => (Number(iso.slice(5, 7)) >= 4 ? Number(iso.slice(0, 4)) : Number(iso.slice(0, 4)) - 1);
export const monthOf = (iso: string) => Number(iso.slice(5, 7));

/** The live meetings of the fiscal year and their live cases. */
export function liveIn(meetings: GenMeeting[], fy: number): GenMeeting[] {
  return meetings.filter((m) => !m.deleted && fyOf(m.held_on) === fy).map((m) => ({ ...m, cases: m.cases.filter((c) => !c.deleted) }));
}
