import {
  dateField, fiscalYearField, intField, kanaField, optionalDateField, optionalIntField, optionalText, optionalYen, phoneField, requiredText,
  requiredYen, typedNumber,
} from '../../src/http/schema-fields';

/** Issue 14 items 13 and 14: the shared field builders. */
const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0].message);

describe('text', () => {
  test('required: blank (or spaces, 全角 too) → 「〇〇を入力してください」; too long → the length rule', () => {
    const f = requiredText('氏名', 5);
    for (const blank of [undefined, '', '   ', '\u3000', '\r\n']) expect(issue(f.safeParse(blank))).toBe('氏名を入力してください');
    expect(issue(f.safeParse('あいうえおか'))).toBe('氏名は5文字以内で入力してください');
    expect(f.parse(' あいうえお ')).toBe('あいうえお');
  });

  test('a typed CRLF counts as one character and is kept as LF', () => {
    const f = optionalText('備考', 5);
    expect(f.parse('あい\r\nうえ')).toBe('あい\nうえ');
    expect(f.parse('あ\r\nい\r\nう')).toBe('あ\nい\nう');
    expect(issue(f.safeParse('あ\r\nい\r\nうえ'))).toBe('備考は5文字以内で入力してください');
    expect(f.parse('')).toBeNull();
  });

  test('lengths over a thousand read with a comma', () => {
    expect(issue(optionalText('議事録', 20_000).safeParse('あ'.repeat(20_001)))).toBe('議事録は20,000文字以内で入力してください');
  });

  test('kana: hiragana and 半角 accepted; blank, too long and other characters each say so', () => {
    const f = kanaField('氏名カナ', 6);
    expect(kanaField('氏名カナ', 10).parse('くまもと ﾀﾛｳ')).toBe('クマモト\u3000タロウ');
    expect(issue(f.safeParse(''))).toBe('氏名カナを入力してください');
    expect(issue(f.safeParse('アイウエオカキ'))).toBe('氏名カナは6文字以内で入力してください');
    expect(issue(f.safeParse('Taro'))).toBe('氏名カナはカタカナで入力してください（ひらがな・半角カナも使えます）');
  });
});

describe('phone numbers', () => {
  test.each([
    ['０９６ー３２８ー２１１１', '096-328-2111'], ['096－328－2111', '096-328-2111'], ['096‐328‑2111', '096-328-2111'], ['096―328−2111', '096-328-2111'],
    ['096ｰ328ｰ2111', '096-328-2111'], ['096 328 2111', '0963282111'], ['０９０　１２３４　５６７８', '09012345678'], ['（096）328-2111', '(096)328-2111'], ['', null],
  ])('%j → %j', (typed, stored) => {
    expect(phoneField('電話番号').parse(typed)).toBe(stored);
  });

  test.each(['096-328', '096-328-2111-1234', '096-328-2111 内線5', 'abc'])('%j is refused', (typed) => {
    expect(issue(phoneField('電話番号').safeParse(typed))).toBe('電話番号は市外局番から10桁または11桁の数字で入力してください');
  });
});

describe('numbers', () => {
  test('typedNumber folds 全角, spaces, commas, a leading ¥ and the unit', () => {
    expect(typedNumber('￥１５０，０００円', /円$/)).toBe('150000');
    expect(typedNumber(' 1 200 人 ', /人$/)).toBe('1200');
  });

  test('yen: required says so when blank; 円, ￥, commas and 全角 accepted; anything else gives the yen rule', () => {
    expect(requiredYen('報酬付与額').parse('￥１５０，０００円')).toBe(150000);
    expect(issue(requiredYen('報酬付与額').safeParse(''))).toBe('報酬付与額を入力してください');
    for (const bad of ['15万', '-1', '1.5', '１５０ー０００', '100000001']) expect(issue(requiredYen('報酬付与額').safeParse(bad))).toBe('報酬付与額は0以上の整数（円）で入力してください');
    expect(optionalYen('助成額').parse('')).toBeNull();
  });

  test('an integer in range, with its unit; blank means what the field says', () => {
    expect(intField('件数', 0, 99, { unit: /件$/ }).parse('１２件')).toBe(12);
    expect(issue(intField('件数', 0, 99).safeParse(''))).toBe('件数を入力してください');
    expect(issue(intField('件数', 0, 99).safeParse(['1', '2']))).toBe('件数は0〜99の整数で入力してください');
    expect(optionalIntField('在宅月数', 0, 120, { blank: 0 }).parse('')).toBe(0);
    expect(optionalIntField('所要時間', 0, 1440).parse(undefined)).toBeNull();
  });
});

describe('dates and 年度', () => {
  test('a required date says 「〇〇を入力してください」 when blank and its example when wrong', () => {
    expect(issue(dateField('受付日').safeParse(''))).toBe('受付日を入力してください');
    expect(issue(dateField('受付日').safeParse('2026-02-30'))).toBe('受付日を正しい日付で入力してください（例：2025-04-01、令和7年4月1日、R7.4.1）');
    expect(dateField('受付日').parse('Ｒ８．１１．１')).toBe('2026-11-01');
    expect(optionalDateField('回答日').parse('')).toBeNull();
  });

  test('a 年度 field takes 令和7年度, R7年度, 2025年度, 令和元年度 and 2025, within its range', () => {
    const f = fiscalYearField('年度', 2000, 2100);
    expect(['令和7年度', 'R7年度', '２０２５年度', '2025', '令和7年度（2025年度）'].map((v) => f.parse(v))).toEqual([2025, 2025, 2025, 2025, 2025]);
    expect(f.parse('令和元年度')).toBe(2019);
    expect(issue(f.safeParse(''))).toBe('年度を入力してください');
    expect(issue(f.safeParse('平成11年度'))).toBe('年度は「令和7年度」「R7」「2025」のように入力してください');
  });
});
