/** Part 2 of the bundled fixtures graded by the CLI (see support/fixture-suite.ts). */
import { gradeFixtures } from './support/fixture-suite.js';

gradeFixtures(1, 2);
