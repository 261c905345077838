/**
 * The fixed choices of a subsidy application (domain.md §4), kept as CHECK constraints in the
 * database like the petition's reason and urgency: the yearly table's rows depend on them.
 */
export const PETITION_TYPES = ['市長', '本人', '親族'] as const;
export const ELIGIBILITIES = ['生活保護', '中国残留邦人等支援給付', '市長が認める者'] as const;
export const FUNDING_LINES = ['高齢', '障がい'] as const;
export const DECISIONS = ['承認', '却下'] as const;

export type PetitionType = (typeof PETITION_TYPES)[number];
export type FundingLine = (typeof FUNDING_LINES)[number];
export type Decision = (typeof DECISIONS)[number];
export type SubsidyStatus = '受付' | '審査' | '決定' | '支払';

/** 成年後見人等と本人との関係 entries that are relatives: their applications are not subsidised. */
export const RELATIVE_GUARDIANS = ['配偶者', '親', '子', '兄弟姉妹', 'その他親族'];

export const isRelativeGuardian = (label: string | undefined) => label !== undefined && RELATIVE_GUARDIANS.includes(label);

/** The list filter's choices: where an application stands (決定 split by its outcome). */
export const STATUS_FILTERS = ['受付', '審査', '承認', '却下', '支払'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** '受付', '審査', '決定（承認）', '決定（却下）', '支払済'. */
export function statusLabel(s: { status: string; decision: string | null }): string {
  if (s.status === '決定') return `決定（${s.decision ?? ''}）`;
  if (s.status === '支払') return '支払済';
  return s.status;
}

export const yenText = (n: number | null | undefined) => (n === null || n === undefined ? '' : `${n.toLocaleString('ja-JP')}円`);
