import { useTestApp } from '../../helpers/suite';
import { confirmFormOf, upload } from './web';
import { HEADER, csv, manyRows, shiftJis, utf8, utf8Bom } from './fixtures';
import { DUPLICATE_LABEL, duplicateNotTicked } from '../../../src/features/imports/import-messages';

/** Issue 14 (3): a file imported before, or mostly made of rows imported before, is flagged on the preview. */
const t = useTestApp();
const staff = t.user('staff');

const count = async (table = 'consultations') => Number((await t.db(table).count({ n: '*' }))[0].n);
const audits = (action: string) => t.db('audit_log').where({ action }).orderBy('id').select('record_type', 'record_id', 'actor_id');
const confirm = (form: { action: string; token: string }, tick: boolean) =>
  staff.agent.post(form.action).type('form').send({ _csrf: form.token, ...(tick ? { confirm_duplicate: '1' } : {}) });

/** Uploads and commits a file that must not be flagged; returns its batch id. */
async function imported(bytes: Buffer): Promise<string> {
  const res = await upload(staff.agent, bytes);
  expect(res.status).toBe(200);
  expect(res.text).not.toContain(DUPLICATE_LABEL);
  const form = confirmFormOf(res.text);
  expect((await confirm(form, false)).status).toBe(303);
  return form.batchId;
}

test('the same file again, saved as Shift_JIS: warned; without the tick nothing is stored; with it, stored and audited by id', async () => {
  const text = csv([HEADER, ...manyRows(12, 'twice')]);
  const first = await imported(utf8(text));
  const before = await count();

  const again = await upload(staff.agent, shiftJis(text));
  expect(again.status).toBe(200);
  expect(again.text).toContain('Shift_JIS');
  expect(again.text).toContain(`と同じ内容です`);
  expect(again.text).toContain(`取り込み番号 ${first}`);
  expect(again.text).toContain(`<input type="checkbox" name="confirm_duplicate" id="confirm_duplicate" value="1"> ${DUPLICATE_LABEL}`);
  const form = confirmFormOf(again.text);

  const refused = await confirm(form, false);
  expect(refused.status).toBe(400);
  expect(refused.text).toContain(`<p class="error-text" id="confirm_duplicate-error">${duplicateNotTicked}</p>`);
  expect(refused.text).toContain(`<a href="#confirm_duplicate">${duplicateNotTicked}</a>`);
  expect(refused.text).toContain(`action="${form.action}"`);
  expect(await count()).toBe(before);
  expect(await audits('import.duplicate_confirmed')).toEqual([]);

  const done = await confirm(form, true);
  expect(done.status).toBe(303);
  expect(await count()).toBe(before + 12);
  expect(await audits('import.duplicate_confirmed')).toEqual([{ record_type: 'import_batch', record_id: form.batchId, actor_id: staff.id }]);
  expect(await audits('import.duplicate_of')).toEqual([{ record_type: 'import_batch', record_id: first, actor_id: staff.id }]);
  // the file a third time is flagged against the newest copy
  expect((await upload(staff.agent, utf8Bom(text))).text).toContain(`取り込み番号 ${form.batchId}`);
});

test('90% of the rows imported before (dates written another way): warned, naming the batch they came from', async () => {
  const earlier = manyRows(10, 'ninety');
  const first = await imported(utf8(csv([HEADER, ...earlier])));
  const rows = [...earlier.slice(0, 9).map((r) => ['R6.5.1', ...r.slice(1)]), ...manyRows(1, 'ninety-new')];
  const res = await upload(staff.agent, utf8(csv([HEADER, ...rows])));
  expect(res.status).toBe(200);
  expect(res.text).toContain(`このファイルの10行のうち9行（90%）が、既に取り込んだ行と同じ内容です`);
  expect(res.text).toContain(`取り込み番号 ${first}`);
  expect(res.text).toContain(DUPLICATE_LABEL);
  const before = await count();
  expect((await confirm(confirmFormOf(res.text), false)).status).toBe(400);
  expect(await count()).toBe(before);
});

test('89% of the rows imported before: no warning, imported without the tick', async () => {
  const earlier = manyRows(100, 'e89');
  await imported(utf8(csv([HEADER, ...earlier])));
  const before = await count();
  await imported(utf8(csv([HEADER, ...earlier.slice(0, 89), ...manyRows(11, 'n89')])));
  expect(await count()).toBe(before + 100);
});

test('a row counts once per earlier row it matches: the same row ten times against one earlier copy is not a repeat', async () => {
  const one = manyRows(1, 'same-row');
  await imported(utf8(csv([HEADER, ...one])));
  await imported(utf8(csv([HEADER, ...Array(10).fill(one[0])])));
});

test('two previews of one file: whoever confirms second is warned, even though their preview was not', async () => {
  const other = await t.login('staff');
  const text = csv([HEADER, ...manyRows(5, 'race')]);
  const mine = confirmFormOf((await upload(staff.agent, utf8(text))).text);
  const otherRes = await upload(other.agent, utf8(text));
  expect(otherRes.text).not.toContain(DUPLICATE_LABEL);
  const theirs = confirmFormOf(otherRes.text);
  expect((await confirm(mine, false)).status).toBe(303);
  const before = await count();
  const late = await other.agent.post(theirs.action).type('form').send({ _csrf: theirs.token });
  expect(late.status).toBe(400);
  expect(late.text).toContain(`取り込み番号 ${mine.batchId}`);
  expect(late.text).toContain(duplicateNotTicked);
  expect(await count()).toBe(before);
  expect((await other.agent.post(theirs.action).type('form').send({ _csrf: theirs.token, confirm_duplicate: '1' })).status).toBe(303);
  expect(await count()).toBe(before + 5);
});

test('every committed batch leaves its hash and one fingerprint row per distinct row', async () => {
  const id = await imported(utf8(csv([HEADER, ...manyRows(3, 'kept'), ...manyRows(1, 'kept')])));
  expect(await t.db('imported_batches').where({ id }).first()).toMatchObject({ kind: 'consultations', row_count: 4, user_id: staff.id });
  expect((await t.db('imported_row_fingerprints').where({ batch_id: id }).orderBy('rows')).map((r) => r.rows)).toEqual([1, 1, 2]);
});
