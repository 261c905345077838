/**
 * persons.match_key: the data migration fills it for stored persons with the rule of the day
 * (its own copy, since migrations import no app code), makes it NOT NULL, and the kana search's
 * prefix match can walk its index — on PGlite and PostgreSQL alike.
 */
import { useTestDatabase } from '../helpers/suite';
import { kanaMatchKey } from '../../src/lib/kana';
import { up } from '../../migrations/20261208120100_backfill_persons_match_key';

const t = useTestDatabase();

test('the backfill fills every row (merged ones too) in batches, then match_key is NOT NULL', async () => {
  const kanas = Array.from({ length: 2_345 }, (_, i) => ['クマモト タロウ', 'ｸﾏﾓﾄ ﾀﾛｰ', 'じょうじ', 'オオノ コウイチ'][i % 4] + 'ア'.repeat(i % 3));
  await t.db.raw('ALTER TABLE persons ALTER COLUMN match_key DROP NOT NULL');
  const ids: number[] = (await t.db('persons').insert(kanas.map((k) => ({ name: '試験', name_kana: k, kana_key: k }))).returning('id')).map((r: { id: number }) => r.id);
  await t.db('persons').where({ id: ids[1] }).update({ merged_into_id: ids[0] });
  await up(t.db);
  const rows: { name_kana: string; match_key: string }[] = await t.db('persons').whereIn('id', ids).select('name_kana', 'match_key');
  expect(rows).toHaveLength(kanas.length);
  for (const r of rows) expect(r.match_key).toBe(kanaMatchKey(r.name_kana));
  await expect(t.db('persons').insert({ name: '試験', name_kana: 'ア', kana_key: 'ア' })).rejects.toThrow(/match_key/);
});

test('a prefix match on match_key can use its index', async () => {
  await t.db.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    const plan = await trx.raw("EXPLAIN SELECT id FROM persons WHERE merged_into_id IS NULL AND match_key LIKE 'クマモトタロ%'");
    expect(plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('persons_match_key');
  });
});
