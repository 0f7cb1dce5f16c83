import { describe } from 'vitest';
import { defineFuzzSuite } from './fuzz-suite.js';

/** The CI-size run: a few hundred inputs over every surface of both platforms, a fixed seed. */
describe('fuzz (small)', () => {
  defineFuzzSuite({ seed: 20261207, budgetMs: 35_000, size: 'small' });
});
