/**
 * A petitions ledger's columns, the stage each date column records, and the masters its labels
 * are read against (根拠法 also by the law's name alone, 類型 among 後見・保佐・補助).
 */
import { Knex } from 'knex';
import { codeListLookup, LabelLookup, normalizeLabel, wardLookup } from '../../imports';
import { STATUTORY_TYPES } from '../petitions-options';

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

/** A rule of the ledger the forms do not have (petitions-import-form.ts says why). */
export const PETITION_IMPORT_MESSAGES = {
  caseNumberWithoutFiling: `${C.caseNumber}がある行は申立日も書いてください`,
};

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
