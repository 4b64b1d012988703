import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Footer } from './footer';
import { Header } from './header';

const MAIN_ID = 'main-content';

/**
 * After client-side navigation, moves focus to the new page's content, as a full page load
 * would reset it: keyboard and screen-reader users start reading the new page, not the old link.
 */
function useFocusOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current !== pathname) {
      previous.current = pathname;
      mainRef.current?.focus();
    }
  }, [pathname]);
  return mainRef;
}

/** The shell around every page: skip link, header with navigation, main content, footer. */
export function MainLayout() {
  const { t } = useTranslation();
  const mainRef = useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('skipLink')}
      </a>
      <Header />
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}
