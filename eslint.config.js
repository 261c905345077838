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
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['public/js/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { document: 'readonly', window: 'readonly' } },
  },
);
