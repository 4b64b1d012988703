import { useEffect, useRef } from 'react';

/**
 * Focuses the element when it appears: for a step that replaces part of a page (the next
 * step of a login), so that keyboard and screen-reader users start at the new content.
 * Give the element `tabIndex={-1}`.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
