import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['scripts/*.mjs', 'test/support/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Nothing below the doors may talk to the runner: only src/action.ts imports @actions/*.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*'],
              message: 'Only the action door (src/action.ts) imports @actions/*.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/action.ts', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['eslint.config.js', 'scripts/**/*.mjs', 'test/support/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
