import fc from 'fast-check';
import { kanaMatchKey, kanaSearchKey, nameMatchKey, normalizeKana } from '../../src/lib/kana';

/**
 * Every katakana letter with the other ways staff type it: hiragana and half-width (ｶﾞ is two
 * characters). Built from the half-width block, so every half-width spelling is covered.
 */
interface Letter { kata: string; spellings: string[] }
const LETTERS: Letter[] = (() => {
  const out: Letter[] = [];
  for (let cp = 0xff66; cp <= 0xff9d; cp++) {
    const half = String.fromCharCode(cp);
    const kata = half.normalize('NFKC');
    if (kata === 'ー') continue;
    const hira = (k: string) => (k >= 'ァ' && k <= 'ヶ' ? String.fromCharCode(k.charCodeAt(0) - 0x60) : k);
    out.push({ kata, spellings: [kata, hira(kata), half] });
    for (const [mark, halfMark] of [['\u3099', 'ﾞ'], ['\u309a', 'ﾟ']]) {
      const marked = (kata + mark).normalize('NFC');
      if (marked.length === 1) out.push({ kata: marked, spellings: [marked, hira(marked), half + halfMark] });
    }
  }
  return out;
})();
const SMALL_TO_FULL: Record<string, string> = { ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ッ: 'ツ' };
const letter = fc.constantFrom(...LETTERS);
const kanaWord = fc.array(fc.oneof({ weight: 9, arbitrary: letter.map((l) => l.kata) }, { weight: 1, arbitrary: fc.constant('ー') }), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const unvoice = (s: string) => s.normalize('NFD').replace(/[\u3099\u309a]/g, '').normalize('NFC');

describe('kanaMatchKey: the examples the rule was made for', () => {
  test.each([
    ['クマモトタロー', 'クマモト タロウ'],
    ['タロー', 'タロオ'],
    ['コーイチ', 'コウイチ'],
    ['オオノ', 'オーノ'],
    ['オウノ', 'オーノ'],
    ['ユウキ', 'ユーキ'],
    ['ケイコ', 'ケーコ'],
    ['ケイイチ', 'ケーイチ'],
    ['ニイガタ', 'ニーガタ'],
    ['ジョウジ', 'ジョージ'],
    ['ジヨウジ', 'ジョージ'],
    ['キャサリン', 'キヤサリン'],
    ['ハットリ', 'ハツトリ'],
    ['ガッコウ', 'カッコウ'],
    ['パク', 'ハク'],
    ['ヴィクトル', 'ウィクトル'],
    ['トヲル', 'トオル'],
    ['ｸﾏﾓﾄ ﾀﾛｳ', 'くまもと　たろう'],
    ['ｼﾞﾛｳ', 'ジロー'],
    ['ジョン・スミス', 'ジョン スミス'],
  ])('%s ≡ %s', (a, b) => {
    expect(kanaMatchKey(a)).toBe(kanaMatchKey(b));
  });

  test.each([
    ['オノ', 'オオノ'], // 小野 and 大野: length is part of the name
    ['ユキ', 'ユウキ'],
    ['タロ', 'タロウ'],
    ['サイトウ', 'サトウ'],
    ['カトウ', 'カンドウ'],
    ['アイ', 'アー'], // ai is a diphthong, not a long a
    ['コウ', 'コイ'],
    ['キムラ', 'キクラ'],
  ])('%s ≢ %s', (a, b) => {
    expect(kanaMatchKey(a)).not.toBe(kanaMatchKey(b));
  });

  test('the key of the issue\'s pair, and what it is made of', () => {
    expect(kanaMatchKey('クマモトタロー')).toBe('クマモトタロー');
    expect(kanaMatchKey('ジョウ')).toBe('シヨー');
    expect(kanaMatchKey('')).toBe('');
    expect(kanaMatchKey('　 ')).toBe('');
  });
});

describe('kanaMatchKey: properties', () => {
  test('every spelling of the same letters (katakana, hiragana, half-width) gets the same key', () => {
    fc.assert(fc.property(fc.array(fc.tuple(letter, fc.nat(2)), { minLength: 1, maxLength: 12 }), (word) => {
      const kata = word.map(([l]) => l.kata).join('');
      const mixed = word.map(([l, i]) => l.spellings[i]).join('');
      expect(kanaMatchKey(mixed)).toBe(kanaMatchKey(kata));
    }));
  });

  test('spaces and ・ anywhere do not change the key', () => {
    fc.assert(fc.property(kanaWord, fc.array(fc.tuple(fc.nat(12), fc.constantFrom(' ', '　', '・', '  ')), { maxLength: 4 }), (word, cuts) => {
      let spaced = word;
      for (const [at, sep] of cuts) spaced = spaced.slice(0, at % (spaced.length + 1)) + sep + spaced.slice(at % (spaced.length + 1));
      expect(kanaMatchKey(spaced)).toBe(kanaMatchKey(word));
    }));
  });

  test('small kana and their full-size letters, voiced and plain letters, get the same key', () => {
    fc.assert(fc.property(kanaWord, (word) => {
      const full = [...word].map((c) => SMALL_TO_FULL[c] ?? c).join('');
      expect(kanaMatchKey(full)).toBe(kanaMatchKey(word));
      expect(kanaMatchKey(unvoice(word))).toBe(kanaMatchKey(word));
    }));
  });

  test('a long vowel written as ー or as the vowel kana that lengthens the mora before it gets the same key', () => {
    const lengthening: Record<string, string[]> = { a: ['ア'], i: ['イ'], u: ['ウ'], e: ['エ', 'イ'], o: ['オ', 'ウ'] };
    const moraOf = fc.constantFrom(...Object.entries({ a: 'カサタナハマヤラワガパ', i: 'キシチニヒミリギ', u: 'クスツヌフムユルグ', e: 'ケセテネヘメレゲ', o: 'コソトノホモヨロゴ' })
      .flatMap(([v, kana]) => [...kana].map((k) => [v, k] as const)));
    fc.assert(fc.property(kanaWord, moraOf, fc.nat(1), kanaWord, (before, [v, mora], pick, after) => {
      const vowelKana = lengthening[v][pick % lengthening[v].length];
      expect(kanaMatchKey(before + mora + vowelKana + after)).toBe(kanaMatchKey(before + mora + 'ー' + after));
    }));
  });

  test('one character of key per letter: the length of a name is kept', () => {
    fc.assert(fc.property(kanaWord, (word) => {
      expect(kanaMatchKey(word)).toHaveLength([...word].length);
    }));
  });

  test('the key of a prefix is a prefix of the key (the search matches by prefix)', () => {
    fc.assert(fc.property(kanaWord, fc.nat(12), (word, n) => {
      expect(kanaMatchKey(word).startsWith(kanaMatchKey(word.slice(0, n)))).toBe(true);
    }));
  });

  test('the key is its own key, and holds no small kana, voiced marks, hiragana or spaces', () => {
    fc.assert(fc.property(fc.oneof(kanaWord, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 })), (s) => {
      const key = kanaMatchKey(s);
      expect(kanaMatchKey(key)).toBe(key);
      if (normalizeKana(s) === s && /^[\u30a1-\u30fa\u30fc\u30fb\u3000]*$/.test(s)) {
        expect(key).toMatch(/^[アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンー]*$/);
      }
    }));
  });

  test('the loose key is a function of the exact one: kana the exact key calls equal, the loose key does too', () => {
    fc.assert(fc.property(fc.oneof(kanaWord, fc.string({ maxLength: 12 })), (s) => {
      expect(kanaMatchKey(kanaSearchKey(s))).toBe(kanaMatchKey(s));
    }));
  });
});

describe('nameMatchKey', () => {
  test.each([
    ['熊本 太郎', '熊本太郎'],
    ['熊本　太郎', ' 熊本  太郎 '],
    ['ＪＯＨＮ　ＳＭＩＴＨ', 'JOHN SMITH'],
    ['ｸﾏﾓﾄ ﾀﾛｳ', 'クマモト・タロウ'],
  ])('%s ≡ %s', (a, b) => {
    expect(nameMatchKey(a)).toBe(nameMatchKey(b));
  });

  test('different characters stay different', () => {
    expect(nameMatchKey('熊本 太郎')).not.toBe(nameMatchKey('熊本 太朗'));
    expect(nameMatchKey('𠮷田 花子')).not.toBe(nameMatchKey('吉田 花子'));
  });
});
