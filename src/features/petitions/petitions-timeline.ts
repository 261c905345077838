import type { TimelineEntry, TimelineSource } from '../persons/person-timeline';
import { stageDef } from './petition-stages';

/** A person's petitions for their timeline: the intake day, the ward and where the petition stands. */
export const petitionTimeline: TimelineSource = async (db, personId) => {
  const rows: { id: number; since: string; ward: string; current_stage: number | null; close_kind: string | null }[] = await db('petitions as p')
    .join('petition_progress as pp', 'pp.petition_id', 'p.id')
    .join('wards as w', 'w.id', 'p.ward_id')
    .where('p.person_id', personId)
    .orderBy('p.id', 'desc')
    .select('p.id', db.raw("(p.created_at AT TIME ZONE 'Asia/Tokyo')::date::text AS since"), 'w.name as ward', 'pp.current_stage', 'p.close_kind');
  return rows.map((r): TimelineEntry => ({
    date: r.since,
    kind: '市長申立て',
    summary: `${r.ward}：${r.current_stage ? `現在 ${stageDef(r.current_stage).name}` : `終結（${r.close_kind ?? '記録なし'}）`}`,
    href: `/petitions/${r.id}`,
  }));
};
