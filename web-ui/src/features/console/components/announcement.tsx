import { useFocusOnMount } from '@/hooks/use-focus-on-mount';

/**
 * Says what was just done when the control that did it is gone (a finished issue loses its
 * forms); focus moves here so keyboard and screen-reader users are not left nowhere.
 */
export function Announcement({ text }: { text: string }) {
  const ref = useFocusOnMount<HTMLParagraphElement>();
  return (
    <p ref={ref} tabIndex={-1} role="status" className="success">
      {text}
    </p>
  );
}
