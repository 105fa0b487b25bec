import { defineConfig } from 'vitest/config';

// One runner for every suite. Unit and integration suites share a project; end-to-end suites
// start real browsers and servers, so they get longer timeouts and run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit-integration',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'test/crm-card/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The HubSpot card is React (the rest of the repo is Preact): its files carry an
        // @jsxImportSource pragma, and this project compiles JSX for React as well.
        oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
        test: {
          name: 'crm-card',
          include: ['test/crm-card/**/*.test.ts', 'test/crm-card/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
