/**
 * Issue 14 item 13: a required field left blank says 「〇〇を入力してください」, and its length rule
 * only when too long — for every required text (and date) field of every form, through the routes.
 */
import { submit } from '../../fuzz/browser';
import { useTestApp, TestSuite } from '../../helpers/suite';
import { insertGuardian, insertPeriod } from '../guardians/guardian-factory';
import { insertMeeting } from '../meetings/meeting-factory';
import { petitionIn } from '../petitions/petition-factory';
import { insertSubsidy, subsidyPerson } from '../subsidies/subsidy-factory';
import { insertPerson } from '../../helpers/factories';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');
const manager = t.user('manager');
const admin = t.user('admin');

type Who = 'staff' | 'manager' | 'admin';
/** A form: where it is shown and where it posts (made on demand, for records the test inserts). */
interface FormCase { who: Who; page: string; action: string; fields: [string, string][] }

const forms: Record<string, (s: TestSuite) => Promise<FormCase>> = {
  'new person': async () => ({ who: 'staff', page: '/persons/new', action: '/persons', fields: [['name', '氏名'], ['name_kana', '氏名カナ']] }),
  'person edit': async (s) => {
    const id = await insertPerson(s.db, { name: '必須 花子', name_kana: 'ヒッス ハナコ' });
    return { who: 'staff', page: `/persons/${id}/edit`, action: `/persons/${id}`, fields: [['name', '氏名'], ['name_kana', '氏名カナ']] };
  },
  'new consultation': async () => ({ who: 'staff', page: '/consultations/new', action: '/consultations', fields: [['consulted_on', '相談日']] }),
  'new trainee': async () => ({ who: 'staff', page: '/guardians/new', action: '/guardians', fields: [['name', '氏名'], ['name_kana', '氏名カナ'], ['birth_date', '生年月日']] }),
  'trainee edit': async (s) => {
    const id = await insertGuardian(s.db);
    return { who: 'staff', page: `/guardians/${id}/edit`, action: `/guardians/${id}`, fields: [['name', '氏名'], ['name_kana', '氏名カナ']] };
  },
  'bank withdrawal': async (s) => {
    const id = await insertGuardian(s.db);
    await insertPeriod(s.db, id, 'bank', '2025-04-01');
    return { who: 'staff', page: `/guardians/${id}`, action: `/guardians/${id}/bank/withdraw`, fields: [['withdraw_reason', '抹消の理由'], ['withdraw_on', '抹消日']] };
  },
  'new course': async () => ({
    who: 'staff', page: '/guardians/courses/new', action: '/guardians/courses',
    fields: [['fiscal_year', '年度'], ['title', '講座名'], ['day_1_topic', '第1日の内容'], ['day_10_topic', '第10日の内容'], ['day_1_on', '第1日の日付']],
  }),
  'new follow-up session': async () => ({ who: 'staff', page: '/guardians/followups/new', action: '/guardians/followups', fields: [['title', '研修名'], ['held_on', '研修日']] }),
  'new subsidy': async () => ({
    who: 'staff', page: '/subsidies/new', action: '/subsidies',
    fields: [['guardian_name', '後見人等の氏名'], ['received_on', '受付日'], ['court_decided_on', '報酬付与審判日'], ['fee_awarded_yen', '報酬付与額']],
  }),
  'subsidy decision': async (s) => {
    const id = await insertSubsidy(s.db, { person_id: await subsidyPerson(s.db), status: '審査' });
    return { who: 'manager', page: `/subsidies/${id}`, action: `/subsidies/${id}/decision`, fields: [['decision_number', '決定番号'], ['decided_on', '決定日']] };
  },
  'subsidy payment': async (s) => {
    const id = await insertSubsidy(s.db, { person_id: await subsidyPerson(s.db), status: '決定', decision: '承認' });
    return { who: 'staff', page: `/subsidies/${id}`, action: `/subsidies/${id}/payment`, fields: [['payee', '支払先'], ['paid_on', '支払日']] };
  },
  'subsidy removal': async (s) => {
    const id = await insertSubsidy(s.db, { person_id: await subsidyPerson(s.db) });
    return { who: 'staff', page: `/subsidies/${id}`, action: `/subsidies/${id}/delete`, fields: [['deleted_reason', '削除の理由']] };
  },
  'petition relative': async (s) => {
    const { id } = await petitionIn(s.db, '東区');
    return { who: 'staff', page: `/petitions/${id}`, action: `/petitions/${id}/relatives`, fields: [['rel_name', '親族の氏名'], ['rel_relation', '続柄']] };
  },
  'new meeting': async () => ({ who: 'staff', page: '/meetings/new', action: '/meetings', fields: [['held_on', '開催日']] }),
  'meeting removal': async (s) => {
    const id = await insertMeeting(s.db, '2026-11-01');
    return { who: 'staff', page: `/meetings/${id}`, action: `/meetings/${id}/delete`, fields: [['reason', '削除の理由']] };
  },
  'new user': async () => ({ who: 'admin', page: '/admin/users/new', action: '/admin/users', fields: [['display_name', '表示名'], ['username', 'ユーザー名']] }),
  'new ward (master)': async () => ({ who: 'admin', page: '/admin/masters/wards', action: '/admin/masters/wards', fields: [['name', '名称']] }),
};

const agentOf = (who: Who) => ({ staff, manager, admin })[who].agent;

describe.each(Object.keys(forms))('%s', (name) => {
  test('each required field left blank (or only spaces) says 「〇〇を入力してください」 next to it', async () => {
    const f = await forms[name](t);
    for (const [field, label] of f.fields) {
      for (const blank of ['', ' 　 ']) {
        const res = await submit(agentOf(f.who), f.page, f.action, { [field]: blank });
        expect([field, blank, res.status]).toEqual([field, blank, 400]);
        expect([field, blank, res.text.includes(`id="${field}-error">${label}を入力してください</p>`)]).toEqual([field, blank, true]);
      }
    }
  });
});

describe('too long says the length rule, with the label', () => {
  test.each([
    ['/persons/new', '/persons', 'name', 101, '氏名は100文字以内で入力してください'],
    ['/guardians/followups/new', '/guardians/followups', 'title', 101, '研修名は100文字以内で入力してください'],
    ['/admin/users/new', '/admin/users', 'display_name', 51, '表示名は50文字以内で入力してください'],
  ])('%s %s', async (page, action, field, length, message) => {
    const agent = page.startsWith('/admin') ? admin.agent : staff.agent;
    const res = await submit(agent, page, action, { [field]: 'あ'.repeat(length) });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`id="${field}-error">${message}</p>`);
  });
});

describe('a typed line break (CRLF, as browsers send a textarea) counts as one character', () => {
  test('a person\'s 備考 of exactly 5,000 characters with line breaks is kept, one more is refused', async () => {
    const notes = `${'あ'.repeat(2000)}\r\n${'い'.repeat(2000)}\r\n${'う'.repeat(998)}`; // 5,000 with each break as one
    const ok = await submit(staff.agent, '/persons/new', '/persons', { name: '改行 花子', name_kana: 'カイギョウ ハナコ', notes });
    expect(ok.status).toBe(303);
    const stored = await t.db('persons').where({ name: '改行 花子' }).first('notes');
    expect(stored.notes).toBe(notes.replace(/\r\n/g, '\n'));
    const over = await submit(staff.agent, '/persons/new', '/persons', { name: '改行 次郎', name_kana: 'カイギョウ ジロウ', notes: `${notes}え` });
    expect(over.status).toBe(400);
    expect(over.text).toContain('id="notes-error">備考は5,000文字以内で入力してください</p>');
  });
});
