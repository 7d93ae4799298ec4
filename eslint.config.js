import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'os', 'http', 'https', 'net', 'child_process', 'stream', 'url', 'util', 'events'];

/** An HTML tag in source text, as esquery's regex: the elements Samspill's pages and emails use, and doctype. */
const HTML_TAG =
  '/<\\/?(!doctype|html|head|body|title|meta|link|style|script|main|header|footer|nav|section|article|aside|h[1-6]|p|div|span|a|ul|ol|li|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|th|td|form|fieldset|legend|label|input|textarea|select|option|button|details|summary|strong|em|b|i|small|code|pre|abbr|time|br|hr|img|svg|iframe)[\\s>/]/i';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'migrations/', 'test/support/*.mjs', '.dependency-cruiser.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no I/O, no Node, no side-effect modules.
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'nodemailer', message: 'Workflows must not send mail; call an activity.' },
            { name: 'express', message: 'Workflows must not serve HTTP.' },
          ],
          patterns: [
            { group: NODE_BUILTINS, message: 'Node built-ins are not deterministic; use an activity.' },
            { group: ['@mikro-orm/*', 'pg', 'better-sqlite3'], message: 'Workflows must not touch the database; use an activity.' },
            {
              group: ['**/activities/**', '**/infra/**', '**/api/**', '**/worker/**'],
              allowTypeImports: true,
              message: 'Workflows may import only types from activities, infra, api and worker.',
            },
          ],
        },
      ],
    },
  },
  {
    // Markup is built only with the escaping `html` tag (infra/html/html.ts): a plain template literal
    // or string that contains an HTML tag would put unescaped text into a page or an email.
    files: ['api/**/*.ts', 'activities/**/*.ts', 'infra/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `TemplateLiteral:not(TaggedTemplateExpression > .quasi) > TemplateElement[value.raw=${HTML_TAG}]`,
          message: 'Build markup with the html tag from infra/html/html.ts, which escapes every value.',
        },
        { selector: `Literal[value=${HTML_TAG}]`, message: 'Build markup with the html tag from infra/html/html.ts, which escapes every value.' },
        {
          selector: `TaggedTemplateExpression[tag.name!="html"] > TemplateLiteral > TemplateElement[value.raw=${HTML_TAG}]`,
          message: 'Only the html tag from infra/html/html.ts may build markup.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['*.js', '*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
