/**
 * Long text is never lost: a text field pasted far over its maximum gets that field's own message
 * with the text kept (the body limit sits well above the largest legitimate form), the largest
 * legitimate bodies are accepted, and only a body over even that limit gets the 413 page, which
 * says in Japanese what happened and that the browser's back button keeps what was typed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { useTestApp } from '../helpers/suite';
import { FORM_BODY_LIMIT_BYTES } from '../../src/app';
import { MEETING_MESSAGES } from '../../src/features/meetings/meetings-schema';
import { CONSULTATION_MESSAGES } from '../../src/features/consultations/consultations-schema';
import { MAX_ATTENDEES } from '../../src/features/meetings/meetings-attendees';
import { orgId, postFrom } from '../features/meetings/meeting-factory';
import { categoryId, submitNew } from '../features/consultations/helpers';

const t = useTestApp();
const staff = t.user('staff');

/** n characters of 3-byte UTF-8 (9 bytes each once percent-encoded), with line breaks as a textarea sends them. */
const longText = (n: number) => Array.from({ length: n }, (_, i) => (i % 100 === 99 ? '\n' : '議')).join('');
const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0].n);
/** The textarea's content as the page shows it again. */
const textareaOf = (html: string, name: string) => new RegExp(`<textarea id="${name}" name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];

describe('minutes far over their maximum', () => {
  test.each([30_000, 100_000])('%i characters: 400, the field message, the text kept in the textarea, nothing stored', async (n) => {
    const before = await count('meetings');
    const minutes = longText(n);
    const res = await postFrom(staff.agent, '/meetings/new', '/meetings', { held_on: '2026-11-01', place: '市役所', minutes });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<p class="error-text" id="minutes-error">${MEETING_MESSAGES.minutes}</p>`);
    expect(textareaOf(res.text, 'minutes')).toBe(minutes);
    expect(res.text).toContain('value="市役所"');
    expect(await count('meetings')).toBe(before);
  });

  test('consultation content of 50,000 characters: the field message and the text kept', async () => {
    const content = longText(50_000);
    const res = await submitNew(staff.agent, { category_id: String(await categoryId(t.db, '制度説明')), content });
    expect(res.status).toBe(400);
    expect(res.text).toContain(CONSULTATION_MESSAGES.content);
    expect(textareaOf(res.text, 'content')).toBe(content);
  });
});

describe('the largest legitimate bodies', () => {
  test('a meeting with every field at its maximum and every attendee row filled is stored', async () => {
    const org = String(await orgId(t.db, '弁護士会'));
    const rows: Record<string, string> = {};
    for (let i = 0; i < MAX_ATTENDEES; i++) Object.assign(rows, { [`att_org_${i}`]: org, [`att_role_${i}`]: '役'.repeat(50), [`att_name_${i}`]: '名'.repeat(100) });
    const res = await postFrom(staff.agent, '/meetings/new', '/meetings', { held_on: '2026-11-02', place: '場'.repeat(200), minutes: '議'.repeat(20_000), ...rows });
    expect(res.status).toBe(303);
  });

  test('a consultation with 内容, 対応 and つなぎ先 at their maxima is stored', async () => {
    const res = await submitNew(staff.agent, { category_id: String(await categoryId(t.db, '制度説明')), content: '内'.repeat(10_000), response: '対'.repeat(10_000), referral: '先'.repeat(2_000) });
    expect(res.status).toBe(303);
  });
});

test('a body over even the raised limit: 413, a Japanese page that says what happened and that Back keeps the text', async () => {
  const form = await staff.agent.get('/meetings/new');
  const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
  const res = await staff.agent.post('/meetings').type('form').send(`_csrf=${encodeURIComponent(token)}&minutes=${'%E8%AD%B0'.repeat(Math.ceil(FORM_BODY_LIMIT_BYTES / 9) + 1)}`);
  expect(res.status).toBe(413);
  expect(res.text).toContain('<h1>入力された内容が多すぎるため、保存できませんでした</h1>');
  expect(res.text).toContain('ブラウザの「戻る」');
});

test('the limit leaves room for the largest form plus one text at ten times the largest maximum; the page script uses the same limit', () => {
  const largestForm = 20_000 + 200 + MAX_ATTENDEES * (50 + 100);
  expect(FORM_BODY_LIMIT_BYTES).toBeGreaterThanOrEqual((largestForm + 9 * 20_000) * 9);
  const script = fs.readFileSync(path.resolve(__dirname, '../../public/js/app.js'), 'utf8');
  expect(script).toContain(`var FORM_BODY_LIMIT_BYTES = ${FORM_BODY_LIMIT_BYTES};`);
});
