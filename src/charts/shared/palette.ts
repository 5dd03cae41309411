/**
 * Categories → class names and shapes. Colours themselves live in chart.css as custom
 * properties (`--dw-c1` … `--dw-c6`) with light and dark values, so no mark hard-codes a colour
 * and a theme switch needs no JavaScript. The six colours are the Okabe–Ito set, darkened for a
 * light background and lightened for a dark one; distinguishable with common colour-vision
 * deficiencies, and every category also has its own shape.
 */
import { INITIATORS, RECORD_KINDS, OUTCOMES } from '../../schema/records.ts';
import type { RecordKind } from '../../schema/records.ts';
import type { Shape } from './shapes.ts';
import { formatCount } from './format.ts';

export interface CategoryStyle {
  /** Class carrying the colour: `.dw-c1` … `.dw-c6` set `--dw-mark`. */
  className: string;
  shape: Shape;
  label: string;
}

export const KIND_STYLES: Record<RecordKind, CategoryStyle> = {
  attack: { className: 'dw-c2', shape: 'star', label: 'Attack' },
  claim: { className: 'dw-c4', shape: 'triangle', label: 'Claim of responsibility' },
  takedown: { className: 'dw-c1', shape: 'square', label: 'Takedown' },
  migration: { className: 'dw-c3', shape: 'diamond', label: 'Migration' },
  statement: { className: 'dw-c6', shape: 'circle', label: 'Statement' },
};

export const INITIATOR_STYLES: Record<(typeof INITIATORS)[number], CategoryStyle> = {
  platform: { className: 'dw-c1', shape: 'square', label: 'Platform' },
  'law-enforcement-referral': { className: 'dw-c2', shape: 'triangle', label: 'Law-enforcement referral' },
  'user-reports': { className: 'dw-c3', shape: 'circle', label: 'User reports' },
  automated: { className: 'dw-c4', shape: 'diamond', label: 'Automated' },
  'court-order': { className: 'dw-c5', shape: 'cross', label: 'Court order' },
  unknown: { className: 'dw-c6', shape: 'wye', label: 'Unknown initiator' },
};

/** Outcome is drawn as fill: removed is solid, referred hollow, restored hollow with a dot. */
export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  referred: 'Referred (not a removal)',
  removed: 'Removed',
  restored: 'Restored',
  unknown: 'Outcome unknown',
};

/** Short plural names for lane labels, which must fit the left margin. */
export const KIND_LANE_LABELS: Record<RecordKind, string> = {
  attack: 'Attacks',
  claim: 'Claims',
  takedown: 'Takedowns',
  migration: 'Migrations',
  statement: 'Statements',
};

export const KIND_ORDER: readonly RecordKind[] = RECORD_KINDS;

export function kindLabelPlural(kind: RecordKind, n: number): string {
  const words: Record<RecordKind, [string, string]> = {
    attack: ['attack', 'attacks'],
    claim: ['claim', 'claims'],
    takedown: ['takedown', 'takedowns'],
    migration: ['migration', 'migrations'],
    statement: ['statement', 'statements'],
  };
  return `${formatCount(n)} ${words[kind][n === 1 ? 0 : 1]}`;
}
