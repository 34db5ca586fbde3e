import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // GitHub's workflow parser imports JSON in a way Node 20 only accepts when Vite transforms it.
    server: { deps: { inline: ['@actions/workflow-parser', '@actions/expressions'] } },
  },
});
