/**
 * The data model. Every other part of Driftwatch (the checker, the content collections, the JSON
 * Schemas for editors, the field reference in the docs) derives from these schemas.
 */
export * from './common.ts';
export * from './platforms.ts';
export * from './actors.ts';
export * from './sources.ts';
export * from './records.ts';
export * from './content.ts';
export * from './site.ts';
