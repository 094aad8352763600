// Lint rules for every TypeScript source: typescript-eslint's recommended set with type information.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'build/**',
      'build-*/**',
      '.fabric*/**',
      'artifacts/**',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The web console runs in the browser: its globals (window, document, fetch) come from the
    // DOM types of gateway/console/tsconfig.json, which type-check them better than a list
    // here. These rules keep Node's globals out, and PHI out of the browser's console and of
    // storage that outlives the tab.
    files: ['gateway/console/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'Only the token, and only in sessionStorage.' },
        { name: 'process', message: 'Browser code: no Node globals.' },
        { name: 'Buffer', message: 'Browser code: no Node globals.' },
        { name: 'require', message: 'Browser code: native ES modules only.' },
        { name: '__dirname', message: 'Browser code: no Node globals.' },
      ],
    },
  },
);
