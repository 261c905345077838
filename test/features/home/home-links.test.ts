/**
 * The home page and the navigation show each role only what it may open (issue 14, item 16):
 * every link answers 200 for that role, and no card names a table the role cannot open.
 */
import { ROLES, Role } from '../../../src/policy';
import { REPORTS } from '../../../src/features';
import { canReadReport } from '../../../src/features/reports/report-access';
import { MENU, routeAccess } from '../../../src/features/home/home-routes';
import { useTestApp } from '../../helpers/suite';
import { doneThrough, petitionIn } from '../petitions/petition-factory';
import { insertConsultation, insertPerson } from '../../helpers/factories';

const t = useTestApp(new Date('2026-12-08T10:00:00+09:00'));
const users = Object.fromEntries(ROLES.map((role) => [role, t.user(role, role === 'ward' ? { ward: '東区' } : {})])) as Record<Role, ReturnType<typeof t.user>>;

beforeAll(async () => {
  // Something for every list and reminder on the home pages: a stalled petition in 東区, a follow-up due.
  await petitionIn(t.db, '東区', { stages: doneThrough(3, '2025-01-06'), intake: '2025-01-06' });
  const person = await insertPerson(t.db, { name: '案内 花子', name_kana: 'アンナイ ハナコ' });
  const id = await insertConsultation(t.db, { person_id: person, consulted_on: '2026-11-02' });
  await t.db('consultations').where({ id }).update({ follow_up_on: '2026-11-30' });
});

/** Every link of a page (header, navigation, main), in-page anchors aside, without duplicates. */
function linksOf(html: string): string[] {
  const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="([^"#][^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  return [...new Set(hrefs)];
}

test('every card leads to a declared route, whose access decides who sees the card', () => {
  expect(MENU.filter((m) => routeAccess(t.routes, m.href) === undefined).map((m) => m.href)).toEqual([]);
});

describe.each(ROLES)('as %s', (role) => {
  test('every link on the home page and in the navigation opens (200)', async () => {
    const { agent } = users[role];
    const home = await agent.get('/');
    expect(home.status).toBe(200);
    const links = linksOf(home.text);
    expect(links.length).toBeGreaterThan(2);
    const answers: string[] = [];
    for (const href of links) answers.push(`${(await agent.get(href)).status} ${href}`);
    expect(answers.filter((a) => !a.startsWith('200 '))).toEqual([]);
  });

  test('no card names a table the role cannot open', async () => {
    const user = users[role];
    const home = (await user.agent.get('/')).text;
    const cards = home.match(/<ul class="menu-cards">[\s\S]*?<\/ul>/g)?.join('\n') ?? '';
    const principal = { id: user.id, role, ward_id: user.ward_id };
    const closed = REPORTS.filter((d) => !canReadReport(principal, d));
    const subject = (title: string) => title.replace(/（[^（]*）$/, '');
    const open = new Set(REPORTS.filter((d) => canReadReport(principal, d)).map((d) => subject(d.title)));
    expect(closed.map((d) => subject(d.title)).filter((s) => !open.has(s) && cards.includes(s))).toEqual([]);
    // the words of a closed table's subject: a ward office reads no consultation table
    if (closed.some((d) => d.id.startsWith('consultations-'))) expect(cards).not.toContain('相談件数');
  });
});
