import { useId } from 'react';

/**
 * The text of the terms of service (Markdown-like plain text) as paragraphs, shown in full
 * (a scrolling box would hide it from keyboard users). Nothing in it becomes markup.
 */
export function TermsText({ body, label }: { body: string; label: string }) {
  const id = useId();
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/^#+\s*/gm, '').trim())
    .filter(Boolean);
  return (
    <section className="terms-text" aria-labelledby={id}>
      <h3 id={id} className="visually-hidden">
        {label}
      </h3>
      {paragraphs.map((paragraph, index) => (
        // The text never changes while shown, so its position is a stable key.
        <p key={index}>{paragraph}</p>
      ))}
    </section>
  );
}
