import type { ReactNode } from 'react';

/** A form's error as a whole: announced at once, and focusable so focus can be moved to it. */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="alert form-alert" tabIndex={-1}>
      {children}
    </div>
  );
}

/** Says what went right, politely announced. */
export function FormSuccess({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="success">
      {children}
    </div>
  );
}
