import type { TimelineEntry, TimelineSource } from '../../contracts/timeline';
import { stageDef } from './stages/petition-stages';

/**
 * A person's petitions for their timeline, each at its business date: the day of stage 1 (相談受付),
 * else the earliest stage with a known date (a ledger imported without its intake day). A petition
 * with no stage recorded yet is at its intake, which began the day it was registered; one whose
 * stages are all of unknown date (過去分) has no date. Never the day the record was typed in.
 */
export const petitionTimeline: TimelineSource = async (db, personId) => {
  const rows: { id: number; since: string | null; ward: string; current_stage: number | null; close_kind: string | null }[] = await db('petitions as p')
    .join('petition_progress as pp', 'pp.petition_id', 'p.id')
    .join('wards as w', 'w.id', 'p.ward_id')
    .where('p.person_id', personId)
    .orderBy('p.id', 'desc')
    .select('p.id', db.raw(`COALESCE(
        (SELECT s.completed_on FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 1),
        (SELECT min(s.completed_on) FROM petition_stages s WHERE s.petition_id = p.id),
        CASE WHEN NOT EXISTS (SELECT 1 FROM petition_stages s WHERE s.petition_id = p.id)
             THEN (p.created_at AT TIME ZONE 'Asia/Tokyo')::date END
      )::text AS since`), 'w.name as ward', 'pp.current_stage', 'p.close_kind');
  return rows.map((r): TimelineEntry => ({
    date: r.since,
    kind: '市長申立て',
    summary: `${r.ward}：${r.current_stage ? `現在 ${stageDef(r.current_stage).name}` : `終結（${r.close_kind ?? '記録なし'}）`}`,
    href: `/petitions/${r.id}`,
  }));
};
