/**
 * Money in participation's published language (ADR 0036): an amount is an integer number of tiyn.
 * The schemas live in `../common.js` since registration uses them too; re-exported here so the
 * imports written against this module keep working.
 */
export { MAX_TIYN, PositiveTiynSchema, TiynSchema } from '../common.js';
