/** Recording a citizen guardian's appointment to a case (受任) and its later changes (the end), audited. */
import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../../db/tx';
import { NotFoundError } from '../../../http/errors';
import { AppointmentEditForm, AppointmentForm } from './appointments-schema';

/** Whether the person was registered in the bank on `on` (a bank period covering that day). */
export async function registeredOn(trx: Knex | Knex.Transaction, guardianId: number, on: string): Promise<boolean> {
  const row = await trx('guardian_periods').where({ guardian_id: guardianId, kind: 'bank' }).where('started_on', '<=', on)
    .where((q) => q.whereNull('ended_on').orWhere('ended_on', '>=', on)).first('id');
  return row !== undefined;
}

export type AppointmentResult = 'ok' | 'not_registered' | 'conflict';

export async function createAppointment(req: Request, guardianId: number, f: AppointmentForm): Promise<AppointmentResult> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return inTransaction(db, async (trx) => {
    if (!(await trx('citizen_guardians').where({ id: guardianId }).forUpdate().first('id'))) throw new NotFoundError();
    if (!(await registeredOn(trx, guardianId, f.appointed_on))) return 'not_registered';
    await trx('guardian_appointments').insert({
      guardian_id: guardianId, person_id: f.person_id, appointed_on: f.appointed_on, guardianship_type_id: f.guardianship_type_id,
      ended_on: f.ended_on, end_reason: f.end_reason, created_at: now, created_by: by, updated_at: now, updated_by: by,
    });
    await audit(req, 'guardian.appointment', 'citizen_guardian', guardianId, trx);
    await audit(req, 'guardian.appointment', 'person', f.person_id, trx);
    return 'ok';
  });
}

export async function updateAppointment(req: Request, guardianId: number, id: number, f: AppointmentEditForm): Promise<AppointmentResult> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const before = await trx('guardian_appointments').where({ id, guardian_id: guardianId }).forUpdate().first('id', 'person_id', 'version');
    if (!before) throw new NotFoundError();
    if (before.version !== f.version) return 'conflict';
    if (!(await registeredOn(trx, guardianId, f.appointed_on))) return 'not_registered';
    const values = {
      appointed_on: f.appointed_on, guardianship_type_id: f.guardianship_type_id, ended_on: f.ended_on, end_reason: f.end_reason,
      updated_at: clock.now(), updated_by: req.user!.id,
    };
    if (!(await updateVersioned(trx, 'guardian_appointments', id, f.version, values))) return 'conflict';
    await audit(req, 'guardian.appointment_update', 'citizen_guardian', guardianId, trx);
    await audit(req, 'guardian.appointment_update', 'person', before.person_id, trx);
    return 'ok';
  });
}
