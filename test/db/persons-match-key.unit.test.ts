/** The match_key backfill's own copy of the kana rule agrees with the app's (the backfill on a database: persons-match-key.test.ts). */
import fc from 'fast-check';
import { kanaMatchKey } from '../../src/lib/kana';
import { matchKeyAtMigration } from '../../migrations/20261208120100_backfill_persons_match_key';

test('the migration\'s copy of the rule agrees with kanaMatchKey (as of the migration)', () => {
  const kana = fc.array(fc.constantFrom(...'アイウエオカガキクケコサザシジタダチッツテトナニノハバパヒフヘホマミムメモヤャユュヨョラリルレロワヲンーヴ ・ぁあいうかがきゃゆょｱｲｳｶｷｸｹｺｰﾞﾟｬｭｮ　'.split('')), { maxLength: 14 }).map((a) => a.join(''));
  fc.assert(fc.property(fc.oneof(kana, fc.string({ maxLength: 14 })), (s) => {
    expect(matchKeyAtMigration(s)).toBe(kanaMatchKey(s));
  }), { numRuns: 2000 });
});
