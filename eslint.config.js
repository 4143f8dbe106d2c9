// ESLint flat config: @eslint/js and typescript-eslint recommended rules (not type-checked, so
// `npm run lint` stays fast; `npm run typecheck` covers the types).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import boundaries from './lint/module-boundaries.js';

// Names that start with an underscore are deliberately unused (a required parameter, a skipped
// tuple slot, an ignored error).
const unusedVars = [
  'error',
  {
    args: 'after-used',
    argsIgnorePattern: '^_',
    varsIgnorePattern: '^_',
    caughtErrorsIgnorePattern: '^_',
    destructuredArrayIgnorePattern: '^_',
    ignoreRestSiblings: true,
  },
];

// Plain .js files (bin/, this file) run on Node; TypeScript files leave undefined names to tsc.
const nodeGlobals = Object.fromEntries(
  [
    'AbortController', 'AbortSignal', 'Blob', 'Buffer', 'URL', 'URLSearchParams', 'TextDecoder',
    'TextEncoder', 'clearImmediate', 'clearInterval', 'clearTimeout', 'console', 'crypto', 'fetch',
    'globalThis', 'process', 'queueMicrotask', 'setImmediate', 'setInterval', 'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'dist/',
    'data/',
    'coverage/',
    'web/dist/',
    'e2e/artifacts/',
    'bench/results/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: nodeGlobals,
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', __filename: 'readonly' },
    },
  },
  {
    // typescript-eslint's recommended rules apply to every file, .js included: one unused-vars
    // rule for all of them.
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },
  {
    // A server module uses another only through its services, schemas and *.public files; a web
    // feature never reaches into another (docs/decisions.md, "Module boundaries"). Tests set up
    // their scene from anywhere.
    files: ['src/modules/**/*.ts', 'web/src/features/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { doorstep: boundaries },
    rules: { 'doorstep/module-boundaries': 'error' },
  },
);
