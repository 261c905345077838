import crypto from 'node:crypto';
import { createTestApp, TestApp } from '../../helpers/app';
import { makeUser } from '../../helpers/factories';
import { loginAs } from '../../helpers/agent';
import { totpCode, totpUri } from '../../../src/auth/totp';
import { qrDataUrl } from '../../../src/features/two-factor/two-factor-qr';
import { TWO_FACTOR_MESSAGES } from '../../../src/features/two-factor/two-factor-schema';
import { confirmEnrolment, enrolThroughPages, ENROL_PAGE as PAGE, passwordStep, secretFrom, sendCode } from './helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('enrolment at /account/two-factor', () => {
  test('the page shows a QR code of the otpauth URI and the secret in groups of 4, and keeps the secret server-side', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const agent = await loginAs(t.app, u.username);
    const page = await agent.get(PAGE);
    expect(page.status).toBe(200);
    const grouped = page.text.match(/id="totp-secret"><strong>([A-Z2-7 ]+)<\/strong>/)?.[1] ?? '';
    expect(grouped).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = grouped.replace(/ /g, '');
    const img = page.text.match(/<img src="(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+)"/)?.[1];
    expect(img).toBe(await qrDataUrl(totpUri(secret, u.username)));
    const svg = Buffer.from(img!.split(',')[1], 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="240" height="240" viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<script|on\w+=|href=/); // an image, nothing that could run or load
    expect(totpUri(secret, u.username)).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/);
    expect(page.text).not.toContain(secret); // only the grouped form is shown, and no hidden field holds it
    expect(page.text).not.toMatch(/type="hidden"[^>]*value="[A-Z2-7 ]{32,}"/);
    expect(secretFrom((await agent.get(PAGE)).text)).toBe(secret); // the same until confirmed
    expect(await t.db('user_totp').where({ user_id: u.id }).first()).toBeUndefined();
  });

  test('a wrong code is refused next to the field and nothing is stored', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const agent = await loginAs(t.app, u.username);
    const secret = secretFrom((await agent.get(PAGE)).text);
    const wrong = await confirmEnrolment(agent, totpCode(secret, new Date(t.clock.now().getTime() - 90_000)));
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(`<p class="error-text" id="code-error">${TWO_FACTOR_MESSAGES.codeWrong}</p>`);
    expect(wrong.text).toMatch(/<input id="code"[^>]*aria-invalid="true"/);
    expect(wrong.text).toContain('class="error-summary"');
    expect(secretFrom(wrong.text)).toBe(secret);
    const malformed = await confirmEnrolment(agent, '12a45');
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain(TWO_FACTOR_MESSAGES.codeFormat);
    expect(await t.db('user_totp').where({ user_id: u.id }).first()).toBeUndefined();
    expect(await t.db('user_recovery_codes').where({ user_id: u.id }).first()).toBeUndefined();
    expect(await t.db('audit_log').where({ action: 'user.2fa_enrol', record_id: String(u.id) }).first()).toBeUndefined();
  });

  test('the right code enrols: ten recovery codes are shown once, stored hashed, and the enrolment is audited', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const agent = await loginAs(t.app, u.username);
    const { secret, codes, res, shown } = await enrolThroughPages(t, agent);
    expect(res.headers.location).toBe(`${PAGE}/recovery-codes`);
    expect(shown.text).toContain('二段階認証を設定しました。');
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const again = await agent.get(`${PAGE}/recovery-codes`);
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe(PAGE);

    const stored = await t.db('user_totp').where({ user_id: u.id }).first();
    expect(stored).toMatchObject({ secret, enrolled_at: t.clock.now() });
    const rows = await t.db('user_recovery_codes').where({ user_id: u.id }).orderBy('id');
    expect(rows).toHaveLength(10);
    for (const [i, r] of rows.entries()) {
      const plain = codes[i].replace(/-/g, '');
      expect(r.code_hash).toBe(crypto.createHash('sha256').update(`${r.salt}:${plain}`).digest('hex'));
      expect(r.used_at).toBeNull();
    }
    expect(new Set(rows.map((r) => r.salt)).size).toBe(10);
    const everywhere = JSON.stringify([rows, await t.db('sessions').select('sess'), await t.db('audit_log').select('*')]);
    for (const c of codes) {
      expect(everywhere).not.toContain(c);
      expect(everywhere).not.toContain(c.replace(/-/g, ''));
    }
    expect(JSON.stringify(await t.db('sessions').select('sess'))).not.toContain(secret);
    const audit = await t.db('audit_log').where({ action: 'user.2fa_enrol' }).select('*');
    expect(audit).toEqual([expect.objectContaining({ actor_id: u.id, record_type: 'user', record_id: String(u.id) })]);

    const status = await agent.get(PAGE);
    expect(status.text).toContain('設定済み');
    expect(status.text).toContain('10個');
    expect(status.text).not.toContain('<img');
    expect(status.text).not.toContain(secret.slice(0, 4) + ' ' + secret.slice(4, 8));
  });

  test('after enrolling, login asks for the code; a recovery code works once in its place', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const { codes } = await enrolThroughPages(t, await loginAs(t.app, u.username));
    t.clock.advance(30_000);
    const first = await passwordStep(t, u.username);
    expect(first.res.headers.location).toBe('/login/two-factor');
    const typed = ` ${codes[3].toLowerCase().replace(/-/g, ' ')} `;
    expect((await sendCode(first.agent, typed)).status).toBe(303);
    expect((await first.agent.get('/')).status).toBe(200);
    const used = await t.db('user_recovery_codes').where({ user_id: u.id }).whereNotNull('used_at').select('id', 'used_at');
    expect(used).toHaveLength(1);
    const success = await t.db('audit_log').where({ action: 'login.2fa_success', actor_id: u.id }).first();
    expect(success).toMatchObject({ record_type: 'recovery_code', record_id: String(used[0].id) });

    const second = await passwordStep(t, u.username);
    const reused = await sendCode(second.agent, codes[3]);
    expect(reused.status).toBe(401);
    expect((await second.agent.get('/')).status).toBe(303);
    expect((await sendCode(second.agent, codes[4])).status).toBe(303);
    expect((await second.agent.get(PAGE)).text).toContain('8個');
  });

  test('enrolment forms need the CSRF token', async () => {
    const u = await makeUser(t.db, { role: 'staff' });
    const agent = await loginAs(t.app, u.username);
    await agent.get(PAGE);
    expect((await agent.post(PAGE).type('form').send({ code: '123456' })).status).toBe(403);
    expect((await agent.post(`${PAGE}/disable`).type('form').send({ password: 'x' })).status).toBe(403);
  });
});
