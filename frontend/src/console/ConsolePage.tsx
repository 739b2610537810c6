import { useEffect, useState } from 'react';
import type { Language } from '../i18n/messages';
import { AuditPanel } from './AuditPanel';
import { BuyListPanel } from './BuyListPanel';
import './console.css';
import { DelayPanel } from './DelayPanel';
import { ErrorBoundary } from './errors';
import { GoodsPanel } from './GoodsPanel';
import { MessagesPanel } from './MessagesPanel';
import { consoleLanguage, CONSOLE_LANGUAGES, ct, NATIVE_NAMES, setConsoleLanguage } from './messages';
import { OrdersPanel } from './OrdersPanel';
import { PoliciesPanel } from './PoliciesPanel';
import { PurchasingPanel } from './PurchasingPanel';
import { RefundsPanel } from './RefundsPanel';
import { RunningLatePanel } from './RunningLatePanel';
import { forgetAll, remember, useRemembered } from './remembered';
import { completeSignIn, endSession, renewSession, signIn, signOut, useSession } from './session';
import { ShopPanel } from './ShopPanel';
import { SuppliersPanel } from './SuppliersPanel';
import { closeLiveUpdates } from './useOrderChanges';

const TABS = [
  'tabDelays',
  'tabOrders',
  'tabRefunds',
  'tabGoods',
  'tabSuppliers',
  'tabBuyList',
  'tabRunningLate',
  'tabPurchasing',
  'tabMessages',
  'tabPolicies',
  'tabAudit',
  'tabShop',
] as const;
type Tab = (typeof TABS)[number];
const ADMIN_TABS: readonly Tab[] = ['tabAudit', 'tabShop'];

/**
 * A link to an order (`/console?order=…`) opens the Orders tab with that order found and open: remembered before the
 * panel that reads it mounts.
 */
function followOrderLink(): void {
  const order = new URLSearchParams(window.location.search).get('order');
  if (window.location.pathname === '/console' && order) {
    remember('tab', 'tabOrders');
    remember('orders.form', { term: order, filter: '' });
    remember('orders.searched', { term: order, filter: '' });
    remember('orders.open', order);
    window.history.replaceState(null, '', '/console');
  }
}

/** The agents' console: sign in with OIDC, then log supplier delays and watch them apply. */
export function ConsolePage() {
  const [language, setLanguage] = useState<Language>(() => {
    followOrderLink();
    return consoleLanguage();
  });
  const { agent, ended } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const [tab, setTab] = useRemembered<Tab>('tab', 'tabDelays');
  // The browser's Back and Forward go through the tabs the agent opened, not out of the console (to the sign-in page).
  useEffect(() => {
    window.history.replaceState({ ...(window.history.state as object | null), tab }, '');
  }, [tab]);
  // The console's first entry may have lost its tab (the sign-in's return replaces it): it is the tab opened first.
  const [first] = useState(tab);
  useEffect(() => {
    const back = (event: PopStateEvent) => {
      setTab((event.state as { tab?: Tab } | null)?.tab ?? first);
    };
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, [setTab, first]);
  const open = (name: Tab) => {
    if (name !== tab) {
      window.history.pushState({ tab: name }, '');
    }
    setTab(name);
  };
  const [callback, setCallback] = useState(() => window.location.pathname === '/console/callback');

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    if (!callback) {
      return;
    }
    completeSignIn(window.location.search)
      .then((returnTo) => window.history.replaceState(null, '', returnTo))
      .catch((error: Error) => {
        window.history.replaceState(null, '', '/console');
        setFailure(error.message);
      })
      .finally(() => setCallback(false));
  }, [callback]);

  // The token is renewed shortly before it runs out, without the agent noticing; when it cannot be, the console
  // says at once that the session ended.
  const expiresAt = ended ? null : (agent?.expiresAt ?? null);
  useEffect(() => {
    if (expiresAt === null) {
      return;
    }
    const left = expiresAt - Date.now();
    const timer = window.setTimeout(
      () => {
        renewSession().then((renewed) => renewed || endSession());
      },
      Math.max(0, left - Math.min(60_000, left / 4)),
    );
    return () => window.clearTimeout(timer);
  }, [expiresAt]);

  useEffect(() => {
    if (ended) {
      closeLiveUpdates();
    }
  }, [ended]);

  const agentRole = agent?.roles.includes('AGENT') ?? false;
  const admin = agent?.roles.includes('ADMIN') ?? false;
  const tabs = TABS.filter((name) => admin || !ADMIN_TABS.includes(name));
  const shown = tabs.includes(tab) ? tab : 'tabDelays';
  const working = agent !== null && agentRole;
  // The window's title names the tab open, as the browser's tab strip and a screen reader read it.
  useEffect(() => {
    document.title = working ? `${ct(shown)} – ${ct('title')}` : ct('title');
  }, [language, shown, working]);
  return (
    <>
      {/* The first stop of the keyboard: past the language, sign-out and the tabs, to what the tab shows. */}
      {working && (
        <a
          className="skip-link"
          href="#tab-content"
          // Focus moves without a new entry in the browser's history, which Back walks through the tabs by.
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('tab-content')?.focus();
          }}
        >
          {ct('skipToTab')}
        </a>
      )}
      <header className="bar">
        <span className="brand">{ct('title')}</span>
        <label className="language">
          <span>{ct('language')}</span>
          <select
            value={language}
            onChange={(event) => {
              setConsoleLanguage(event.target.value as Language);
              setLanguage(event.target.value as Language);
            }}
          >
            {CONSOLE_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {NATIVE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        {agent && !ended && (
          <span>
            {ct('signedInAs', { name: agent.name })}{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                closeLiveUpdates();
                forgetAll();
                void signOut();
              }}
            >
              {ct('signOut')}
            </button>
          </span>
        )}
      </header>
      <main className="console">
        {failure && (
          <p className="error" role="alert">
            {ct('signInFailed', { reason: failure })}
          </p>
        )}
        {ended && (
          <section className="session-ended" role="alert" aria-labelledby="session-ended-title">
            <h1 id="session-ended-title">{ct('sessionEnded')}</h1>
            <p>{ct('sessionEndedBody')}</p>
            <button type="button" onClick={() => signIn().catch((error: Error) => setFailure(error.message))}>
              {ct('signInAgain')}
            </button>
          </section>
        )}
        {!agent && !callback && !ended && (
          <section>
            <h1>{ct('title')}</h1>
            <p>{ct('signInNeeded')}</p>
            <button type="button" onClick={() => signIn().catch((error: Error) => setFailure(error.message))}>
              {ct('signIn')}
            </button>
          </section>
        )}
        {agent && !agentRole && <p role="alert">{ct('notAgent')}</p>}
        {agent && agentRole && (
          // After the session ended, what is on screen is out of date: it stays, greyed and out of reach, under the
          // notice above, and comes back with the agent's input once they signed in again.
          <div className={ended ? 'stale' : undefined} inert={ended}>
            <nav className="tabs" aria-label={ct('title')}>
              {tabs.map((name) => (
                <button
                  key={name}
                  type="button"
                  aria-current={shown === name ? 'page' : undefined}
                  className={shown === name ? '' : 'secondary'}
                  onClick={() => open(name)}
                >
                  {ct(name)}
                </button>
              ))}
            </nav>
            <div id="tab-content" tabIndex={-1}>
              <ErrorBoundary key={shown}>
                {shown === 'tabDelays' && <DelayPanel />}
                {shown === 'tabOrders' && <OrdersPanel />}
                {shown === 'tabRefunds' && <RefundsPanel />}
                {shown === 'tabGoods' && <GoodsPanel />}
                {shown === 'tabSuppliers' && <SuppliersPanel admin={admin} />}
                {shown === 'tabBuyList' && <BuyListPanel />}
                {shown === 'tabRunningLate' && <RunningLatePanel />}
                {shown === 'tabPurchasing' && <PurchasingPanel admin={admin} />}
                {shown === 'tabMessages' && <MessagesPanel admin={admin} />}
                {shown === 'tabPolicies' && <PoliciesPanel admin={admin} />}
                {shown === 'tabAudit' && <AuditPanel />}
                {shown === 'tabShop' && <ShopPanel />}
              </ErrorBoundary>
            </div>
          </div>
        )}
      </main>
    </>
  );
}
