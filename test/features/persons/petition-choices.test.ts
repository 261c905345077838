/**
 * The petition list that follows the chosen person on the subsidy and meeting-case forms (issue 14,
 * item 8): the JSON the page's script fills the list from offers exactly what the form shows after
 * the pick round trip (the way without script), is declared for the form's own users and audited.
 */
import { useTestApp } from '../../helpers/suite';
import { csrfFrom } from '../../helpers/agent';
import { PICK_NONE } from '../../../src/features/persons/person-pick';
import { insertPetition } from '../petitions/petition-factory';
import { insertMeeting } from '../meetings/meeting-factory';
import { insertPerson, wardId } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');

/** The options of the form's petition select (value and label), the blank one aside. */
function selectOptions(html: string): { value: number; label: string }[] {
  const select = html.match(/<select id="petition_id"[\s\S]*?<\/select>/)?.[0] ?? '';
  return [...select.matchAll(/<option value="(\d+)"[^>]*>([^<]*)<\/option>/g)].map((m) => ({ value: Number(m[1]), label: m[2] }));
}

async function personWithPetitions(n: number): Promise<{ person: number; petitions: number[] }> {
  const person = await insertPerson(t.db, { name: '選択 花子', name_kana: 'センタク ハナコ', birth_date: '1940-01-01', ward_id: await wardId(t.db, '南区') });
  const petitions: number[] = [];
  for (let i = 0; i < n; i++) petitions.push(await insertPetition(t.db, { person_id: person, ward: '南区', stages: [{ stage: 1, on: '2026-10-01' }] }));
  return { person, petitions };
}

/** The form sent with 「選んだ本人で続ける」 (intent pick), as a browser without script sends it. */
async function pick(formPath: string, action: string, personId: string) {
  const token = csrfFrom((await staff.agent.get(formPath)).text);
  return staff.agent.post(action).type('form').send({ _csrf: token, intent: 'pick', person_id: personId, person_kana: '' });
}

describe.each([
  { form: 'subsidy', url: '/subsidies/petition-choices', formPath: async () => '/subsidies/new', action: async () => '/subsidies' },
  { form: 'meeting case', url: '/meetings/petition-choices',
    formPath: async () => `/meetings/${await meetingId()}/cases/new`, action: async () => `/meetings/${await meetingId()}/cases` },
])('the $form form', ({ url, formPath, action }) => {
  test('the JSON offers what the pick round trip shows, newest first, and is audited as a look at the person', async () => {
    const { person, petitions } = await personWithPetitions(2);
    const res = await staff.agent.get(`${url}?person_id=${person}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.options.map((o: { value: number }) => o.value)).toEqual([...petitions].reverse());

    const back = await pick(await formPath(), await action(), String(person));
    expect(back.status).toBe(200);
    expect(back.text).not.toContain('class="error-summary"');
    expect(selectOptions(back.text)).toEqual(res.body.options);
    expect(back.text).toContain('選んだ本人の市長申立て：2件');
    expect(await t.db('audit_log').where({ action: 'person.petitions', record_type: 'person', record_id: String(person), actor_id: staff.id })).toHaveLength(1);
  });

  test('a person without petitions gets an empty list; an id naming no one (or a merged record) 404', async () => {
    const { person } = await personWithPetitions(0);
    expect((await staff.agent.get(`${url}?person_id=${person}`)).body).toEqual({ options: [] });
    const merged = await insertPerson(t.db, { name: '統合 済子', name_kana: 'トウゴウ スミコ' });
    await t.db('persons').where({ id: merged }).update({ merged_into_id: person, merged_at: new Date() });
    for (const q of ['?person_id=999999', `?person_id=${merged}`, '?person_id=abc', '']) {
      expect([q, (await staff.agent.get(`${url}${q}`)).status]).toEqual([q, 404]);
    }
  });

  test('the pick with no one chosen says so next to the person, not a saving error', async () => {
    const res = await pick(await formPath(), await action(), '');
    expect(res.status).toBe(400);
    expect(res.text).toContain(PICK_NONE);
    expect(res.text).toContain('id="person_id-error"');
  });

  test.each(['ward', 'manager', 'admin'] as const)('%s, who cannot use the form, is refused (403) and reads nothing', async (role) => {
    const { person } = await personWithPetitions(1);
    const { agent } = await t.login(role);
    const res = await agent.get(`${url}?person_id=${person}`);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('市長申立て 番号');
  });
});

let meeting: number | undefined;
async function meetingId(): Promise<number> {
  meeting ??= await insertMeeting(t.db, '2026-10-15');
  return meeting;
}
