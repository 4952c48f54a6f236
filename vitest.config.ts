import { defineConfig } from 'vitest/config';

// Unit tests run in parallel; end-to-end tests drive one real Chromium at a time
// (two cores on CI), so that project runs its files one after another.
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/results.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A hang guard, not a speed goal: property tests run thousands of cases and a busy 2-core
          // machine can take several times longer than an idle one (timing goals live in the bench).
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
