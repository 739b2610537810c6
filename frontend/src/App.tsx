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
  const match = window.location.pathname.match(/^\/t\/([^/]*)/);
  if (match) {
    return <TrackingPage token={decodeURIComponent(match[1])} />;
  }
  return <Home />;
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
