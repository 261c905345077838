import type { TimelineEntry, TimelineSource } from '../../../contracts/timeline';

/** A person's citizen guardians for their timeline: each appointment (受任), with the 類型 and its end if it ended. */
export const guardianAppointmentTimeline: TimelineSource = async (db, personId) => {
  const rows: { guardian_id: number; appointed_on: string; ended_on: string | null; name: string; type: string }[] = await db('guardian_appointments as a')
    .join('citizen_guardians as g', 'g.id', 'a.guardian_id')
    .join('code_entries as t', 't.id', 'a.guardianship_type_id')
    .where('a.person_id', personId)
    .orderBy([{ column: 'a.appointed_on', order: 'desc' }, { column: 'a.id', order: 'desc' }])
    .select('a.guardian_id', 'a.appointed_on', 'a.ended_on', 'g.name', 't.label as type');
  return rows.map((r): TimelineEntry => ({
    date: r.appointed_on,
    kind: '市民後見人の受任',
    summary: `${r.name}（${r.type}）${r.ended_on ? '：終了' : '：受任中'}`,
    href: `/guardians/${r.guardian_id}`,
  }));
};
