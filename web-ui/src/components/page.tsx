import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';

type PageProps = {
  /** The page's one h1, also used for the document title. */
  title: string;
  children?: ReactNode;
};

/** The frame of every page: its title in the tab and the single top-level heading. */
export function Page({ title, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
