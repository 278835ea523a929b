import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Starts the files that take longest first, the fixture gradings (`test/fixtures-<n>.test.ts`),
 * one per worker, so that no worker is left with a long file at the end; the rest in vitest's
 * own order (the longest first, once it has timed them).
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const fixtures = (f: TestSpecification): boolean => /[\\/]fixtures-\d+\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(fixtures), ...sorted.filter((f) => !fixtures(f))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 60_000,
    maxConcurrency: 3,
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
