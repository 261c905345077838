/**
 * `npm run cli -- backup` / `restore` as an operator runs them, on this run's engine: restoring
 * into a fresh database reproduces every table (row counts and a checksum of the rows).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ENGINE, freshTarget, Target, withDb } from './ops-targets';
import { killChildren, runCliProcess, note } from './ops-processes';
import { sequencePositions, tableChecksums } from './ops-checksums';
import { fillOffice } from './ops-fill';
import { kanaKeys } from '../../src/features/persons/persons-queries';

const hasPgTools = ['pg_dump', 'pg_restore', 'psql'].every((p) => spawnSync(p, ['--version']).status === 0);
const skipReason = ENGINE === 'pg' && !hasPgTools ? 'pg_dump / pg_restore / psql are not on the PATH (Debian: postgresql-client)' : null;
if (skipReason) note(`backup/restore on PostgreSQL SKIPPED: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;

jest.setTimeout(120_000);

/** Exit 0 and nothing from the command on stderr (a runtime warning is shown, not failed on). */
function expectClean(r: { code: number | null; stdout: string; stderr: string }): void {
  if (r.stderr) note(`stderr of a successful CLI run: ${r.stderr}`);
  expect([r.code, r.stderr.split('\n').filter((l) => l && !/^\(node:\d+\) |^\(Use `node --trace/.test(l))]).toEqual([0, []]);
}

maybe(`backup and restore on ${ENGINE}${skipReason ? ` (SKIPPED: ${skipReason})` : ''}`, () => {
  let dir: string;
  let file: string;
  const targets: Target[] = [];
  let source: Target;
  let dest: Target;
  let expected: Record<string, string>;
  let sequences: Record<string, string>;
  const sha256 = () => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const snapshot = (t: Target) => withDb(t, tableChecksums);
  const withoutAudit = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'audit_log_id_seq'));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-backup-'));
    file = path.join(dir, ENGINE === 'pg' ? 'kouken.dump' : 'kouken.tar.gz');
    source = await freshTarget();
    dest = await freshTarget();
    targets.push(source, dest);
    await withDb(source, (db) => fillOffice(db));
  });
  afterAll(async () => {
    killChildren();
    for (const t of targets) await t.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('backup writes an owner-only file, says what it holds, and is audited; a failed one leaves nothing', async () => {
    const failed = await runCliProcess(['backup', '--out', dir], source.env); // a folder: cannot be replaced by a file
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('書き込めませんでした');
    expect(fs.readdirSync(dir)).toEqual([]);

    const r = await runCliProcess(['backup', '--out', file], source.env);
    expectClean(r);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(r.stdout).toContain(`${fs.statSync(file).size.toLocaleString('ja-JP')} バイト`);
    expect(r.stdout).toMatch(/テーブル \d+ 個、合計 [\d,]+ 行/);
    expect(r.stdout).toContain('consultations 300 行');
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]); // no partial file left behind
    const audit = await withDb(source, (db) => db('audit_log').where({ action: 'backup.create' }).select('actor_username', 'record_id'));
    expect(audit).toEqual([{ actor_username: 'cli', record_id: sha256() }]);
    // The source as the backup saw it (the CLI migrates first; its own audit row is left out of the sums).
    expected = await snapshot(source);
    sequences = await withDb(source, sequencePositions);
    expect(expected.consultations).toMatch(/^300 /);
  });

  test('restore into a fresh database reproduces every table, row for row', async () => {
    const r = await runCliProcess(['restore', file], dest.env);
    expectClean(r);
    expect(r.stdout).toContain('バックアップから復元しました');
    const restored = await snapshot(dest);
    expect(Object.keys(restored).length).toBeGreaterThan(15);
    expect(restored).toEqual(expected);
    expect(restored.consultations).toMatch(/^300 /);
    expect(withoutAudit(await withDb(dest, sequencePositions))).toEqual(withoutAudit(sequences));
    await withDb(dest, async (db) => {
      const audit = await db('audit_log').where({ action: 'backup.restore' }).select('id', 'actor_username', 'record_id');
      expect(audit.map((a) => [a.actor_username, a.record_id])).toEqual([['cli', sha256()]]);
      expect(await db('audit_log').where('id', '>=', audit[0].id).count({ n: '*' })).toEqual([{ n: 1 }]); // its id follows the restored ones
    });
  });

  test('restore refuses a database holding data without --force; --force replaces it', async () => {
    await withDb(dest, (db) => db('persons').insert({ name: '後から 追加', name_kana: 'アトカラ ツイカ', ...kanaKeys('アトカラ ツイカ') }));
    const changed = await snapshot(dest);
    expect(changed).not.toEqual(expected);

    const refused = await runCliProcess(['restore', file], dest.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).toMatch(/persons 3 行/);
    expect(await snapshot(dest)).toEqual(changed);

    const forced = await runCliProcess(['restore', file, '--force'], dest.env);
    expectClean(forced);
    expect(await snapshot(dest)).toEqual(expected);
    if (ENGINE === 'pglite') {
      const kept = /上書き前のデータは (\S+) に残しました/.exec(forced.stdout)?.[1];
      expect(kept && fs.existsSync(path.join(kept, 'PG_VERSION'))).toBe(true);
    }
  });

  test('a damaged backup is refused and nothing changes', async () => {
    const before = await snapshot(dest);
    const damaged = path.join(dir, `damaged${path.extname(file)}`);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const r1 = await runCliProcess(['restore', damaged, '--force'], dest.env);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('復元できませんでした');
    expect(await snapshot(dest)).toEqual(before);
  });

  test('another engine\'s backup, or no file at all, is refused before anything is touched', async () => {
    const before = await snapshot(dest);
    const other = path.join(dir, 'other');
    fs.writeFileSync(other, ENGINE === 'pg' ? Buffer.from([0x1f, 0x8b, 8, 0]) : Buffer.from('PGDMP\x01\x0e'));
    const r2 = await runCliProcess(['restore', other, '--force'], dest.env);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/のバックアップです。このシステムは .* で動いているため復元できません/);
    const r3 = await runCliProcess(['restore', path.join(dir, 'missing.dump')], dest.env);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('を読めません');
    expect(await snapshot(dest)).toEqual(before);
  });
});
