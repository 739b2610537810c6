import { useEffect, useState } from 'react';
import { completeSignIn, currentAgent, signIn, signOut, type Agent } from './auth';
import { BuyListPanel } from './BuyListPanel';
import { DelayPanel } from './DelayPanel';
import { GoodsPanel } from './GoodsPanel';
import { MessagesPanel } from './MessagesPanel';
import { ct } from './messages';
import { OrdersPanel } from './OrdersPanel';
import { PurchasingPanel } from './PurchasingPanel';
import { RefundsPanel } from './RefundsPanel';
import { SuppliersPanel } from './SuppliersPanel';

const TABS = ['tabDelays', 'tabOrders', 'tabRefunds', 'tabGoods', 'tabSuppliers', 'tabBuyList', 'tabPurchasing', 'tabMessages'] as const;

/** The agents' console: sign in with OIDC, then log supplier delays and watch them apply. */
export function ConsolePage() {
  const [agent, setAgent] = useState<Agent | null>(() => currentAgent());
  const [failure, setFailure] = useState<string | null>(null);
  const [tab, setTab] = useState<(typeof TABS)[number]>('tabDelays');
  const callback = window.location.pathname === '/console/callback';

  useEffect(() => {
    document.documentElement.lang = 'en';
    document.title = ct('title');
    if (callback) {
      completeSignIn(window.location.search)
        .then(() => {
          window.history.replaceState(null, '', '/console');
          setAgent(currentAgent());
        })
        .catch((error: Error) => setFailure(error.message));
    }
  }, [callback]);

  return (
    <>
      <header className="bar">
        <span className="brand">{ct('title')}</span>
        {agent && (
          <span>
            {ct('signedInAs', { name: agent.name })}{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                signOut();
                setAgent(null);
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
        {!agent && !callback && (
          <section>
            <h1>{ct('title')}</h1>
            <p>{ct('signInNeeded')}</p>
            <button type="button" onClick={() => signIn().catch((error: Error) => setFailure(error.message))}>
              {ct('signIn')}
            </button>
          </section>
        )}
        {agent && !agent.roles.includes('AGENT') && <p role="alert">{ct('notAgent')}</p>}
        {agent && agent.roles.includes('AGENT') && (
          <>
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
            {tab === 'tabDelays' && <DelayPanel token={agent.token} />}
            {tab === 'tabOrders' && <OrdersPanel token={agent.token} />}
            {tab === 'tabRefunds' && <RefundsPanel token={agent.token} />}
            {tab === 'tabGoods' && <GoodsPanel token={agent.token} />}
            {tab === 'tabSuppliers' && <SuppliersPanel token={agent.token} admin={agent.roles.includes('ADMIN')} />}
            {tab === 'tabBuyList' && <BuyListPanel token={agent.token} />}
            {tab === 'tabPurchasing' && <PurchasingPanel token={agent.token} admin={agent.roles.includes('ADMIN')} />}
            {tab === 'tabMessages' && <MessagesPanel token={agent.token} admin={agent.roles.includes('ADMIN')} />}
          </>
        )}
      </main>
    </>
  );
}
