import type { EditorFields, EditorInternal } from '../utils/editor-state';

/** What the parts of the procedure editor need: the values, their setters and the errors. */
export type EditorParts = {
  fields: EditorFields;
  internal: EditorInternal;
  setFields: (change: Partial<EditorFields>) => void;
  setInternal: (change: Partial<EditorInternal>) => void;
  /** The error to show at a path's input, in words. */
  error: (path: string) => string | undefined;
  /** A list's items changed positions: errors shown by position there are dropped. */
  reorder: (path: string) => void;
  /** The path in words, as labels of list items' inputs read ("Opłaty — pozycja 1 — kwota"). */
  label: (path: string) => string;
};
