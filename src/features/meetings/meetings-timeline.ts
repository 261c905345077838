import type { TimelineEntry, TimelineSource } from '../../contracts/timeline';

/** A person's cases in live matching meetings for their timeline: the meeting day and the recommendation. */
export const meetingTimeline: TimelineSource = async (db, personId) => {
  const rows: { id: number; meeting_id: number; held_on: string; recommended: string; appointed: string | null }[] = await db('meeting_cases as c')
    .join('meetings as m', 'm.id', 'c.meeting_id')
    .join('code_entries as r', 'r.id', 'c.recommended_type_id')
    .leftJoin('code_entries as a', 'a.id', 'c.appointed_type_id')
    .where('c.person_id', personId).whereNull('c.deleted_at').whereNull('m.deleted_at')
    .orderBy([{ column: 'm.held_on', order: 'desc' }, { column: 'c.id', order: 'desc' }])
    .select('c.id', 'c.meeting_id', 'm.held_on', 'r.label as recommended', 'a.label as appointed');
  return rows.map((r): TimelineEntry => ({
    date: r.held_on,
    kind: '受任調整会議',
    summary: `推薦：${r.recommended}${r.appointed ? `／選任：${r.appointed}` : ''}`,
    href: `/meetings/${r.meeting_id}/cases/${r.id}`,
  }));
};
