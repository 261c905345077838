import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../db/tx';
import { Computed } from './subsidies-validate';
import { RecordValues } from './subsidies-form';

export const EDITABLE_STATUSES = ['受付', '審査'];

type Saved = RecordValues & Computed;

/** Exactly the stored columns of a validated form (the checkbox and the version stay out). */
function columns(f: Saved) {
  return {
    petition_id: f.petition_id, ward_id: f.ward_id, received_on: f.received_on, guardian_name: f.guardian_name,
    guardian_relation_id: f.guardian_relation_id, petition_type: f.petition_type, court_decided_on: f.court_decided_on,
    case_number: f.case_number, period_from: f.period_from, period_to: f.period_to, fee_awarded_yen: f.fee_awarded_yen,
    home_months: f.home_months, facility_months: f.facility_months, home_cap_yen: f.home_cap_yen, facility_cap_yen: f.facility_cap_yen,
    eligibility: f.eligibility, funding_line: f.funding_line, granted_yen: f.granted_yen, payee: f.payee,
  };
}

/** A new application (受付) and its audit row; an overlap saved on purpose is audited too. */
export async function createSubsidy(req: Request, personId: number, f: Saved, overlapConfirmed: boolean): Promise<number> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return inTransaction(db, async (trx) => {
    const [row] = await trx('subsidies').insert({
      person_id: personId, ...columns(f), status: '受付', created_at: now, created_by: by, updated_at: now, updated_by: by,
    }).returning('id');
    await audit(req, 'subsidy.create', 'subsidy', row.id, trx);
    if (overlapConfirmed) await audit(req, 'subsidy.overlap_confirmed', 'subsidy', row.id, trx);
    return row.id as number;
  });
}

export type UpdateResult = 'ok' | 'conflict' | 'locked';

/** Saves the form if nobody changed the application since `version` and it is not decided yet. */
export async function updateSubsidy(req: Request, id: number, version: number, f: Saved, overlapConfirmed: boolean): Promise<UpdateResult> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const before = await trx('subsidies').where({ id }).whereNull('deleted_at').forUpdate().first('version', 'status');
    if (!before || before.version !== version) return 'conflict';
    if (!EDITABLE_STATUSES.includes(before.status)) return 'locked';
    if (!(await updateVersioned(trx, 'subsidies', id, version, { ...columns(f), updated_at: clock.now(), updated_by: req.user!.id }))) return 'conflict';
    await audit(req, 'subsidy.update', 'subsidy', id, trx);
    if (overlapConfirmed) await audit(req, 'subsidy.overlap_confirmed', 'subsidy', id, trx);
    return 'ok';
  });
}
