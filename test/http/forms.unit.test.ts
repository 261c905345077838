import { z } from 'zod';
import { parsedFields, parseForm, parseFormAsync } from '../../src/http/forms';
import { dateField, intField, requiredText } from '../../src/http/schema-fields';

/** Issue 14 item 5: the rule across fields runs on what parsed, with the format errors, in one round. */
const schema = z.object({
  name: requiredText('氏名', 10),
  from: dateField('開始日'),
  to: dateField('終了日'),
  count: intField('件数', 0, 9),
});
type Form = z.infer<typeof schema>;
const order = (f: Partial<Form>) => (f.from && f.to && f.to < f.from ? { to: '終了日は開始日以降の日付を入力してください' } : {});

describe('parseForm with a rule', () => {
  test('a format error and a rule error come back together, in form order', () => {
    const r = parseForm(schema, { name: '', from: '2026-04-02', to: '2026-04-01', count: '1' }, order);
    expect(r).toEqual({
      ok: false,
      errors: { name: '氏名を入力してください', to: '終了日は開始日以降の日付を入力してください' },
      errorList: [{ field: 'name', message: '氏名を入力してください' }, { field: 'to', message: '終了日は開始日以降の日付を入力してください' }],
    });
  });

  test('the rule sees only the fields that parsed, with their parsed values', () => {
    const seen: Partial<Form>[] = [];
    parseForm(schema, { name: 'x', from: 'R8.4.1', to: 'nope', count: '１' }, (f) => { seen.push(f); return {}; });
    expect(seen).toEqual([{ name: 'x', from: '2026-04-01', count: 1 }]);
  });

  test('a format error wins over the rule\'s error on the same field', () => {
    const r = parseForm(schema, { name: 'x', from: '2026-04-02', to: '2026-04-01', count: 'many' }, () => ({ count: 'rule' }));
    expect(r.ok || r.errors.count).toBe('件数は0〜9の整数で入力してください');
  });

  test('errors the rule adds on fields outside the schema follow, in an order given', () => {
    const r = parseForm(schema, { name: '', from: '2026-04-01', to: '2026-04-01', count: '1' }, () => ({ person_id: '本人を選んでください' }), ['person_id', 'name']);
    expect(r.ok ? [] : r.errorList.map((e) => e.field)).toEqual(['person_id', 'name']);
  });

  test('all valid and the rule quiet: ok with the data; the rule still refuses a valid body', () => {
    const body = { name: 'x', from: '2026-04-01', to: '2026-04-02', count: '3' };
    expect(parseForm(schema, body, order)).toEqual({ ok: true, data: { name: 'x', from: '2026-04-01', to: '2026-04-02', count: 3 } });
    expect(parseForm(schema, { ...body, to: '2026-03-31' }, order).ok).toBe(false);
  });

  test('parseFormAsync waits for a rule that reads elsewhere', async () => {
    const r = await parseFormAsync(schema, { name: '', from: '2026-04-01', to: '2026-04-02', count: '3' }, async (f) => (f.count === 3 ? { count: '使われています' } : {}));
    expect(r.ok ? {} : r.errors).toEqual({ name: '氏名を入力してください', count: '使われています' });
  });

  test('parsedFields reads through a pipe to the object schema', () => {
    expect(parsedFields(schema.transform((v) => v), { name: 'x', count: 'a' })).toEqual({ name: 'x' });
  });
});
