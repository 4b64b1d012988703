import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The frame of a table that may be wider than the page: it scrolls sideways, and while it does
 * it is a named region that takes the focus, so that keyboard users can scroll it too (WCAG
 * 2.1.1). A table that fits stays out of the tab order.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      setScrolls(element.scrollWidth > element.clientWidth);
    });
    // The frame changes with the window, the table with its content.
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => {
      observer.disconnect();
    };
  }, []);

  return (
    <div
      ref={ref}
      className="table-wrap"
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? label : undefined}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must take the focus to be scrolled from the keyboard
      tabIndex={scrolls ? 0 : undefined}
    >
      {children}
    </div>
  );
}
