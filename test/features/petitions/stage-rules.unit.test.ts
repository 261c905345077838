import {
  checkStageDate, checkStageOrder, CLOSING_STAGE, RecordedStage, STAGE_RULES, STAGES, stageDef,
} from '../../../src/features/petitions/stages/petition-stages';

const done = (stage: number, on: string | null = '2026-04-01'): RecordedStage => ({ stage, status: on ? 'done' : 'historical', completed_on: on });
const through = (n: number) => Array.from({ length: n }, (_, i) => done(i + 1, `2026-04-${String(i + 1).padStart(2, '0')}`));

describe('checkStageOrder', () => {
  test('the twelve stages of domain.md §3, each with a next step', () => {
    expect(STAGES.map((s) => s.name)).toEqual([
      '相談受付', '本人調査', '親族調査', '診断書・本人情報シート', '申立書類作成', '受任調整', '決裁', '家裁申立て', '審判', '確定', '登記', '終結 / 取下げ',
    ]);
    for (const s of STAGES) expect(s.nextStep).not.toBe('');
    expect(() => stageDef(13)).toThrow(RangeError);
  });

  test('only the current stage (the first unrecorded) may be recorded', () => {
    expect(checkStageOrder([], 1, null)).toBeNull();
    expect(checkStageOrder([], 2, null)).toBe(STAGE_RULES.notCurrent);
    expect(checkStageOrder(through(3), 4, null)).toBeNull();
    expect(checkStageOrder(through(3), 5, null)).toBe(STAGE_RULES.notCurrent);
  });

  test('a recorded stage cannot be recorded again', () => {
    expect(checkStageOrder(through(3), 2, null)).toBe(STAGE_RULES.alreadyDone);
  });

  test('not-needed and historical rows count as recorded', () => {
    const rows: RecordedStage[] = [...through(5), { stage: 6, status: 'not_needed', completed_on: '2026-04-06' }];
    expect(checkStageOrder(rows, 7, null)).toBeNull();
    expect(checkStageOrder([done(1, null), done(2, null)], 3, null)).toBeNull();
  });

  test('closing needs a kind; 完了 only once stage 12 is current; 取下げ / 却下 at any point', () => {
    expect(checkStageOrder(through(2), CLOSING_STAGE, null)).toBe(STAGE_RULES.closeKindRequired);
    expect(checkStageOrder(through(2), CLOSING_STAGE, '完了')).toBe(STAGE_RULES.completeOnlyAtEnd);
    expect(checkStageOrder(through(10), CLOSING_STAGE, '完了')).toBe(STAGE_RULES.completeOnlyAtEnd);
    expect(checkStageOrder(through(11), CLOSING_STAGE, '完了')).toBeNull();
    expect(checkStageOrder(through(2), CLOSING_STAGE, '取下げ')).toBeNull();
    expect(checkStageOrder([], CLOSING_STAGE, '却下')).toBeNull();
  });

  test('nothing may be recorded once closed', () => {
    const closed = [...through(2), done(12)];
    expect(checkStageOrder(closed, 3, null)).toBe(STAGE_RULES.closedAlready);
    expect(checkStageOrder(closed, 12, '取下げ')).toBe(STAGE_RULES.closedAlready);
  });
});

describe('checkStageDate', () => {
  test('not in the future', () => {
    expect(checkStageDate([], 1, '2026-11-28', '2026-11-27')).toBe(STAGE_RULES.future);
    expect(checkStageDate([], 1, '2026-11-27', '2026-11-27')).toBeNull();
  });

  test('not before the latest known date of an earlier stage (same day allowed)', () => {
    const rows = [done(1, '2026-04-01'), done(2, '2026-05-10'), done(3, null)];
    expect(checkStageDate(rows, 4, '2026-05-09', '2026-11-27')).toBe('完了日は段階2「本人調査」の完了日（令和8年5月10日）以降の日付を入力してください');
    expect(checkStageDate(rows, 4, '2026-05-10', '2026-11-27')).toBeNull();
  });

  test('a historical (undated) earlier stage puts no bound; later stages do not bind earlier ones', () => {
    expect(checkStageDate([done(1, null), done(2, null)], 3, '2000-01-01', '2026-11-27')).toBeNull();
    expect(checkStageDate([done(1, '2026-04-01'), done(5, '2026-09-01')], 3, '2026-05-01', '2026-11-27')).toBeNull();
  });

  test('across a fiscal-year boundary: 3/31 then 4/1', () => {
    expect(checkStageDate([done(1, '2026-03-31')], 2, '2026-04-01', '2026-04-01')).toBeNull();
    expect(checkStageDate([done(1, '2026-04-01')], 2, '2026-03-31', '2026-04-01')).toBe('完了日は段階1「相談受付」の完了日（令和8年4月1日）以降の日付を入力してください');
  });
});
