import type { TimelineEntry, TimelineSource } from '../../contracts/timeline';
import { categoryLabel } from './consultations-options';

/** A person's live consultations for their timeline: date, category and method, newest first. */
export const consultationTimeline: TimelineSource = async (db, personId) => {
  const rows: { id: number; consulted_on: string; name: string; parent_name: string | null; method: string | null }[] = await db('consultations as c')
    .join('consultation_categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('consultation_categories as par', 'par.id', 'cat.parent_id')
    .leftJoin('code_entries as me', 'me.id', 'c.method_id')
    .where('c.person_id', personId).whereNull('c.deleted_at')
    .orderBy([{ column: 'c.consulted_on', order: 'desc' }, { column: 'c.id', order: 'desc' }])
    .select('c.id', 'c.consulted_on', 'cat.name', 'par.name as parent_name', 'me.label as method');
  return rows.map((r): TimelineEntry => ({
    date: r.consulted_on,
    kind: '相談記録',
    summary: r.method ? `${categoryLabel(r)}（${r.method}）` : categoryLabel(r),
    href: `/consultations/${r.id}`,
  }));
};
