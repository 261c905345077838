/** The 市民後見人 bank's registration rule as a pure function (the registering itself: gating.test.ts). */
import { GATING_MESSAGES, missingBankConditions, oneYearAfter } from '../../../src/features/guardians/bank/guardian-gating';

const ALL_MET = { completedOn: '2023-02-01', activityStartedOn: '2023-04-01', followupDates: ['2024-01-20'] };

describe('the bank rule (pure)', () => {
  test('all three conditions met: nothing missing', () => {
    expect(missingBankConditions(ALL_MET, '2024-04-01')).toEqual([]);
  });

  test.each([
    ['no completion', { completedOn: null }, GATING_MESSAGES.notCompleted],
    ['completed after the registration date', { completedOn: '2024-05-01' }, GATING_MESSAGES.completedLater('2024-05-01')],
    ['no 支援員 start', { activityStartedOn: null }, GATING_MESSAGES.noActivity],
    ['支援員 for less than a year', { activityStartedOn: '2023-04-02' }, GATING_MESSAGES.activityShort('2023-04-02', '2024-04-02')],
    ['no follow-up', { followupDates: [] }, GATING_MESSAGES.noFollowup],
    ['a follow-up only after the registration date', { followupDates: ['2024-04-02'] }, GATING_MESSAGES.noFollowup],
  ])('%s: exactly that condition is listed', (_name, change, message) => {
    expect(missingBankConditions({ ...ALL_MET, ...change }, '2024-04-01')).toEqual([message]);
  });

  test('a year is reached on the same date a year later (and on 3/1 from 2/29); all three can be missing at once', () => {
    expect(oneYearAfter('2023-04-01')).toBe('2024-04-01');
    expect(oneYearAfter('2024-02-29')).toBe('2025-03-01');
    expect(missingBankConditions({ ...ALL_MET, activityStartedOn: '2023-04-01' }, '2024-03-31')).toHaveLength(1);
    expect(missingBankConditions({ ...ALL_MET, activityStartedOn: '2024-02-29' }, '2025-02-28')).toHaveLength(1);
    expect(missingBankConditions({ ...ALL_MET, activityStartedOn: '2024-02-29' }, '2025-03-01')).toEqual([]);
    expect(missingBankConditions({ completedOn: null, activityStartedOn: null, followupDates: [] }, '2024-04-01'))
      .toEqual([GATING_MESSAGES.notCompleted, GATING_MESSAGES.noActivity, GATING_MESSAGES.noFollowup]);
  });
});
