/**
 * The migrated template is kept between runs under a key of what makes it: the migrations, the
 * master-data seed, the code that runs them (src/db) and the PGlite version. A run whose key is
 * already stored copies it and migrates nothing; any change to those files gives a new key.
 * KK_TEST_FRESH_TEMPLATE=1 migrates anew all the same.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** What the template is made from: every file under these, in a stable order. */
const INPUTS = ['migrations', 'seeds/master-data.ts', 'seeds/master-lists.ts', 'src/db'];

function filesUnder(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.statSync(abs).isDirectory()) return [rel];
  return fs.readdirSync(abs).sort().flatMap((name) => filesUnder(path.join(rel, name)));
}

/** The content hash of the template's inputs (hex). */
export function templateKey(): string {
  const hash = crypto.createHash('sha256');
  const pglite = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  hash.update(`pglite ${pglite.version}\0`);
  for (const file of INPUTS.flatMap(filesUnder)) hash.update(`${file}\0`).update(fs.readFileSync(path.join(ROOT, file))).update('\0');
  return hash.digest('hex');
}

export const freshTemplateAsked = () => process.env.KK_TEST_FRESH_TEMPLATE === '1';

const CACHE_DIR = path.join(os.tmpdir(), 'kk-test-templates');
/** Templates of other keys not used for this long are removed. */
const KEEP_UNUSED_MS = 7 * 24 * 3600 * 1000;

/** The stored PGlite dump for this key, if there is one (marked as used now). */
export function cachedDump(key: string): string | null {
  const file = path.join(CACHE_DIR, `pglite-${key}.tar`);
  if (freshTemplateAsked() || !fs.existsSync(file)) return null;
  const now = new Date();
  fs.utimesSync(file, now, now);
  return file;
}

/**
 * Stores a dump under the key: written aside and renamed, so a run reading the file at the same
 * time sees the whole of it or nothing; two runs storing at once leave one complete file.
 */
export function storeDump(key: string, dump: Buffer): string {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `pglite-${key}.tar`);
  const aside = `${file}.${process.pid}.part`;
  fs.writeFileSync(aside, dump);
  fs.renameSync(aside, file);
  for (const other of fs.readdirSync(CACHE_DIR)) {
    const p = path.join(CACHE_DIR, other);
    if (p !== file && Date.now() - fs.statSync(p).mtimeMs > KEEP_UNUSED_MS) fs.rmSync(p, { force: true });
  }
  return file;
}

/** The PostgreSQL template database's name for the key (within the 63-byte limit). */
export const pgTemplateName = (key: string) => `kk_tpl_${key.slice(0, 24)}`;
