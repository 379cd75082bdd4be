// Lint rules that hold the architecture: src/core stays pure (no DOM, no React, no node:),
// so the same core runs in a Web Worker, the Node CLI and tests (DESIGN.md, STYLE.md #2).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const coreForbidden = {
  paths: [
    { name: 'react', message: 'src/core is pure: no React.' },
    { name: 'react-dom', message: 'src/core is pure: no React.' },
    { name: 'zustand', message: 'src/core is pure: no UI state.' },
    { name: 'fs', message: 'src/core is pure: no node built-ins.' },
    { name: 'path', message: 'src/core is pure: no node built-ins.' },
    { name: 'os', message: 'src/core is pure: no node built-ins.' },
    { name: 'worker_threads', message: 'src/core is pure: no node built-ins.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'src/core is pure: no node: imports.' },
    { group: ['**/web/**', '**/cli/**', '**/worker/**'], message: 'src/core must not import from web, cli or worker.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Names, commands and labels from an image are text everywhere (issue 6): never parsed as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render input as text: no dangerouslySetInnerHTML.' },
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render input as text: no innerHTML/outerHTML.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]", message: 'Render input as text: no HTML parsing of strings.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'Render input as text: no document.write.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', coreForbidden],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
);
