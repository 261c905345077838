/** Issue 14 item 1, the pure rules: a step's date against the step it follows, with the rule in the message. */
import { closeRefusal } from '../../../src/features/guardians/bank/guardians-steps-service';
import { parseCourse } from '../../../src/features/guardians/courses/courses-schema';
import { checkStageDate, latestBefore, RecordedStage } from '../../../src/features/petitions/stages/petition-stages';
import { recordDates } from '../../../src/features/petitions/record/petitions-schema';
import { decisionRule, paymentRule } from '../../../src/features/subsidies/flow/subsidies-flow-schema';
import { crossErrors } from '../../../src/features/subsidies/subsidies-validate';
import { PeriodRow } from '../../../src/features/guardians/roster/guardians-queries';

const TODAY = '2026-11-27';

describe('subsidy: 受付 → 決定 → 支払', () => {
  const s = { received_on: '2026-10-15', court_decided_on: '2026-10-01', decided_on: '2026-11-01' };

  test('a decision: not before the receipt (same day allowed), then not before the court, not in the future', () => {
    const rule = decisionRule(s, TODAY);
    expect(rule({ decided_on: '2026-10-14' })).toEqual({ decided_on: '決定日は受付日以降の日付を入力してください' });
    expect(rule({ decided_on: '2026-10-15' })).toEqual({});
    expect(decisionRule({ ...s, received_on: null }, TODAY)({ decided_on: '2026-09-30' })).toEqual({ decided_on: '決定日は報酬付与審判日以降の日付を入力してください' });
    expect(rule({ decided_on: '2026-11-28' })).toEqual({ decided_on: '未来の日付は入力できません' });
    expect(rule({ decision: '却下', decision_reason: null })).toEqual({ decision_reason: '却下の理由を入力してください' });
    expect(rule({})).toEqual({});
  });

  test('a payment: not before the decision', () => {
    expect(paymentRule(s, TODAY)({ paid_on: '2026-10-31' })).toEqual({ paid_on: '支払日は決定日以降の日付を入力してください' });
    expect(paymentRule(s, TODAY)({ paid_on: '2026-11-01' })).toEqual({});
  });

  test('the record: received not before the court\'s decision; the period\'s end not before its start — on what parsed', () => {
    expect(crossErrors({ received_on: '2026-09-30', court_decided_on: '2026-10-01' }, TODAY, undefined)).toEqual({ received_on: '受付日は報酬付与審判日以降の日付を入力してください' });
    expect(crossErrors({ received_on: '2026-10-01', court_decided_on: '2026-10-01' }, TODAY, undefined)).toEqual({});
    expect(crossErrors({ period_from: '2025-04-01', period_to: '2025-03-31' }, TODAY, undefined)).toEqual({ period_to: '対象期間の終了日は開始日以降の日付を入力してください' });
    expect(crossErrors({ received_on: '2026-09-30' }, TODAY, '子')).toEqual({ guardian_relation_id: '後見人等が親族（子）の場合は報酬助成の対象外です。申請は受け付けられません' });
  });
});

describe('petition stages', () => {
  const done = (stage: number, on: string | null): RecordedStage => ({ stage, status: on ? 'done' : 'historical', completed_on: on });

  test('a completion names the latest earlier date it precedes: a stage or a date of the record', () => {
    const recorded = [done(1, '2026-04-01'), done(7, '2026-05-01')];
    const fields = recordDates({ approved_on: '2026-05-10', filed_on: null });
    expect(checkStageDate(recorded, 8, '2026-05-09', TODAY, fields)).toBe('完了日は決裁日（令和8年5月10日）以降の日付を入力してください');
    expect(checkStageDate(recorded, 8, '2026-04-30', TODAY)).toBe('完了日は段階7「決裁」の完了日（令和8年5月1日）以降の日付を入力してください');
    expect(checkStageDate(recorded, 8, '2026-05-10', TODAY, fields)).toBeNull();
    expect(checkStageDate(recorded, 12, '2026-04-30', TODAY)).toBe('終結日は段階7「決裁」の完了日（令和8年5月1日）以降の日付を入力してください');
  });

  test('later steps do not bind earlier ones; undated (historical) rows bind nothing', () => {
    const known = recordDates({ approved_on: '2026-05-10', decided_on: '2026-06-01' });
    expect(latestBefore(known, 8, '2026-05-09')).toMatchObject({ stage: 7, what: '決裁日' });
    expect(latestBefore(known, 7, '2026-01-01')).toBeNull();
    expect(checkStageDate([done(1, null)], 2, '2000-01-01', TODAY)).toBeNull();
  });
});

describe('course → completion', () => {
  const body = (changes: Record<string, string> = {}) => {
    const out: Record<string, string> = { title: '講座', version: '1' };
    for (let n = 1; n <= 10; n++) Object.assign(out, { [`day_${n}_on`]: `2025-06-${String(n + 10)}`, [`day_${n}_topic`]: `内容${n}` });
    return { ...out, ...changes };
  };

  test('each day not before the one it follows (same day allowed)', () => {
    expect(parseCourse(body({ day_5_on: '2025-06-13' }), 2025)).toMatchObject({ ok: false, errors: { day_5_on: '第5日の日付は第4日（令和7年6月14日）以降の日付を入力してください' } });
    expect(parseCourse(body({ day_5_on: '2025-06-14', day_4_on: '2025-06-14' }), 2025).ok).toBe(true);
  });

  test('with a completion recorded, no day after it', () => {
    expect(parseCourse(body(), 2025, '2025-06-19')).toMatchObject({ ok: false, errors: { day_10_on: expect.stringContaining('修了日（令和7年6月19日）以前') } });
    expect(parseCourse(body(), 2025, '2025-06-20').ok).toBe(true);
  });
});

describe('bank and 協力員 periods', () => {
  const period = (kind: 'bank' | 'cooperator', started_on: string, ended_on: string | null = null): PeriodRow =>
    ({ id: 1, kind, started_on, ended_on, end_reason: null, version: 1 });

  test('a withdrawal or an end before the start names the start', () => {
    expect(closeRefusal([period('bank', '2025-04-01')], 'bank', '2025-03-31')).toBe('抹消日はバンク登録日（令和7年4月1日）以降の日付を入力してください');
    expect(closeRefusal([period('bank', '2025-04-01')], 'bank', '2025-04-01')).toBeNull();
    expect(closeRefusal([period('bank', '2025-04-01'), period('cooperator', '2025-05-01', '2025-06-01')], 'bank', '2025-05-15'))
      .toBe('抹消日は法人後見協力員の終了日（令和7年6月1日）以降の日付を入力してください');
  });
});
