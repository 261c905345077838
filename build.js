/**
 * The build: every file the app runs (src/, migrations/, seeds/) compiled one to one into dist/
 * by esbuild, keeping the folders, so dist/src/db/migrate.js finds dist/migrations and
 * dist/seeds as the sources find theirs. Type checking is not its job (npm run typecheck).
 *
 *   node build.js              clean build (npm ci runs it as `prepare`; also npm run build)
 *   node build.js --if-stale   only when a source is newer than the build (before npm start,
 *                              npm run cli, and the tests that start the compiled server)
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = __dirname;
const OUT = path.join(ROOT, 'dist');
const FOLDERS = ['src', 'migrations', 'seeds'];
/** Written last: its time is the build's. */
const STAMP = path.join(OUT, '.built');

const compiled = (file) => (file.endsWith('.ts') && !file.endsWith('.d.ts')) || file.endsWith('.js');

/** Every file and folder under the source folders (a deleted or renamed file changes its folder's time). */
function sourceEntries() {
  return FOLDERS.flatMap((dir) => [dir, ...fs.readdirSync(path.join(ROOT, dir), { recursive: true }).map((f) => path.join(dir, f))]);
}

function isStale() {
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  return [path.join(ROOT, 'build.js'), ...sourceEntries().map((f) => path.join(ROOT, f))].some((f) => fs.statSync(f).mtimeMs > built);
}

function build() {
  const started = Date.now();
  const entryPoints = sourceEntries().filter(compiled);
  // a clean dist: a migration deleted from the sources must not live on in dist/migrations
  fs.rmSync(OUT, { recursive: true, force: true });
  require('esbuild').buildSync({
    entryPoints, outdir: OUT, outbase: ROOT, platform: 'node', format: 'cjs', target: 'node20',
    // stack traces name the TypeScript lines (npm start runs node --enable-source-maps)
    sourcemap: true, sourcesContent: false, logLevel: 'warning',
  });
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.stderr.write(`build: ${entryPoints.length} files into dist/ in ${Date.now() - started} ms\n`);
}

if (!process.argv.includes('--if-stale') || isStale()) build();
