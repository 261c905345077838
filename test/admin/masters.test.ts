import { useTestApp } from '../helpers/suite';
import { csrfFrom, postForm } from '../helpers/agent';
import { MASTER_MESSAGES } from '../../src/features/admin/masters-schema';
import { MASTER_KINDS } from '../../src/features/admin/masters-kinds';
import { CODE_LISTS, CODE_LIST_NAMES } from '../../seeds/master-lists';

const t = useTestApp();
const admin = t.user('admin');

const category = (name: string, parentId: number | null = null) =>
  t.db('consultation_categories').where({ name }).whereRaw('COALESCE(parent_id, 0) = ?', [parentId ?? 0]).first();
const ward = (name: string) => t.db('wards').where({ name }).first();
const auditRows = (action: string, table: string, id: number) =>
  t.db('audit_log').where({ action, record_type: table, record_id: String(id) }).select('*');

/** The rows of a master list page as shown: id, name and order inputs, state, parent column, retired marking. */
interface Listed { id: number; name: string; sort: string; state: string; parent?: string; retiredClass: boolean }
function listedRows(html: string): Listed[] {
  const body = html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr( class="retired")?>([\s\S]*?)<\/tr>/g)].map((m) => {
    const tr = m[2];
    const id = Number(tr.match(/id="name-(\d+)"/)?.[1]);
    const name = tr.match(/id="name-\d+" name="name" value="([^"]*)"/)?.[1] ?? '';
    const sort = tr.match(/id="sort-\d+" name="sort_order" value="([^"]*)"/)?.[1] ?? '';
    const cells = [...tr.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]);
    const state = cells.find((c) => c.startsWith('使用')) ?? '';
    const parent = tr.match(/^\s*<td>([^<]*)<\/td>/)?.[1];
    return { id, name, sort, state, parent, retiredClass: Boolean(m[1]) };
  });
}

describe('seeded master data', () => {
  test('five wards in order', async () => {
    const res = await admin.agent.get('/admin/masters/wards');
    expect(res.status).toBe(200);
    expect(listedRows(res.text).map((r) => r.name)).toEqual(['中央区', '東区', '西区', '南区', '北区']);
    expect(res.text).toContain('区（5件）');
  });

  test('the category tree: 12 top-level, 後見人支援 with 身上保護 and 財産管理, 13 leaves', async () => {
    const top = await t.db('consultation_categories').whereNull('parent_id').orderBy('sort_order').pluck('name');
    expect(top).toEqual(['問い合わせ', '権利擁護', '制度説明', '申立支援', '後見人支援', '後見人候補者', '状況調査',
      '今後の生活設計', '任意後見', 'その他', '連絡調整', '専門相談']);
    const parent = await category('後見人支援');
    const children = await t.db('consultation_categories').where({ parent_id: parent.id }).orderBy('sort_order').pluck('name');
    expect(children).toEqual(['身上保護', '財産管理']);
    const [{ n }] = await t.db('consultation_categories as c')
      .whereNotExists(t.db('consultation_categories as k').whereRaw('k.parent_id = c.id').select(t.db.raw('1')))
      .count({ n: '*' });
    expect(Number(n)).toBe(13);

    const res = await admin.agent.get('/admin/masters/categories');
    const rows = listedRows(res.text);
    expect(rows).toHaveLength(14);
    // children are listed right after their parent, with the parent named
    const i = rows.findIndex((r) => r.name === '後見人支援');
    expect(rows.slice(i, i + 3).map((r) => [r.parent, r.name])).toEqual([
      ['（最上位）', '後見人支援'], ['後見人支援', '身上保護'], ['後見人支援', '財産管理'],
    ]);
    expect(rows[i + 3].name).toBe('後見人候補者');
  });

  test('every code list is seeded and has its page; the index links every kind', async () => {
    const index = await admin.agent.get('/admin/masters');
    expect(index.status).toBe(200);
    for (const k of MASTER_KINDS) expect(index.text).toContain(`href="/admin/masters/${k.key}"`);
    expect(index.text).toContain('href="/admin/masters/subsidy-caps"');
    expect(index.text).toContain('href="/admin/masters/settings"');
    for (const [list, labels] of Object.entries(CODE_LISTS)) {
      expect(await t.db('code_entries').where({ list }).orderBy('sort_order').pluck('label')).toEqual(labels);
    }
    const res = await admin.agent.get('/admin/masters/consultation_method');
    expect(res.status).toBe(200);
    expect(res.text).toContain(`${CODE_LIST_NAMES.consultation_method}（6件）`);
    expect(listedRows(res.text).map((r) => r.name)).toEqual(CODE_LISTS.consultation_method);
  });
});

describe('adding entries', () => {
  test('a leaf under a parent category, and a new top-level category', async () => {
    const parent = await category('後見人支援');
    const leaf = await postForm(admin.agent, '/admin/masters/categories', { parent_id: String(parent.id), name: '報酬' }, '/admin/masters/categories');
    expect(leaf.status).toBe(303);
    expect(leaf.headers.location).toBe('/admin/masters/categories');
    const row = await category('報酬', parent.id);
    expect(row).toMatchObject({ parent_id: parent.id, sort_order: 3, retired_at: null, version: 1 });

    const top = await postForm(admin.agent, '/admin/masters/categories', { parent_id: '', name: '新しい種別' }, '/admin/masters/categories');
    expect(top.status).toBe(303);
    const topRow = await category('新しい種別');
    expect(topRow).toMatchObject({ parent_id: null, sort_order: 13 });

    const page = await admin.agent.get('/admin/masters/categories');
    expect(page.text).toContain('相談種別を追加しました。');
    const rows = listedRows(page.text);
    const i = rows.findIndex((r) => r.name === '後見人支援');
    expect(rows.slice(i, i + 4).map((r) => r.name)).toEqual(['後見人支援', '身上保護', '財産管理', '報酬']);
    expect(rows[rows.length - 1]).toMatchObject({ name: '新しい種別', parent: '（最上位）' });

    for (const r of [row, topRow]) {
      const a = await auditRows('master.create', 'consultation_categories', r.id);
      expect(a).toHaveLength(1);
      expect(a[0].actor_id).toBe(admin.id);
    }
  });

  test('a category cannot go under a child (only two levels) or an unknown parent', async () => {
    const child = await category('身上保護', (await category('後見人支援')).id);
    for (const parentId of [String(child.id), '999999']) {
      const res = await postForm(admin.agent, '/admin/masters/categories', { parent_id: parentId, name: '孫' }, '/admin/masters/categories');
      expect(res.status).toBe(400);
      expect(res.text).toContain(`<p class="error-text" id="parent_id-error">${MASTER_MESSAGES.parent}</p>`);
    }
    expect(await t.db('consultation_categories').where({ name: '孫' }).first()).toBeUndefined();
  });

  test('a duplicate name in the same place is refused; the same name elsewhere is fine', async () => {
    const before = await t.db('consultation_categories').count({ n: '*' });
    const dupTop = await postForm(admin.agent, '/admin/masters/categories', { parent_id: '', name: ' 問い合わせ ' }, '/admin/masters/categories');
    expect(dupTop.status).toBe(400);
    expect(dupTop.text).toContain(`<p class="error-text" id="name-error">${MASTER_MESSAGES.nameTaken}</p>`);
    expect(dupTop.text).toMatch(/<input id="name" name="name"[^>]*aria-invalid="true"/);
    expect(dupTop.text).toContain(`<a href="#name">${MASTER_MESSAGES.nameTaken}</a>`);
    expect(await t.db('consultation_categories').count({ n: '*' })).toEqual(before);

    const parent = await category('後見人支援');
    const dupChild = await postForm(admin.agent, '/admin/masters/categories', { parent_id: String(parent.id), name: '財産管理' }, '/admin/masters/categories');
    expect(dupChild.status).toBe(400);
    // その他 exists at the top; under 後見人支援 it is a different entry
    const elsewhere = await postForm(admin.agent, '/admin/masters/categories', { parent_id: String(parent.id), name: 'その他' }, '/admin/masters/categories');
    expect(elsewhere.status).toBe(303);

    const dupWard = await postForm(admin.agent, '/admin/masters/wards', { name: '東区' }, '/admin/masters/wards');
    expect(dupWard.status).toBe(400);
    expect(await t.db('wards').count({ n: '*' })).toEqual([{ n: 5 }]);

    // code lists are separate: 本人 is in 相談者, not yet in 相談方法
    const dupCode = await postForm(admin.agent, '/admin/masters/consultation_method', { name: '電話' }, '/admin/masters/consultation_method');
    expect(dupCode.status).toBe(400);
    const otherList = await postForm(admin.agent, '/admin/masters/consultation_method', { name: '本人' }, '/admin/masters/consultation_method');
    expect(otherList.status).toBe(303);
    expect(await t.db('code_entries').where({ list: 'consultation_method', label: '本人' }).first()).toMatchObject({ sort_order: 7 });
    expect(await t.db('code_entries').where({ label: '本人' }).count({ n: '*' })).toEqual([{ n: 3 }]);
  });

  test('an empty or too long name is refused', async () => {
    for (const name of ['', '   ', 'あ'.repeat(61)]) {
      const res = await postForm(admin.agent, '/admin/masters/wards', { name }, '/admin/masters/wards');
      expect(res.status).toBe(400);
      expect(res.text).toContain(name.trim() === '' ? '名称を入力してください' : MASTER_MESSAGES.name);
    }
    expect(await t.db('wards').count({ n: '*' })).toEqual([{ n: 5 }]);
  });

  test('a referral centre needs its kind', async () => {
    const none = await postForm(admin.agent, '/admin/masters/referral-centers', { name: 'ささえりあ託麻' }, '/admin/masters/referral-centers');
    expect(none.status).toBe(400);
    expect(none.text).toContain(MASTER_MESSAGES.kind);
    const ok = await postForm(admin.agent, '/admin/masters/referral-centers', { name: 'ささえりあ託麻', kind: 'ささえりあ' }, '/admin/masters/referral-centers');
    expect(ok.status).toBe(303);
    expect(await t.db('referral_centers').where({ name: 'ささえりあ託麻' }).first()).toMatchObject({ kind: 'ささえりあ', sort_order: 3 });
  });
});

describe('rename and reorder with optimistic locking', () => {
  test('rename + reorder saves and bumps the version; a stale version gets 409 and changes nothing', async () => {
    const north = await ward('北区');
    expect(north.version).toBe(1);
    const page = await admin.agent.get('/admin/masters/wards');
    const token = csrfFrom(page.text);
    const ok = await admin.agent.post(`/admin/masters/wards/${north.id}`).type('form')
      .send({ name: '北区（植木）', sort_order: '1', version: '1', _csrf: token });
    expect(ok.status).toBe(303);
    expect(await t.db('wards').where({ id: north.id }).first()).toMatchObject({ name: '北区（植木）', sort_order: 1, version: 2 });
    expect(await auditRows('master.update', 'wards', north.id)).toHaveLength(1);
    const list = await admin.agent.get('/admin/masters/wards');
    expect(list.text).toContain('区を更新しました。');
    expect(listedRows(list.text).find((r) => r.id === north.id)).toMatchObject({ name: '北区（植木）', sort: '1' });

    const stale = await admin.agent.post(`/admin/masters/wards/${north.id}`).type('form')
      .send({ name: '北区（古い画面）', sort_order: '9', version: '1', _csrf: token });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('他の人が先に更新しました');
    expect(stale.text).toContain('<th scope="row">名称</th><td>北区（古い画面）</td><td>北区（植木）</td>');
    expect(stale.text).toContain('<th scope="row">表示順</th><td>9</td><td>1</td>');
    expect(await t.db('wards').where({ id: north.id }).first()).toMatchObject({ name: '北区（植木）', sort_order: 1, version: 2 });
    expect(await auditRows('master.update', 'wards', north.id)).toHaveLength(1);
  });

  test('renaming to a name in use, or a bad order, is refused on that row (400) and changes nothing', async () => {
    const central = await ward('中央区');
    const page = await admin.agent.get('/admin/masters/wards');
    const token = csrfFrom(page.text);
    const dup = await admin.agent.post(`/admin/masters/wards/${central.id}`).type('form')
      .send({ name: '西区', sort_order: String(central.sort_order), version: String(central.version), _csrf: token });
    expect(dup.status).toBe(400);
    // the error belongs to the edited row, and the summary leads there — not to the add form
    expect(dup.text).toContain(`<p class="error-text" id="name-${central.id}-error">${MASTER_MESSAGES.nameTaken}</p>`);
    expect(dup.text).toMatch(new RegExp(`<input id="name-${central.id}" name="name" value="西区"[^>]*aria-invalid="true"`));
    expect(dup.text).toContain(`<a href="#name-${central.id}">${MASTER_MESSAGES.nameTaken}</a>`);
    expect(dup.text).not.toMatch(/<input id="name" name="name"[^>]*aria-invalid/);
    expect(dup.text).not.toContain('id="name-error"');

    const badOrder = await admin.agent.post(`/admin/masters/wards/${central.id}`).type('form')
      .send({ name: '中央区', sort_order: '0', version: String(central.version), _csrf: token });
    expect(badOrder.status).toBe(400);
    expect(badOrder.text).toContain(`<p class="error-text" id="sort-${central.id}-error">${MASTER_MESSAGES.sortOrder}</p>`);
    expect(badOrder.text).toContain(`<a href="#sort-${central.id}">${MASTER_MESSAGES.sortOrder}</a>`);
    expect(await t.db('wards').where({ id: central.id }).first()).toMatchObject({ name: '中央区', version: central.version });
  });

  test('changing only the order is not a clash of the entry with itself', async () => {
    const entry = await t.db('code_entries').where({ list: 'sex', label: '男性' }).first();
    const res = await postForm(admin.agent, `/admin/masters/sex/${entry.id}`,
      { name: '男性', sort_order: '5', version: String(entry.version) }, '/admin/masters/sex');
    expect(res.status).toBe(303);
    expect(await t.db('code_entries').where({ id: entry.id }).first()).toMatchObject({ label: '男性', sort_order: 5, version: entry.version + 1 });
    const page = await admin.agent.get('/admin/masters/sex');
    expect(listedRows(page.text).map((r) => r.name)).toEqual(['女性', '不明', '男性']);
  });

  test('two top-level categories with the same order keep their children right under their parent', async () => {
    const guardian = await category('後見人支援');
    const candidate = await category('後見人候補者');
    const res = await postForm(admin.agent, `/admin/masters/categories/${candidate.id}`,
      { name: '後見人候補者', sort_order: String(guardian.sort_order), version: String(candidate.version) }, '/admin/masters/categories');
    expect(res.status).toBe(303);
    const rows = listedRows((await admin.agent.get('/admin/masters/categories')).text);
    const i = rows.findIndex((r) => r.id === guardian.id);
    const j = rows.findIndex((r) => r.id === candidate.id);
    const children = await t.db('consultation_categories').where({ parent_id: guardian.id }).pluck('id');
    expect(children.length).toBeGreaterThanOrEqual(2);
    // the parent's family is one contiguous block, and the other category is outside it
    expect(rows.slice(i + 1, i + 1 + children.length).map((r) => r.parent)).toEqual(children.map(() => '後見人支援'));
    expect(j === i - 1 || j === i + 1 + children.length).toBe(true);
  });

  test('a child category may share its name with a top-level one when renamed', async () => {
    const parent = await category('後見人支援');
    const child = await category('財産管理', parent.id);
    const res = await postForm(admin.agent, `/admin/masters/categories/${child.id}`,
      { name: '任意後見', sort_order: String(child.sort_order), version: String(child.version) }, '/admin/masters/categories');
    expect(res.status).toBe(303);
    expect((await t.db('consultation_categories').where({ id: child.id }).first()).name).toBe('任意後見');
    const back = await postForm(admin.agent, `/admin/masters/categories/${child.id}`,
      { name: '身上保護', sort_order: String(child.sort_order), version: String(child.version + 1) }, '/admin/masters/categories');
    expect(back.status).toBe(400);
  });
});

describe('retire and restore', () => {
  test('a retired entry stays listed and marked, leaves the forms, and comes back on restore; both audited', async () => {
    const south = await ward('南区');
    const retire = await postForm(admin.agent, `/admin/masters/wards/${south.id}/retire`, {}, '/admin/masters/wards');
    expect(retire.status).toBe(303);
    const row = await t.db('wards').where({ id: south.id }).first();
    expect(row.retired_at).toEqual(t.clock.now());
    expect(row.version).toBe(south.version + 1);

    const list = await admin.agent.get('/admin/masters/wards');
    const listed = listedRows(list.text).find((r) => r.id === south.id)!;
    expect(listed).toBeDefined();
    expect(listed.state).toMatch(/^使用停止（令和8年11月27日 10:00）$/);
    expect(listed.retiredClass).toBe(true);
    expect(list.text).toContain(`action="/admin/masters/wards/${south.id}/restore"`);
    expect(list.text).toContain('区（5件）');
    // no longer offered when assigning a ward to a user
    const newUser = await admin.agent.get('/admin/users/new');
    expect(newUser.text).not.toContain('>南区</option>');
    expect(newUser.text).toContain('>北区');

    const restore = await postForm(admin.agent, `/admin/masters/wards/${south.id}/restore`, {}, '/admin/masters/wards');
    expect(restore.status).toBe(303);
    expect((await t.db('wards').where({ id: south.id }).first()).retired_at).toBeNull();
    const again = listedRows((await admin.agent.get('/admin/masters/wards')).text).find((r) => r.id === south.id)!;
    expect(again.state).toBe('使用中');
    expect((await admin.agent.get('/admin/users/new')).text).toContain('>南区</option>');

    expect(await auditRows('master.retire', 'wards', south.id)).toHaveLength(1);
    expect(await auditRows('master.restore', 'wards', south.id)).toHaveLength(1);
  });

  test('a retired top-level category is no longer offered as a parent', async () => {
    const cat = await category('連絡調整');
    const offered = (html: string) => new RegExp(`<option value="${cat.id}"[^>]*>連絡調整</option>`).test(html);
    expect(offered((await admin.agent.get('/admin/masters/categories')).text)).toBe(true);
    await postForm(admin.agent, `/admin/masters/categories/${cat.id}/retire`, {}, '/admin/masters/categories');
    expect(offered((await admin.agent.get('/admin/masters/categories')).text)).toBe(false);
    await postForm(admin.agent, `/admin/masters/categories/${cat.id}/restore`, {}, '/admin/masters/categories');
  });
});

describe('unknown things and who may', () => {
  test('an unknown kind or id is 404; an id from another list is 404 too', async () => {
    expect((await admin.agent.get('/admin/masters/no-such-list')).status).toBe(404);
    expect((await postForm(admin.agent, '/admin/masters/no-such-list', { name: 'x' }, '/')).status).toBe(404);
    expect((await postForm(admin.agent, '/admin/masters/no-such-list/1/retire', {}, '/')).status).toBe(404);
    expect((await postForm(admin.agent, '/admin/masters/wards/999999', { name: 'x', sort_order: '1', version: '1' }, '/')).status).toBe(404);
    expect((await postForm(admin.agent, '/admin/masters/wards/999999/retire', {}, '/')).status).toBe(404);
    const consultee = await t.db('code_entries').where({ list: 'consultee', label: '親族' }).first();
    const crossed = await postForm(admin.agent, `/admin/masters/sex/${consultee.id}/retire`, {}, '/');
    expect(crossed.status).toBe(404);
    expect((await t.db('code_entries').where({ id: consultee.id }).first()).retired_at).toBeNull();
    expect(await t.db('audit_log').where({ action: 'master.retire', record_id: String(consultee.id) }).first()).toBeUndefined();
  });

  test('staff, ward and manager get 403 on master pages and posts', async () => {
    const east = await ward('東区');
    for (const role of ['staff', 'ward', 'manager'] as const) {
      const { agent: a } = await t.login(role);
      expect((await a.get('/admin/masters')).status).toBe(403);
      expect((await a.get('/admin/masters/wards')).status).toBe(403);
      expect((await postForm(a, `/admin/masters/wards/${east.id}/retire`, {}, '/')).status).toBe(403);
    }
    expect((await t.db('wards').where({ id: east.id }).first()).retired_at).toBeNull();
  });
});
