import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../audit/audit-writer';
import { ANY_VERSION, inTransaction, updateVersioned } from '../../db/tx';
import { ConsultationForm } from './consultations-schema';
import { findPickablePerson } from '../persons';
import { deriveAgeBand } from './consultations-age-band';
import { activeAgeBands } from './consultations-options';

/**
 * When a person is linked, a blank ward / sex / condition takes the person's, and a blank 年齢区分
 * the band of the person's age on the consultation date (staff may choose another).
 */
async function withPersonDefaults(trx: Knex.Transaction, f: ConsultationForm): Promise<ConsultationForm> {
  if (f.person_id === null) return f;
  const p = await findPickablePerson(trx, f.person_id);
  if (!p) return f;
  const ageBand = f.age_band_id ?? deriveAgeBand(await activeAgeBands(trx), p.birth_date, f.consulted_on);
  return { ...f, ward_id: f.ward_id ?? p.ward_id, sex_id: f.sex_id ?? p.sex_id, condition_id: f.condition_id ?? p.condition_id, age_band_id: ageBand };
}

function columns(f: ConsultationForm) {
  return {
    consulted_on: f.consulted_on, start_time: f.start_time, duration_minutes: f.duration_minutes,
    method_id: f.method_id, consultee_id: f.consultee_id, category_id: f.category_id, ward_id: f.ward_id,
    person_id: f.person_id, age_band_id: f.age_band_id, sex_id: f.sex_id, condition_id: f.condition_id,
    referral_center_id: f.referral_center_id, content: f.content, response: f.response, referral: f.referral,
    follow_up_on: f.follow_up_on, staff_id: f.staff_id,
  };
}

export async function createConsultation(req: Request, form: ConsultationForm): Promise<number> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const f = await withPersonDefaults(trx, form);
    const now = clock.now();
    const [row] = await trx('consultations')
      .insert({ ...columns(f), created_at: now, created_by: req.user!.id, updated_at: now, updated_by: req.user!.id })
      .returning('id');
    await audit(req, 'consultation.create', 'consultation', row.id, trx);
    return row.id as number;
  });
}

/**
 * Saves an edit if nobody saved since `version` was read. A changed follow-up date is a new
 * follow-up: its done mark is cleared.
 */
export async function updateConsultation(req: Request, id: number, version: number, form: ConsultationForm): Promise<boolean> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const f = await withPersonDefaults(trx, form);
    const ok = await updateVersioned(trx, 'consultations', id, version, {
      ...columns(f),
      follow_up_done_at: trx.raw('CASE WHEN follow_up_on IS NOT DISTINCT FROM ?::date THEN follow_up_done_at END', [f.follow_up_on]),
      updated_at: clock.now(),
      updated_by: req.user!.id,
    });
    if (ok) await audit(req, 'consultation.update', 'consultation', id, trx);
    return ok;
  });
}

/** Soft delete with a reason; the version moves on so an open edit form cannot bring it back. */
export async function deleteConsultation(req: Request, id: number, reason: string): Promise<boolean> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const done = await updateVersioned(trx, 'consultations', id, ANY_VERSION,
      { deleted_at: clock.now(), deleted_reason: reason, deleted_by: req.user!.id }, { where: (q) => q.whereNull('deleted_at') });
    if (done) await audit(req, 'consultation.delete', 'consultation', id, trx);
    return done;
  });
}

export async function restoreConsultation(req: Request, id: number): Promise<boolean> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const done = await updateVersioned(trx, 'consultations', id, ANY_VERSION,
      { deleted_at: null, deleted_reason: null, deleted_by: null, updated_at: clock.now(), updated_by: req.user!.id },
      { where: (q) => q.whereNotNull('deleted_at') });
    if (done) await audit(req, 'consultation.restore', 'consultation', id, trx);
    return done;
  });
}

export async function markFollowUpDone(req: Request, id: number): Promise<boolean> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const n = await trx('consultations').where({ id }).whereNull('deleted_at').whereNotNull('follow_up_on')
      .whereNull('follow_up_done_at').update({ follow_up_done_at: clock.now() });
    if (n === 1) await audit(req, 'consultation.follow_up_done', 'consultation', id, trx);
    return n === 1;
  });
}
