/** Fixtures for the petition tests: persons, petitions with recorded stages, relatives, users per ward. */
import { Knex } from 'knex';
import { insertPerson, wardId } from '../../helpers/factories';

export interface StageSeed { stage: number; status?: 'done' | 'not_needed' | 'historical'; on?: string | null; note?: string }

/**
 * A petition inserted directly: `intake` is its created_at day (Tokyo), `stages` the rows already
 * recorded (done with a date unless said otherwise).
 */
export async function insertPetition(db: Knex, p: {
  person_id: number; ward: string; intake?: string; stages?: StageSeed[]; filed_on?: string | null; values?: Record<string, unknown>;
}): Promise<number> {
  const createdAt = new Date(`${p.intake ?? '2026-11-01'}T09:00:00+09:00`);
  const [row] = await db('petitions').insert({
    person_id: p.person_id, ward_id: await wardId(db, p.ward), created_at: createdAt, updated_at: createdAt,
    filed_on: p.filed_on ?? null, ...(p.values ?? {}),
  }).returning('id');
  for (const s of p.stages ?? []) {
    const status = s.status ?? 'done';
    await db('petition_stages').insert({
      petition_id: row.id, stage: s.stage, status, completed_on: status === 'historical' ? null : (s.on ?? '2026-11-01'),
      note: s.note ?? (status === 'not_needed' ? '開催せず' : null),
    });
  }
  return row.id as number;
}

/** Stages 1..n done, on consecutive days from `from` (one a day). */
export function doneThrough(n: number, from = '2026-10-01'): StageSeed[] {
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return Array.from({ length: n }, (_, i) => ({ stage: i + 1, on: new Date(start + i * 86400000).toISOString().slice(0, 10) }));
}

/** A person and a petition for them in `ward`. */
export async function petitionIn(db: Knex, ward: string, opts: { name?: string; kana?: string; stages?: StageSeed[]; intake?: string; phone?: string } = {}) {
  const personId = await insertPerson(db, {
    name: opts.name ?? '熊本 花子', name_kana: opts.kana ?? 'クマモト ハナコ', birth_date: '1940-05-06',
    address: '熊本市中央区手取本町1-1', phone: opts.phone ?? '096-111-2222', ward_id: await wardId(db, ward),
  });
  const id = await insertPetition(db, { person_id: personId, ward, stages: opts.stages, intake: opts.intake });
  return { personId, id };
}

export async function insertRelative(db: Knex, petitionId: number, name = '熊本 一郎'): Promise<number> {
  const [row] = await db('petition_relatives').insert({ petition_id: petitionId, name, relation: '長男', degree: 1 }).returning('id');
  return row.id as number;
}

/** The petition ids linked from a list page's table body, in order. */
export function listedIds(html: string): number[] {
  const body = html.match(/<table class="data-table petition-list">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<a href="\/petitions\/(\d+)">/g)].map((m) => Number(m[1]));
}

export const audits = (db: Knex, action: string, id?: number) =>
  db('audit_log').where({ action, ...(id === undefined ? {} : { record_type: 'petition', record_id: String(id) }) });
