import { Knex } from 'knex';

/**
 * Data migration: persons.match_key for every stored person, then NOT NULL (the app sets it on
 * every insert and update from now on). The key is computed here by a copy of kanaMatchKey as it
 * was when this migration was written (migrations import no app code); a later change to the
 * rule needs a new data migration that computes the keys again.
 */
const SMALL = 'ァィゥェォャュョッヮヵヶ';
const FULL = 'アイウエオヤユヨツワカケ';
const OLD: Record<string, string> = { ヰ: 'イ', ヱ: 'エ', ヲ: 'オ' };
const VOWEL = new Map<string, string>([
  ['a', 'アカサタナハマヤラワ'], ['i', 'イキシチニヒミリ'], ['u', 'ウクスツヌフムユル'], ['e', 'エケセテネヘメレ'], ['o', 'オコソトノホモヨロ'],
].flatMap(([v, kana]) => [...kana].map((k): [string, string] => [k, v])));
const LENGTHENS: Record<string, string> = { a: 'ア', i: 'イ', u: 'ウ', e: 'エイ', o: 'オウ' };

export function matchKeyAtMigration(kana: string): string {
  const plain = kana.normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000\u30fb]/g, '')
    .normalize('NFD').replace(/[\u3099-\u309c]/g, '').normalize('NFC')
    .replace(/[ァィゥェォャュョッヮヵヶ]/g, (ch) => FULL[SMALL.indexOf(ch)])
    .replace(/[ヰヱヲ]/g, (ch) => OLD[ch]);
  let out = '';
  let vowel: string | undefined;
  for (const ch of plain) {
    if (ch === 'ー' || (vowel !== undefined && LENGTHENS[vowel].includes(ch))) out += 'ー';
    else {
      out += ch;
      vowel = VOWEL.get(ch);
    }
  }
  return out;
}

const BATCH = 1000;

export async function up(knex: Knex): Promise<void> {
  let after = 0;
  for (;;) {
    const rows: { id: number; name_kana: string }[] = await knex('persons').where('id', '>', after).whereNull('match_key')
      .orderBy('id').limit(BATCH).select('id', 'name_kana');
    if (rows.length === 0) break;
    const values = rows.map(() => '(?::int, ?::text)').join(', ');
    const last = rows[rows.length - 1].id;
    // The id range lets the update walk the primary key instead of scanning the table per batch.
    await knex.raw(`UPDATE persons AS p SET match_key = v.key FROM (VALUES ${values}) AS v(id, key) WHERE p.id = v.id AND p.id BETWEEN ? AND ?`,
      [...rows.flatMap((r) => [r.id, matchKeyAtMigration(r.name_kana)]), rows[0].id, last]);
    after = last;
  }
  await knex.raw('ALTER TABLE persons ALTER COLUMN match_key SET NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE persons ALTER COLUMN match_key DROP NOT NULL');
  await knex('persons').update({ match_key: null });
}
