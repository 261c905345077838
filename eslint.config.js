// ESLint flat config: typescript-eslint's recommended rules on the sources and tests, and on src/
// the shape rules: no import cycles (import-x/no-cycle) and eslint-rules/feature-boundaries.js
// (another feature only through its index.ts; lib → db → http/auth/audit → contracts → features → app/cli).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const { importX, createNodeResolver } = require('eslint-plugin-import-x');
const featureBoundaries = require('./eslint-rules/feature-boundaries');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'reports/', 'tmp/', 'public/js/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX, local: { rules: { 'feature-boundaries': featureBoundaries } } },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      // Runtime cycles (import-x skips `import type`, which leaves nothing behind at run time).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'local/feature-boundaries': 'error',
    },
  },
  {
    // One way each (issue 15): transactions through inTransaction, versioned rows through
    // updateVersioned, the conflict page through renderConflictPage.
    files: ['src/**/*.ts'],
    ignores: ['src/db/tx.ts', 'src/http/conflict.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.property.name='transaction']", message: 'Use inTransaction (src/db/tx.ts).' },
        { selector: "BinaryExpression[operator='+'][right.value=1]:matches([left.name='version'], [left.property.name='version'])", message: 'Use updateVersioned (src/db/tx.ts): it moves the version on.' },
        { selector: 'Literal[value=/^version \\+ 1$/]', message: 'Use updateVersioned with ANY_VERSION (src/db/tx.ts).' },
        { selector: "Literal[value='errors/conflict']", message: 'Use renderConflictPage (src/http/conflict.ts).' },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['public/js/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { document: 'readonly', window: 'readonly' } },
  },
);
