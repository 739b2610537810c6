import { useState } from 'react';
import { pickLanguage, translator } from './i18n/i18n';
import { ConsolePage } from './console/ConsolePage';
import { Shell } from './Shell';
import { TrackingPage } from './tracking/TrackingPage';

/** Routes by path: `/t/<token>` is a customer's tracking page; anything else says how to get one. */
export function App() {
  if (window.location.pathname.startsWith('/console')) {
    return <ConsolePage />;
  }
  const match = window.location.pathname.match(/^\/t\/([^/]*)/);
  if (match) {
    return <TrackingPage token={decodeURIComponent(match[1])} />;
  }
  return <Home />;
}

function Home() {
  const [language, setLanguage] = useState(() => pickLanguage(...navigator.languages));
  const t = translator(language);
  return (
    <Shell language={language} onLanguage={setLanguage}>
      <p>{t('home.body')}</p>
    </Shell>
  );
}
