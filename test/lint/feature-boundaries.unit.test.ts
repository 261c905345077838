/**
 * The shape rules of src/: the local rule (eslint-rules/feature-boundaries.js) on its own, and the
 * project's eslint.config.js on small fixture trees written to a temporary folder, so removing the
 * rule, or import-x/no-cycle, from the config fails here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const rule = require('../../eslint-rules/feature-boundaries');

const ROOT = path.resolve(__dirname, '../..');
const at = (rel: string) => path.join(ROOT, 'src', rel);

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('feature-boundaries', rule, {
  valid: [
    { filename: at('features/subsidies/subsidies-page.ts'), code: "import { staffPersonSummary } from '../persons';" },
    { filename: at('features/subsidies/subsidies-page.ts'), code: "import { staffPersonSummary } from '../persons/index';" },
    { filename: at('features/subsidies/subsidies-page.ts'), code: "import { cap } from './subsidies-cap';" },
    { filename: at('features/guardians/courses/courses-routes.ts'), code: "import { x } from '../guardians-queries';" },
    { filename: at('features/subsidies/subsidies-page.ts'), code: "import { Table } from '../../lib/table/table';" },
    { filename: at('features/subsidies/subsidies-page.ts'), code: "import type { TimelineSource } from '../../contracts';" },
    { filename: at('features/index.ts'), code: "import { persons } from './persons';" },
    { filename: at('app.ts'), code: "import { FEATURES } from './features';" },
    { filename: at('cli/export-command.ts'), code: "import { REPORTS } from '../features';" },
    { filename: at('cli/import-command.ts'), code: "import { analyseFile } from '../features/imports';" },
    { filename: at('http/routes.ts'), code: "import { audit } from '../audit/audit-writer';" },
    { filename: at('db/tx.ts'), code: "import { todayIso } from '../lib/dates';" },
    { filename: at('lib/chart/svg.ts'), code: "import { z } from 'zod';" },
    // tests and tools outside src/ may reach in
    { filename: path.join(ROOT, 'test/features/x.test.ts'), code: "import { q } from '../../src/features/persons/persons-queries';" },
  ],
  invalid: [
    {
      filename: at('features/subsidies/subsidies-page.ts'),
      code: "import { staffPersonSummary } from '../petitions/petitions-queries';",
      errors: [{ messageId: 'deep', data: { spec: '../petitions/petitions-queries', feature: 'petitions', door: '../petitions' } }],
    },
    {
      filename: at('features/guardians/courses/courses-routes.ts'),
      code: "export { x } from '../../imports/import-spec';",
      errors: [{ messageId: 'deep' }],
    },
    { filename: at('features/meetings/m.ts'), code: "const s = require('../petitions/petitions-stage-service');", errors: [{ messageId: 'deep' }] },
    { filename: at('features/meetings/m.ts'), code: "const s = import('../petitions/petitions-stage-service');", errors: [{ messageId: 'deep' }] },
    { filename: at('app.ts'), code: "import { personsRoutes } from './features/persons/persons-routes';", errors: [{ messageId: 'deep' }] },
    { filename: at('cli/export-command.ts'), code: "import { REPORTS } from '../features/reports/reports-routes';", errors: [{ messageId: 'deep' }] },
    { filename: at('features/home/home-routes.ts'), code: "import { REPORTS } from '..';", errors: [{ messageId: 'root' }] },
    { filename: at('features/home/home-routes.ts'), code: "import { REPORTS } from '../index';", errors: [{ messageId: 'root' }] },
    { filename: at('lib/chart/svg.ts'), code: "import { Db } from '../../db/knex';", errors: [{ messageId: 'layer' }] },
    { filename: at('lib/dates.ts'), code: "import { persons } from '../features/persons';", errors: [{ messageId: 'layer' }] },
    { filename: at('db/tx.ts'), code: "import { audit } from '../http/routes';", errors: [{ messageId: 'layer' }] },
    { filename: at('db/tx.ts'), code: "import { persons } from '../features/persons';", errors: [{ messageId: 'layer' }] },
    { filename: at('http/routes.ts'), code: "import { persons } from '../features/persons';", errors: [{ messageId: 'layer' }] },
    { filename: at('audit/audit-writer.ts'), code: "import type { Feature } from '../contracts';", errors: [{ messageId: 'layer' }] },
    { filename: at('auth/login-routes.ts'), code: "import { x } from '../features/admin';", errors: [{ messageId: 'layer' }] },
    { filename: at('features/persons/p.ts'), code: "import { createApp } from '../../app';", errors: [{ messageId: 'layer' }] },
  ],
});

describe("the project's eslint.config.js on src/", () => {
  let dir: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const lint = async (): Promise<Record<string, string[]>> => {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });
    const results = await eslint.lintFiles(['src']);
    // an error (severity 2) fails `npm run lint`; a warning would not
    return Object.fromEntries(results.map((r) => [path.relative(dir, r.filePath), r.messages.map((m) => (m.severity === 2 ? m.ruleId ?? m.message : `warning ${m.ruleId}`))]));
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-shape-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a deep import into another feature and accepts its door', async () => {
    write('src/features/petitions/petitions-queries.ts', 'export const summary = 1;\n');
    write('src/features/petitions/index.ts', "export { summary } from './petitions-queries';\n");
    write('src/features/subsidies/deep.ts', "import { summary } from '../petitions/petitions-queries';\nexport const a = summary;\n");
    write('src/features/subsidies/door.ts', "import { summary } from '../petitions';\nexport const b = summary;\n");
    const found = await lint();
    expect(found['src/features/subsidies/deep.ts']).toEqual(['local/feature-boundaries']);
    expect(found['src/features/subsidies/door.ts']).toEqual([]);
  }, 60_000);

  it('refuses an import cycle, but not one made of type imports only', async () => {
    write('src/features/a/one.ts', "import { two } from './two';\nexport const one = () => two;\n");
    write('src/features/a/two.ts', "import { one } from './one';\nexport const two = () => one;\n");
    write('src/features/b/three.ts', "import type { Four } from './four';\nexport interface Three { four?: Four }\n");
    write('src/features/b/four.ts', "import type { Three } from './three';\nexport interface Four { three?: Three }\n");
    const found = await lint();
    expect(found['src/features/a/one.ts']).toEqual(['import-x/no-cycle']);
    expect(found['src/features/a/two.ts']).toEqual(['import-x/no-cycle']);
    expect(found['src/features/b/three.ts']).toEqual([]);
  }, 60_000);

  it('refuses a lower layer importing a higher one', async () => {
    write('src/features/persons/index.ts', 'export const persons = 1;\n');
    write('src/lib/bad.ts', "import { persons } from '../features/persons';\nexport const x = persons;\n");
    const found = await lint();
    expect(found['src/lib/bad.ts']).toEqual(['local/feature-boundaries']);
  }, 60_000);
});
