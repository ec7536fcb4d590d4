// ESLint flat config: typescript-eslint plus the import rules that keep the architecture's boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import formatjs from 'eslint-plugin-formatjs';
import { noEnglishLiteral } from './eslint/no-english-literal.js';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run without Node: no node:* imports.' };
const electronOnlyInShell = { name: 'electron', message: 'Only electron/main.ts, window.ts, preload.ts, ipc/electron-transport.ts and adapters/ use electron.' };
const storageAdapters = [
  { name: 'keytar', message: 'Only electron/adapters/ touches the keychain.' },
  { name: 'electron-store', message: 'Only electron/adapters/ touches electron-store.' },
  { name: 'conf', message: 'Only electron/adapters/ touches the settings file.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', '.vite/', 'out/', 'dist/', '.harness/', '.tsbuild/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, ...storageAdapters, { name: 'react', message: 'shared/ is pure TypeScript.' }], patterns: [nodeBuiltins] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, ...storageAdapters], patterns: [nodeBuiltins] }],
      'no-restricted-properties': ['error', { object: 'window', property: 'mailSetup', message: 'Only renderer/api.ts talks to window.mailSetup.' }],
    },
  },
  {
    // Every text a person reads in the app comes from the catalogue (renderer/messages/en.ts and its translations).
    files: ['renderer/**/*.tsx'],
    plugins: { formatjs },
    rules: { 'formatjs/no-literal-string-in-jsx': ['error', { props: { include: [['*', '{label,placeholder,title,alt}']] } }] },
  },
  {
    // The same outside React: the CLI's output for a person, the failure texts main builds, and the
    // steps' technical details where they are decided (said through stepText() by id).
    files: [
      'electron/cli/**/*.ts',
      'electron/services/check/build-failure.ts',
      'renderer/**/*.ts',
      'electron/services/net/tls-failure.ts',
      'electron/services/check/{classify-imap-error,timeout-detail}.ts',
      'electron/services/check/smtp/{choose-mechanism,classify-smtp-error,smtp-utf8}.ts',
      'electron/services/check/pop3/{classify-pop3-reply,pop3-sign-in,pop3-wire}.ts',
    ],
    ignores: ['**/*.test.ts', 'electron/cli/test-support/**', 'renderer/messages/en.ts'],
    plugins: { local: { rules: { 'no-english-literal': noEnglishLiteral } } },
    rules: { 'local/no-english-literal': 'error' },
  },
  {
    files: ['renderer/api.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['electron/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/window.ts', 'electron/preload.ts', 'electron/ipc/electron-transport.ts', 'electron/adapters/**', 'electron/**/*.test.ts', 'e2e/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, ...storageAdapters] }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/ipc/electron-transport.ts', 'electron/preload.ts', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Only electron/ipc/electron-transport.ts imports ipcMain.' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only electron/preload.ts imports ipcRenderer.' },
      ],
    },
  },
  {
    // Playwright fixtures declare "no dependencies" with an empty destructuring pattern.
    files: ['e2e/**/*fixture*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['e2e/harness/client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
