import type { IssueStatus } from '@/lib/issues/types';

// Each colour has at least 3:1 contrast on white (WCAG 1.4.11); the legend and the tables name
// what each one means, so colour is never the only cue.

export const STATUS_COLORS: Readonly<Record<IssueStatus, string>> = {
  new: '#7b4fa0',
  accepted: '#2f7fc1',
  in_progress: '#b35c00',
  done: '#1e7a3c',
  closed: '#6b6b6b',
};

export const VERIFICATION_COLOR = '#0b4a7d';
export const START_COLOR = '#b35c00';
export const BAR_COLOR = '#0b4a7d';
/** The heat map's cells: the fuller the cell, the less transparent. */
export const HEAT_COLOR = '#b3261e';
