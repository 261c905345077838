/**
 * 氏名カナ as stored and searched: NFKC (half-width カナ → full-width), hiragana → katakana,
 * every run of spaces (full- or half-width) → one full-width space, trimmed.
 */
export function normalizeKana(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000]+/g, '\u3000')
    .trim();
}

/** Kana for prefix search: as stored, but spaces removed so 'ヤマダ タ' and 'ヤマダタ' both match. */
export function kanaSearchKey(input: string): string {
  return normalizeKana(input).replace(/\u3000/g, '');
}

/** True when the string is katakana (with 長音, 中黒 and spaces) only. */
export function isKatakana(input: string): boolean {
  return /^[\u30a1-\u30fa\u30fc\u30fb\u3000]+$/.test(input);
}

/** Phone numbers compared by their digits only (full-width digits accepted). */
export function phoneDigits(input: string): string {
  return input.normalize('NFKC').replace(/\D/g, '');
}

const SMALL_KANA = 'ァィゥェォャュョッヮヵヶ';
const FULL_KANA = 'アイウエオヤユヨツワカケ';
const OLD_KANA: Record<string, string> = { ヰ: 'イ', ヱ: 'エ', ヲ: 'オ' };
/** The vowel of each kana left once small kana, old kana and voiced marks are gone. */
const VOWEL_ROWS: [string, string][] = [
  ['a', 'アカサタナハマヤラワ'], ['i', 'イキシチニヒミリ'], ['u', 'ウクスツヌフムユル'], ['e', 'エケセテネヘメレ'], ['o', 'オコソトノホモヨロ'],
];
const VOWEL = new Map<string, string>(VOWEL_ROWS.flatMap(([v, kana]) => [...kana].map((k): [string, string] => [k, v])));
/** A vowel kana after a mora ending in `v` that lengthens it: the same vowel, or エイ and オウ. */
const LENGTHENS: Record<string, string> = { a: 'ア', i: 'イ', u: 'ウ', e: 'エイ', o: 'オウ' };

/**
 * The key the possible-duplicate check and the kana search compare: two spellings of one
 * reading get the same key (never shown; the stored kana is kept as typed). The rule:
 * 1. as normalizeKana (width, hiragana), and every space and ・ dropped;
 * 2. small kana as full (ァィゥェォャュョッヮヵヶ → アイウエオヤユヨツワカケ), old kana ヰヱヲ → イエオ,
 *    voiced and semi-voiced marks dropped (ガ → カ, パ → ハ, ヂ → チ, ヴ → ウ);
 * 3. a long vowel, written with ー or with a vowel kana, becomes ー: a vowel kana after a mora
 *    with the same vowel (アア, イイ, ウウ, エエ, オオ), イ after an e-mora (エイ), ウ after an
 *    o-mora (オウ). A ー carries on the vowel before it (ケイイチ ≡ ケーイチ).
 * So タロー ≡ タロウ ≡ タロオ, コーイチ ≡ コウイチ, オオノ ≡ オーノ ≡ オウノ, ユウキ ≡ ユーキ,
 * ジョー ≡ ジヨウ ≡ ショウ. Length itself is kept: オノ (小野) and オオノ (大野) are different
 * names, and their keys differ. Each character maps by itself and the mora before it, so the key
 * of a prefix is a prefix of the key: the search matches the stored key by prefix.
 */
export function kanaMatchKey(input: string): string {
  const plain = normalizeKana(input)
    .replace(/[\u3000\u30fb]/g, '')
    .normalize('NFD').replace(/[\u3099-\u309c]/g, '').normalize('NFC')
    .replace(/[ァィゥェォャュョッヮヵヶ]/g, (ch) => FULL_KANA[SMALL_KANA.indexOf(ch)])
    .replace(/[ヰヱヲ]/g, (ch) => OLD_KANA[ch]);
  let out = '';
  let vowel: string | undefined;
  for (const ch of plain) {
    if (ch === 'ー' || (vowel !== undefined && LENGTHENS[vowel].includes(ch))) {
      out += 'ー';
    } else {
      out += ch;
      vowel = VOWEL.get(ch);
    }
  }
  return out;
}

/** 氏名 as the duplicate check compares it: width folded (NFKC), spaces and ・ dropped. */
export function nameMatchKey(input: string): string {
  return input.normalize('NFKC').replace(/[\s\u3000\u30fb]/g, '');
}
