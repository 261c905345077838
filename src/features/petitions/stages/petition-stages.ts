import { toWareki } from '../../../lib/dates';

/** The twelve stages of a mayoral petition (domain.md §3), what each records, and the step after it. */
export interface StageDef {
  no: number;
  name: string;
  /** what the person recording the stage should have filled in on the petition first */
  records: string;
  /** shown as 「次の作業」 while this stage is the current one */
  nextStep: string;
}

export const STAGES: StageDef[] = [
  { no: 1, name: '相談受付', records: '紹介元、申立ての理由、緊急度', nextStep: '相談を受け付け、理由と緊急度を記録する' },
  { no: 2, name: '本人調査', records: '訪問日、本人の意向、診断名', nextStep: '本人を訪問し、意向と診断名を確認する' },
  { no: 3, name: '親族調査', records: '2親等内の親族と照会・回答', nextStep: '戸籍で2親等内の親族を調べ、申立ての意向を照会する' },
  { no: 4, name: '診断書・本人情報シート', records: '医師、日付、判断能力の所見、申し立てる類型', nextStep: '診断書と本人情報シートを取り寄せる' },
  { no: 5, name: '申立書類作成', records: '書類のチェックリスト', nextStep: '申立書類をそろえる' },
  { no: 6, name: '受任調整', records: '受任調整会議とその推薦', nextStep: '受任調整会議で候補者を検討する（開催しない場合は「不要」）' },
  { no: 7, name: '決裁', records: '決裁日と決裁番号', nextStep: '市長申立ての決裁を受ける' },
  { no: 8, name: '家裁申立て', records: '申立日、事件番号、費用', nextStep: '家庭裁判所に申し立てる' },
  { no: 9, name: '審判', records: '審判日、類型、選任された後見人等', nextStep: '審判を待ち、結果を記録する' },
  { no: 10, name: '確定', records: '確定日', nextStep: '審判の確定（告知から2週間）を確認する' },
  { no: 11, name: '登記', records: '登記日', nextStep: '後見登記を確認する' },
  { no: 12, name: '終結 / 取下げ', records: '完了・取下げ・却下とその理由', nextStep: '終結を記録する' },
];

export const CLOSING_STAGE = 12;
export const CLOSE_KINDS = ['完了', '取下げ', '却下'] as const;
export type CloseKind = (typeof CLOSE_KINDS)[number];

export const STAGE_STATUS_LABELS = { done: '完了', not_needed: '不要', historical: '完了（日付不明・過去分）' } as const;
export type StageStatus = keyof typeof STAGE_STATUS_LABELS;

export function stageDef(no: number): StageDef {
  const def = STAGES[no - 1];
  if (!def) throw new RangeError(`no stage ${no}`);
  return def;
}

export interface RecordedStage { stage: number; status: StageStatus; completed_on: string | null }

export const STAGE_RULES = {
  notCurrent: 'この段階はまだ記録できません。前の段階から順に記録してください',
  alreadyDone: 'この段階は既に記録されています',
  closedAlready: 'この申立ては終結しています',
  completeOnlyAtEnd: '「完了」で終結できるのは登記まで記録した後です。途中で終える場合は「取下げ」または「却下」を選んでください',
  future: '完了日に未来の日付は入力できません',
  reasonRequired: '「不要」とする理由を入力してください',
  closeKindRequired: '終結の区分（完了・取下げ・却下）を選択してください',
} as const;

/** 「完了日は段階7「決裁」の完了日（令和8年5月1日）以降の日付を入力してください」: the date and the earlier one it may not precede. */
export const notBeforeEarlier = (label: string, earlier: EarlierDate) => `${label}は${earlier.what}（${toWareki(earlier.on)}）以降の日付を入力してください`;

/** A date known for an earlier step: a stage's completion, or a date of the record (決裁日, 申立日 …). */
export interface EarlierDate { stage: number; on: string; what: string }

export const stageDone = (stage: number) => `段階${stage}「${stageDef(stage).name}」の完了日`;

/** The recorded stages' completion dates, as EarlierDate. */
export const stageDates = (recorded: RecordedStage[]): EarlierDate[] =>
  recorded.filter((r) => r.completed_on).map((r) => ({ stage: r.stage, on: r.completed_on as string, what: stageDone(r.stage) }));

/** The latest of the dates known for steps before `stage` that `on` precedes, or null. */
export function latestBefore(known: EarlierDate[], stage: number, on: string): EarlierDate | null {
  const earlier = known.filter((k) => k.stage < stage).sort((a, b) => a.on.localeCompare(b.on) || a.stage - b.stage);
  const latest = earlier[earlier.length - 1];
  return latest && on < latest.on ? latest : null;
}

/**
 * Whether `stage` may be recorded now, given what is recorded: stages go in order; 終結 may come
 * early only as 取下げ or 却下. Returns the Japanese reason when not, or null.
 */
export function checkStageOrder(recorded: RecordedStage[], stage: number, closeKind: CloseKind | null): string | null {
  const done = new Set(recorded.map((r) => r.stage));
  if (done.has(CLOSING_STAGE)) return STAGE_RULES.closedAlready;
  if (done.has(stage)) return STAGE_RULES.alreadyDone;
  const current = STAGES.find((s) => !done.has(s.no))!.no;
  if (stage === CLOSING_STAGE) {
    if (!closeKind) return STAGE_RULES.closeKindRequired;
    if (closeKind === '完了' && current !== CLOSING_STAGE) return STAGE_RULES.completeOnlyAtEnd;
    return null;
  }
  return stage === current ? null : STAGE_RULES.notCurrent;
}

/**
 * The completion date (or 終結日): not in the future, and not before the latest known date of an
 * earlier stage — a recorded stage's completion or a date of the record (`fields`, e.g. 決裁日).
 */
export function checkStageDate(recorded: RecordedStage[], stage: number, completedOn: string, today: string, fields: EarlierDate[] = []): string | null {
  if (completedOn > today) return STAGE_RULES.future;
  const latest = latestBefore([...stageDates(recorded), ...fields], stage, completedOn);
  return latest ? notBeforeEarlier(stage === CLOSING_STAGE ? '終結日' : '完了日', latest) : null;
}
