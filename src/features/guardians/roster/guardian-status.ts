/**
 * A citizen guardian's current status, as the view citizen_guardian_progress derives it from the
 * steps of domain.md §6 (never stored). Codes in URLs, labels on screen, in pipeline order.
 */
export const GUARDIAN_STATUSES = {
  none: '未受講',
  enrolled: '受講中',
  completed: '修了',
  active: '支援員活動中',
  registered: 'バンク登録',
  cooperator: '協力員',
  withdrawn: '登録抹消',
} as const;

export type GuardianStatus = keyof typeof GUARDIAN_STATUSES;

export const isGuardianStatus = (s: string): s is GuardianStatus => Object.hasOwn(GUARDIAN_STATUSES, s);

export const statusLabel = (s: string): string => (isGuardianStatus(s) ? GUARDIAN_STATUSES[s] : s);

/** The two kinds of dated period kept in guardian_periods. */
export const PERIOD_KINDS = { bank: 'バンク登録', cooperator: '法人後見協力員' } as const;
export type PeriodKind = keyof typeof PERIOD_KINDS;
