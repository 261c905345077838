import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { IMPORT_PATH, confirmFormOf, upload } from './web';
import { goodCsv, utf8Bom } from './fixtures';

/** Previews waiting for 「すべて取り込む」: at most three per user, two hours each (issue 13, S2). */
const t = useTestApp();
const staff = t.user('staff');
const other = t.user('staff');

const HOUR = 3600_000;
const batchesOf = async (userId: number) => (await t.db('import_batches').where({ user_id: userId }).orderBy('id').pluck('id')).map(Number);

test('a user never keeps more than three previews: each new one replaces the oldest, other users’ stay', async () => {
  const theirs = confirmFormOf((await upload(other.agent, utf8Bom(goodCsv()))).text).batchId;
  const made: number[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await upload(staff.agent, utf8Bom(goodCsv()));
    expect(res.status).toBe(200);
    made.push(Number(confirmFormOf(res.text).batchId));
    expect((await batchesOf(staff.id)).length).toBeLessThanOrEqual(3);
  }
  expect(await batchesOf(staff.id)).toEqual(made.slice(-3));
  expect(await batchesOf(other.id)).toEqual([Number(theirs)]);
  // the replaced one can no longer be imported; the newest can
  const token = csrfFrom((await staff.agent.get(IMPORT_PATH)).text);
  expect((await staff.agent.post(`${IMPORT_PATH}/${made[0]}`).type('form').send({ _csrf: token })).status).toBe(404);
  expect((await staff.agent.post(`${IMPORT_PATH}/${made[4]}`).type('form').send({ _csrf: token })).status).toBe(303);
});

/** Moves a preview back in time (moving the clock would end the sessions too). */
const age = (id: number | string, ms: number) => t.db('import_batches').where({ id }).update({ created_at: new Date(t.clock.now().getTime() - ms) });

test('a preview lasts two hours: then it is refused and removed', async () => {
  const res = await upload(staff.agent, utf8Bom(goodCsv()));
  expect(res.text).toContain('この確認画面は2時間有効です');
  const { action, batchId, token } = confirmFormOf(res.text);
  await age(batchId, 2 * HOUR + 60_000);
  const late = await staff.agent.post(action).type('form').send({ _csrf: token });
  expect([late.status, late.headers.location]).toEqual([303, IMPORT_PATH]);
  expect((await staff.agent.get(IMPORT_PATH)).text).toContain('2時間以上たったため');
  expect(await t.db('import_batches').where({ id: batchId })).toHaveLength(0);
});

test('an upload removes anyone’s expired previews, and keeps those still valid', async () => {
  const expired = Number(confirmFormOf((await upload(other.agent, utf8Bom(goodCsv()))).text).batchId);
  const valid = Number(confirmFormOf((await upload(other.agent, utf8Bom(goodCsv()))).text).batchId);
  await age(expired, 2 * HOUR + 60_000);
  await age(valid, 2 * HOUR - 60_000);
  const mine = Number(confirmFormOf((await upload(staff.agent, utf8Bom(goodCsv()))).text).batchId);
  expect(await batchesOf(other.id)).toEqual(expect.arrayContaining([valid]));
  expect(await batchesOf(other.id)).not.toContain(expired);
  expect(await batchesOf(staff.id)).toContain(mine);
});
