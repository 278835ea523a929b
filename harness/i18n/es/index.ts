/**
 * The harness's own Spanish: what the engine and the harness say themselves. Each exercise
 * carries its own catalogue (`messages` in its declaration, kept in its folder), added to these
 * by whoever loads the exercises (see `addCatalogues` in `../localize.ts`).
 */
import type { Catalogue } from '../catalogue.js';
import { common } from './common.js';

/** The harness's Spanish catalogues. */
export const SPANISH: readonly Catalogue[] = [common];
