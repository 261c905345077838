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
