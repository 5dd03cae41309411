import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./tests/helpers/global-setup.ts'],
    // Whole-site builds and browser tests take seconds each; the defaults are too short.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Build tests write into their own temporary folders, but two Astro builds at once on two
    // cores only slow each other down.
    fileParallelism: false,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
