import express from 'express';
import { countByCategory } from '../src/features/reports/consultation-counts';
import { findConsultation } from '../src/features/consultations/consultations-queries';
import { loadFormOptions } from '../src/features/consultations/consultations-options';
import { findPickablePerson } from '../src/features/persons/person-pick';
import type { BareContext } from './servers';
import { auditAs } from './servers';

/**
 * The journey steps without the app around them (GET /list and /persons/:id come from
 * servers.ts): a consultation with its audit row, the entry form's options, the insert in a
 * transaction with its audit row, and the monthly tally's query.
 */
export function bareJourneyRoutes(app: express.Express, c: BareContext): void {
  const { db, today } = c;
  app.get('/consultations/:id', async (req, res) => {
    const row = await findConsultation(db, Number(req.params.id));
    if (!row) { res.status(404).end(); return; }
    await auditAs(c, 'consultation.view', 'consultation', row.id);
    res.json(row);
  });
  app.get('/new', async (req, res) => {
    const opts = await loadFormOptions(db);
    const person = await findPickablePerson(db, Number(req.query.person_id));
    res.json({ opts, person, again: await findPickablePerson(db, Number(req.query.person_id)) });
  });
  app.post('/consultations', async (req, res) => {
    const opts = await loadFormOptions(db);
    const personId = Number(req.query.person_id);
    if (!(await findPickablePerson(db, personId))) { res.status(400).end(); return; }
    const id = await db.transaction(async (trx) => {
      const p = await findPickablePerson(trx, personId);
      const now = new Date();
      const [row] = await trx('consultations').insert({
        consulted_on: today, start_time: '10:00', duration_minutes: 30, method_id: opts.codes.method_id[0].id,
        category_id: Number(req.query.category), ward_id: p?.ward_id ?? null, person_id: personId, sex_id: p?.sex_id ?? null,
        condition_id: p?.condition_id ?? null, content: 'ベンチマークによる登録（基準）', staff_id: c.actorId,
        created_at: now, created_by: c.actorId, updated_at: now, updated_by: c.actorId,
      }).returning('id');
      await auditAs(c, 'consultation.create', 'consultation', row.id, trx);
      return row.id as number;
    });
    res.json({ id });
  });
  app.get('/monthly', async (req, res) => {
    res.json(await countByCategory(db, Number(req.query.fy), [], 'month'));
  });
}
