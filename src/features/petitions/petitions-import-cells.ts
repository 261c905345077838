/**
 * Reading one row of a petitions ledger: the masters it is checked against, the column names,
 * the Japanese reasons, and the cell readers special to petitions (根拠法 by its short name,
 * 類型 among 後見・保佐・補助, the stage dates in order, the case number).
 */
import { Knex } from 'knex';
import { toWareki } from '../../lib/dates';
import { codeListLookup, dateCell, LabelLookup, normalizeLabel, wardLookup } from '../imports/import-cells';
import { shown } from '../imports/import-messages';
import type { Cells } from '../imports/import-spec';
import { STATUTORY_TYPES } from './petitions-reports-table';

export const C = { name: '氏名', kana: '氏名カナ', birth: '生年月日', ward: '区', basis: '根拠法', type: '類型', caseNumber: '事件番号' } as const;

/** The optional stage dates, in stage order, and the petition field each one is copied to. */
export const STAGE_DATE_COLUMNS = [
  { name: '相談受付日', stage: 1, field: null },
  { name: '親族調査完了日', stage: 3, field: null },
  { name: '決裁日', stage: 7, field: 'approved_on' },
  { name: '申立日', stage: 8, field: 'filed_on' },
  { name: '審判日', stage: 9, field: 'decided_on' },
  { name: '確定日', stage: 10, field: 'finalized_on' },
  { name: '登記日', stage: 11, field: 'registered_on' },
] as const;
export type StageDateColumn = (typeof STAGE_DATE_COLUMNS)[number];

export const BASIS_SHORT_NAMES = ['老人福祉法', '知的障害者福祉法', '精神保健福祉法'];
export const NAME_MAX = 100;

export const PETITION_IMPORT_MESSAGES = {
  tooLong: (column: string) => `${column}は${NAME_MAX}文字以内で書いてください`,
  kana: (value: string) => `${C.kana}「${shown(value)}」はカタカナで書いてください（ひらがな・半角カナも使えます）`,
  basis: (value: string) => `${C.basis}「${shown(value)}」は ${BASIS_SHORT_NAMES.join('・')} のいずれかで書いてください`,
  type: (value: string) => `${C.type}「${shown(value)}」は ${STATUTORY_TYPES.join('・')} のいずれかで書いてください`,
  order: (later: string, laterOn: string, earlier: string, earlierOn: string) =>
    `${later}（${toWareki(laterOn)}）が${earlier}（${toWareki(earlierOn)}）より前の日付です。段階の順に日付が進むように直してください`,
  caseNumber: (value: string) => `${C.caseNumber}「${shown(value)}」は「令和5年(家)第1234号」のように書いてください`,
  caseNumberWithoutFiling: `${C.caseNumber}がある行は申立日も書いてください`,
};
const M = PETITION_IMPORT_MESSAGES;

export interface PetitionMasters {
  wards: LabelLookup;
  /** 根拠法 by full label or by the law's name alone (老人福祉法 → 老人福祉法第32条) */
  bases: LabelLookup;
  /** 類型 among the statutory three only */
  types: LabelLookup;
}

export async function loadPetitionMasters(db: Knex | Knex.Transaction): Promise<PetitionMasters> {
  const bases = await codeListLookup(db, 'legal_basis');
  for (const [id, label] of bases.labels) {
    const short = BASIS_SHORT_NAMES.find((s) => label.startsWith(`${s}第`));
    if (short) bases.ids.set(normalizeLabel(short), id);
  }
  const types = await codeListLookup(db, 'guardianship_type');
  for (const [label] of types.ids) if (!STATUTORY_TYPES.includes(label)) types.ids.delete(label);
  return { wards: await wardLookup(db), bases, types };
}

/** A label from a list; empty = not set; anything else not in the list = `message`. */
export function listCell(value: string, lookup: LabelLookup, reasons: string[], message: (v: string) => string): number | null {
  if (value === '') return null;
  const id = lookup.ids.get(normalizeLabel(value));
  if (id === undefined) reasons.push(message(value));
  return id ?? null;
}

/** 令和5年(家)第1234号 (全角の括弧・数字も可; 平成 for old cases), stored in half-width form. */
export function caseNumberCell(value: string, reasons: string[]): string | null {
  if (value === '') return null;
  const v = value.normalize('NFKC').replace(/\s/g, '');
  if (/^(令和|平成)(元|[1-9]\d?)年\(家\)第\d{1,6}号$/.test(v)) return v;
  reasons.push(M.caseNumber(value));
  return null;
}

export interface StageDate { stage: number; on: string; column: StageDateColumn }

/** The stage dates given, in stage order; each later one must not precede an earlier one. */
export function stageDateCells(cells: Cells, reasons: string[]): StageDate[] {
  const dates: StageDate[] = [];
  for (const column of STAGE_DATE_COLUMNS) {
    const on = dateCell(column.name, cells[column.name] ?? '', reasons, false);
    if (on !== null) dates.push({ stage: column.stage, on, column });
  }
  dates.forEach((d, i) => {
    const before = dates.slice(0, i).find((e) => e.on > d.on);
    if (before) reasons.push(M.order(d.column.name, d.on, before.column.name, before.on));
  });
  return dates;
}
