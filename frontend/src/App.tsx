import { lazy, Suspense, useState } from 'react';
import { pickLanguage, rememberedLanguage, rememberLanguage, translator } from './i18n/i18n';
import { Shell } from './Shell';
import { FindOrder } from './tracking/FindOrder';
import { TrackingPage } from './tracking/TrackingPage';

// The console is a bundle of its own, fetched only on /console: a customer opening a tracking link never downloads it.
const ConsolePage = lazy(() => import('./console/ConsolePage').then((module) => ({ default: module.ConsolePage })));

/** Routes by path: `/t/<token>` is a customer's tracking page; anything else says how to get one. */
export function App() {
  if (window.location.pathname.startsWith('/console')) {
    return (
      <Suspense fallback={null}>
        <ConsolePage />
      </Suspense>
    );
  }
  const token = trackingToken(window.location.pathname);
  if (token !== null) {
    return <TrackingPage token={token} />;
  }
  return <Home />;
}

/**
 * The token of a tracking link's path: the letters, digits, '-' and '_' after `/t/`, whatever follows them (a slash a
 * mail client added, a full stop or a space copied from a text message); the address bar is then set to the link as
 * sent. Null for a path that is not a tracking link.
 */
export function trackingToken(pathname: string): string | null {
  if (!pathname.startsWith('/t/')) {
    return null;
  }
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Not valid percent-encoding: read as it came.
  }
  const token = /^\/t\/([A-Za-z0-9_-]*)/.exec(path)?.[1] ?? '';
  const link = `/t/${token}`;
  if (token && pathname !== link) {
    window.history.replaceState(null, '', link + window.location.search);
  }
  return token;
}

function Home() {
  const [language, setLanguage] = useState(() => rememberedLanguage() ?? pickLanguage(...navigator.languages));
  const t = translator(language);
  return (
    <Shell
      language={language}
      onLanguage={(picked) => {
        rememberLanguage(picked);
        setLanguage(picked);
      }}
    >
      <p>{t('home.body')}</p>
      <FindOrder t={t} />
    </Shell>
  );
}
