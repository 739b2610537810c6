import { useEffect, useState } from 'react';
import { BuyListPanel } from './BuyListPanel';
import { DelayPanel } from './DelayPanel';
import { ErrorBoundary } from './errors';
import { GoodsPanel } from './GoodsPanel';
import { MessagesPanel } from './MessagesPanel';
import { ct } from './messages';
import { OrdersPanel } from './OrdersPanel';
import { RefundsPanel } from './RefundsPanel';
import { forgetAll, useRemembered } from './remembered';
import { completeSignIn, endSession, renewSession, signIn, signOut, useSession } from './session';
import { SuppliersPanel } from './SuppliersPanel';
import { closeLiveUpdates } from './useOrderChanges';

const TABS = ['tabDelays', 'tabOrders', 'tabRefunds', 'tabGoods', 'tabSuppliers', 'tabBuyList', 'tabMessages'] as const;
type Tab = (typeof TABS)[number];

/** The agents' console: sign in with OIDC, then log supplier delays and watch them apply. */
export function ConsolePage() {
  const { agent, ended } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const [tab, setTab] = useRemembered<Tab>('tab', 'tabDelays');
  const [callback, setCallback] = useState(() => window.location.pathname === '/console/callback');

  useEffect(() => {
    document.documentElement.lang = 'en';
    document.title = ct('title');
  }, []);

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
  return (
    <>
      <header className="bar">
        <span className="brand">{ct('title')}</span>
        {agent && !ended && (
          <span>
            {ct('signedInAs', { name: agent.name })}{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                closeLiveUpdates();
                forgetAll();
                signOut();
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
              {TABS.map((name) => (
                <button
                  key={name}
                  type="button"
                  aria-current={tab === name ? 'page' : undefined}
                  className={tab === name ? '' : 'secondary'}
                  onClick={() => setTab(name)}
                >
                  {ct(name)}
                </button>
              ))}
            </nav>
            <ErrorBoundary key={tab}>
              {tab === 'tabDelays' && <DelayPanel />}
              {tab === 'tabOrders' && <OrdersPanel />}
              {tab === 'tabRefunds' && <RefundsPanel />}
              {tab === 'tabGoods' && <GoodsPanel />}
              {tab === 'tabSuppliers' && <SuppliersPanel admin={agent.roles.includes('ADMIN')} />}
              {tab === 'tabBuyList' && <BuyListPanel />}
              {tab === 'tabMessages' && <MessagesPanel admin={agent.roles.includes('ADMIN')} />}
            </ErrorBoundary>
          </div>
        )}
      </main>
    </>
  );
}
