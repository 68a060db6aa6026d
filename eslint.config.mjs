// The project's lint rules (`npm run lint`, part of `npm test`). Besides typescript-eslint's
// recommended rules it enforces the layers of the design:
//   src/core    pure domain: no `vscode`, no Node built-ins, no simple-git, nothing from node/vscode/cli
//   src/node    adapters: no `vscode`, nothing from vscode/cli
//   src/webview a page's script (the dashboard): no `vscode`, no Node built-ins, only src/core besides its libraries
//   src/vscode  one folder per feature; a feature imports no other feature (services, settings and
//               shared modules are open to all); view models (`*Model.ts`) import no `vscode`
// Import cycles (type-only imports included) are found by dependency-cruiser (.dependency-cruiser.cjs).
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const vscodeImport = { name: 'vscode', message: 'Only src/vscode may import vscode.' };
const layerMessage = (what) => `${what} (see the layer rules in eslint.config.mjs).`;

/**
 * User-facing text in src/vscode goes through `vscode.l10n.t` (or a view model's injected `t`), so
 * `l10n/bundle.l10n.json` has it: a string literal or a template with words, given straight to a
 * message, a quick pick's or input box's words, a tree item's or status bar's text, is an error.
 */
const WORDS = '/[A-Za-z]{2}/';
const bare = (where) => [`${where} > Literal[value=${WORDS}]`, `${where} > TemplateLiteral:has(TemplateElement[value.raw=${WORDS}])`];
const UI_TEXT_PROPERTIES = '/^(title|placeHolder|prompt|tooltip|detail|description|label|message|text|contents|validationMessage)$/';
const bareUserText = [
  ...bare(
    'CallExpression[callee.property.name=/^(show(Information|Warning|Error)Message|setStatusBarMessage|showQuickPick|createStatusBarItem)$/]',
  ),
  ...bare(`Property[key.name=${UI_TEXT_PROPERTIES}]`),
  ...bare('NewExpression[callee.property.name=/^(TreeItem|MarkdownString)$/]'),
  ...bare(`AssignmentExpression[left.property.name=${UI_TEXT_PROPERTIES}]`),
  // A button's or message's words kept in a constant first (`const undo = 'Undo'`): capitalised words.
  'VariableDeclarator > Literal[value=/^[A-Z][a-z]+([ …]|$)/]',
].map((selector) => ({ selector, message: 'User-facing text goes through vscode.l10n.t (or the injected t): see eslint.config.mjs' }));

/** Folders of src/vscode every feature may import. */
const SHARED_VSCODE_FOLDERS = ['services', 'settings', 'shared'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'media/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { ...vscodeImport, message: layerMessage('src/core is pure domain: it must not import vscode') },
            { name: 'simple-git', message: layerMessage('src/core runs no git: simple-git belongs in src/node') },
            ...nodeBuiltins.map((name) => ({
              name,
              message: layerMessage(`src/core does no I/O: the Node built-in '${name}' belongs in src/node`),
            })),
          ],
          patterns: [
            { regex: '^node:', message: layerMessage('src/core does no I/O: Node built-ins belong in src/node') },
            {
              regex: '^(\\.\\./)+(node|vscode|cli)(/|$)',
              message: layerMessage('src/core must not import the adapters (node, vscode, cli)'),
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...vscodeImport, message: layerMessage('src/node is reused by the CLI: it must not import vscode') }],
          patterns: [{ regex: '^(\\.\\./)+(vscode|cli)(/|$)', message: layerMessage('src/node must not import src/vscode or src/cli') }],
        },
      ],
    },
  },
  {
    files: ['src/vscode/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.\\./(?!(${SHARED_VSCODE_FOLDERS.join('|')}|\\.\\.)/)[^/]+/`,
              message: layerMessage(
                `a feature must not import another feature: move what both need to src/vscode/{${SHARED_VSCODE_FOLDERS.join(',')}}`,
              ),
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/testHook.ts'],
    rules: { 'no-restricted-syntax': ['error', ...bareUserText] },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { ...vscodeImport, message: layerMessage('src/webview runs in a page: it must not import vscode (it posts messages)') },
            ...nodeBuiltins.map((name) => ({ name, message: layerMessage(`src/webview runs in a page: no Node built-in ('${name}')`) })),
          ],
          patterns: [
            { regex: '^node:', message: layerMessage('src/webview runs in a page: no Node built-ins') },
            { regex: '^(\\.\\./)+(node|vscode|cli)(/|$)', message: layerMessage('src/webview may import only src/core (types)') },
          ],
        },
      ],
    },
  },
  {
    files: ['src/vscode/**/*Model.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...vscodeImport, message: layerMessage('a view model is tested in plain Node: it must not import vscode') }],
          patterns: [
            {
              regex: `^\\.\\./(?!(${SHARED_VSCODE_FOLDERS.join('|')}|\\.\\.)/)[^/]+/`,
              message: layerMessage('a feature must not import another feature'),
            },
          ],
        },
      ],
    },
  },
);
