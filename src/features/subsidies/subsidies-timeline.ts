import type { TimelineEntry, TimelineSource } from '../../contracts/timeline';
import { periodText } from './subsidies-schema';
import { statusLabel, yenText } from './subsidies-values';

/**
 * A person's subsidy applications for their timeline, each at its 受付日 (an imported application
 * without one: the court's 報酬付与 decision it was made for), never the day it was typed in or decided.
 */
export const subsidyTimeline: TimelineSource = async (db, personId) => {
  const rows: { id: number; on: string; period_from: string; period_to: string; status: string; decision: string | null; granted_yen: number | null }[] =
    await db('subsidies').where({ person_id: personId }).whereNull('deleted_at').orderBy('id', 'desc')
      .select('id', db.raw('COALESCE(received_on, court_decided_on)::text AS "on"'), 'period_from', 'period_to', 'status', 'decision', 'granted_yen');
  return rows.map((r): TimelineEntry => ({
    date: r.on,
    kind: '報酬助成',
    summary: `対象期間 ${periodText(r.period_from, r.period_to)}：${statusLabel(r)}${r.decision === '却下' ? '' : `（助成額 ${yenText(r.granted_yen)}）`}`,
    href: `/subsidies/${r.id}`,
  }));
};
