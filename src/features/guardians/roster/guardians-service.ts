/** Creating and editing roster records: one transaction each, audited; a new trainee may be enrolled in a course at once. */
import { Request } from 'express';
import { audit } from '../../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../../db/tx';
import { kanaSearchKey } from '../../../lib/kana';
import { GUARDIAN_COLUMNS, GuardianForm } from './guardians-schema';
import { sameKanaAndBirth } from './guardians-queries';

const columns = (f: GuardianForm) => ({
  ...Object.fromEntries(GUARDIAN_COLUMNS.map((c) => [c, f[c]])), kana_key: kanaSearchKey(f.name_kana),
});

export type SaveResult = { ok: true; id: number } | { ok: false; reason: 'duplicate' | 'conflict' | 'missing' };

export async function createGuardian(req: Request, f: GuardianForm, courseId: number | null): Promise<SaveResult> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return inTransaction(db, async (trx) => {
    if (await sameKanaAndBirth(trx, kanaSearchKey(f.name_kana), f.birth_date)) return { ok: false, reason: 'duplicate' } as const;
    const [row] = await trx('citizen_guardians')
      .insert({ ...columns(f), created_at: now, created_by: by, updated_at: now, updated_by: by }).returning('id');
    await audit(req, 'guardian.create', 'citizen_guardian', row.id, trx);
    if (courseId !== null) {
      await trx('guardian_course_enrolments').insert({ course_id: courseId, guardian_id: row.id, created_at: now, created_by: by, updated_at: now, updated_by: by });
      await audit(req, 'course.enrol', 'guardian_course', courseId, trx);
    }
    return { ok: true, id: row.id as number };
  });
}

export async function updateGuardian(req: Request, id: number, f: GuardianForm & { version: number }): Promise<SaveResult> {
  const { db, clock } = req.deps;
  return inTransaction(db, async (trx) => {
    const before = await trx('citizen_guardians').where({ id }).forUpdate().first('id', 'version');
    if (!before) return { ok: false, reason: 'missing' } as const;
    if (before.version !== f.version) return { ok: false, reason: 'conflict' } as const;
    if (await sameKanaAndBirth(trx, kanaSearchKey(f.name_kana), f.birth_date, id)) return { ok: false, reason: 'duplicate' } as const;
    const saved = await updateVersioned(trx, 'citizen_guardians', id, f.version, { ...columns(f), updated_at: clock.now(), updated_by: req.user!.id });
    if (!saved) return { ok: false, reason: 'conflict' } as const;
    await audit(req, 'guardian.update', 'citizen_guardian', id, trx);
    return { ok: true, id };
  });
}
