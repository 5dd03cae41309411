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
import { capitalise, KIND_LABELS, KIND_PLURALS } from '../../data/labels.ts';

export interface CategoryStyle {
  /** Class carrying the colour: `.dw-c1` … `.dw-c6` set `--dw-mark`. */
  className: string;
  shape: Shape;
  label: string;
}

export const KIND_STYLES: Record<RecordKind, CategoryStyle> = {
  attack: { className: 'dw-c2', shape: 'star', label: KIND_LABELS.attack },
  claim: { className: 'dw-c4', shape: 'triangle', label: KIND_LABELS.claim },
  takedown: { className: 'dw-c1', shape: 'square', label: KIND_LABELS.takedown },
  migration: { className: 'dw-c3', shape: 'diamond', label: KIND_LABELS.migration },
  statement: { className: 'dw-c6', shape: 'circle', label: KIND_LABELS.statement },
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

/** Lane labels: short plurals, which fit the left margin. */
export const KIND_LANE_LABELS = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, capitalise(KIND_PLURALS[kind])])) as Record<RecordKind, string>;

export const KIND_ORDER: readonly RecordKind[] = RECORD_KINDS;
