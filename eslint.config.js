// ESLint flat config: typescript-eslint's recommended rules on the sources and tests.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

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
