/**
 * When two person records may be the same person: the one rule the duplicate check on the person
 * form, the merge page and the imports all apply (persons-duplicates.ts). Staff decide; nothing
 * is merged or linked on a loose match.
 */
import { kanaMatchKey, kanaSearchKey, nameMatchKey } from '../../lib/kana';

export interface NameAndBirth { name: string; name_kana: string; birth_date: string | null }

/**
 * Why two records may be one person, strongest first; always with the same birth date:
 * - kana: the same 氏名カナ (spaces, width and hiragana aside: kana_key);
 * - kanaLoose: 氏名カナ that differ only in long vowels, small kana or voiced marks (kanaMatchKey);
 * - name: the same 氏名 (spaces and width aside).
 */
export type MatchReason = 'kana' | 'kanaLoose' | 'name';

export const MATCH_REASON_LABELS: Record<MatchReason, string> = {
  kana: '氏名カナが同じ',
  kanaLoose: '氏名カナがほぼ同じ（長音・小さい字・濁点の違いのみ）',
  name: '氏名が同じ',
};

/** The reasons `a` and `b` may be one person; none without a birth date on both. */
export function matchReasons(a: NameAndBirth, b: NameAndBirth): MatchReason[] {
  if (!a.birth_date || a.birth_date !== b.birth_date) return [];
  const reasons: MatchReason[] = [];
  if (kanaSearchKey(a.name_kana) === kanaSearchKey(b.name_kana)) reasons.push('kana');
  else if (kanaMatchKey(a.name_kana) === kanaMatchKey(b.name_kana)) reasons.push('kanaLoose');
  if (nameMatchKey(a.name) === nameMatchKey(b.name)) reasons.push('name');
  return reasons;
}

/** '氏名カナがほぼ同じ（…）・氏名が同じ' */
export const describeReasons = (reasons: MatchReason[]) => reasons.map((r) => MATCH_REASON_LABELS[r]).join('・');
