/**
 * updateVersioned, the one way to change a versioned row: the version check, the extra where,
 * a key other than the id, and ANY_VERSION (moves the version on without checking it).
 */
import { useTestDatabase } from '../helpers/suite';
import { ANY_VERSION, updateVersioned } from '../../src/db/tx';

const t = useTestDatabase();

async function person(): Promise<number> {
  const [{ id }] = await t.db('persons').insert({ name: '試験 太郎', name_kana: 'シケン タロウ', kana_key: 'シケンタロウ', match_key: 'シケンタロウ' }).returning('id');
  return id;
}
const row = (id: number) => t.db('persons').where({ id }).first('name', 'version', 'merged_into_id');

test('updates at the version read and moves it on; a stale version changes nothing', async () => {
  const id = await person();
  expect(await updateVersioned(t.db, 'persons', id, 1, { name: '試験 二郎' })).toBe(true);
  expect(await row(id)).toMatchObject({ name: '試験 二郎', version: 2 });
  expect(await updateVersioned(t.db, 'persons', id, 1, { name: '試験 三郎' })).toBe(false);
  expect(await row(id)).toMatchObject({ name: '試験 二郎', version: 2 });
});

test('the extra where (an object or a builder) must hold too, else it is a conflict', async () => {
  const id = await person();
  const survivor = await person();
  await t.db('persons').where({ id }).update({ merged_into_id: survivor });
  expect(await updateVersioned(t.db, 'persons', id, 1, { name: '上書き' }, { where: (q) => q.whereNull('merged_into_id') })).toBe(false);
  expect(await updateVersioned(t.db, 'persons', id, 1, { name: '上書き' }, { where: { merged_into_id: survivor + 1 } })).toBe(false);
  expect(await row(id)).toMatchObject({ name: '試験 太郎', version: 1 });
  expect(await updateVersioned(t.db, 'persons', id, 1, { name: '上書き' }, { where: { merged_into_id: survivor } })).toBe(true);
  expect(await row(id)).toMatchObject({ name: '上書き', version: 2 });
});

test('ANY_VERSION moves the version on from whatever it is; a key may name other columns', async () => {
  const id = await person();
  await t.db('persons').where({ id }).update({ version: 7 });
  expect(await updateVersioned(t.db, 'persons', { id, name: '試験 太郎' }, ANY_VERSION, {})).toBe(true);
  expect((await row(id)).version).toBe(8);
  expect(await updateVersioned(t.db, 'persons', { id, name: '別人' }, ANY_VERSION, {})).toBe(false);
  expect((await row(id)).version).toBe(8);
});
