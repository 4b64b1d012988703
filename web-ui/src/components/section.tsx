import { useId, type ReactNode } from 'react';

/** A titled part of a page, named by its heading for landmark navigation. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
