import { useCallback, useEffect, useRef, useState } from 'react';
import { pickLanguage, rememberedLanguage, rememberLanguage, translator } from '../i18n/i18n';
import type { Language, MessageKey } from '../i18n/messages';
import { Shell, type ShopLook } from '../Shell';
import { followOrder, trackOrder, type CustomerOrder } from './api';
import { FindOrder } from './FindOrder';
import { OrderView, statusKey } from './OrderView';

type State =
  | { kind: 'loading' }
  | { kind: 'found'; order: CustomerOrder }
  | { kind: 'notFound' }
  | { kind: 'failed' };

/** The customer's page behind a tracking link, in the customer's language unless they pick another. */
export function TrackingPage({ token }: { token: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [shop, setShop] = useState<ShopLook | null>(null);
  // A language the customer picked before (on this device) wins over the order's and the browser's.
  const [chosen, setChosen] = useState<Language | null>(rememberedLanguage);
  const choose = (language: Language) => {
    rememberLanguage(language);
    setChosen(language);
  };

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    trackOrder(token)
      .then(({ order, shop: bought }) => {
        setShop(bought);
        setState(order ? { kind: 'found', order } : { kind: 'notFound' });
      })
      .catch(() => setState({ kind: 'failed' }));
  }, [token]);

  useEffect(load, [load]);

  // The order as the customer's own change answered it or as a live update brought it, whichever is later: the live
  // update read as the page subscribed can arrive after the answer to a choice made in that moment, and must not
  // take the choice back off the page.
  const show = useCallback(
    (order: CustomerOrder) =>
      setState((current) =>
        current.kind === 'found' && current.order.revision > order.revision ? current : { kind: 'found', order },
      ),
    [],
  );

  // Live: when the shop or an agent changes the order (a delay, goods received, a shipment), the page follows, and
  // says which items changed where they stand: the page changes under the customer's eyes (a panel open on an item
  // that can no longer be cancelled closes), which a screen reader would not otherwise tell.
  const found = state.kind === 'found';
  const [moved, setMoved] = useState<{ name: string; status: MessageKey }[]>([]);
  const onPage = useRef<CustomerOrder | null>(null);
  useEffect(() => {
    onPage.current = state.kind === 'found' ? state.order : null;
  }, [state]);
  useEffect(() => {
    if (!found) {
      return undefined;
    }
    return followOrder(token, (order) => {
      const before = onPage.current;
      if (before && order.revision > before.revision) {
        const changed = order.lines.filter((line) => {
          const was = before.lines.find((other) => other.id === line.id);
          return was !== undefined && statusKey(was) !== statusKey(line);
        });
        // An update that moved no item on (a date, a message sent) leaves the last news for the screen reader.
        if (changed.length > 0) {
          setMoved(changed.map((line) => ({ name: line.name, status: statusKey(line) })));
        }
      }
      show(order);
    });
  }, [found, token, show]);

  // The page keeps the language it opened in when the customer, here or in another tab, has their messages come in
  // another: which language messages come in is a choice of its own, the page's is the switch above it. So that the
  // next visit on this device opens as this one did, that language is then kept as if picked.
  const locale = state.kind === 'found' ? state.order.locale : null;
  const [openedIn, setOpenedIn] = useState<string | null>(null);
  if (locale !== null && openedIn === null) {
    setOpenedIn(locale);
  }
  const language = chosen ?? pickLanguage(openedIn ?? locale, ...navigator.languages);
  useEffect(() => {
    if (chosen === null && openedIn !== null && locale !== null && locale !== openedIn) {
      rememberLanguage(language);
    }
  }, [chosen, openedIn, locale, language]);
  const t = translator(language);
  const news =
    moved.length > 0
      ? t('live.changed', { items: moved.map((line) => `${line.name}: ${t(line.status)}`).join('; ') })
      : '';

  return (
    <Shell language={language} onLanguage={choose} shop={shop}>
      {state.kind === 'loading' && <p aria-live="polite">{t('tracking.loading')}</p>}
      <p className="visually-hidden" role="status" data-testid="live-news">
        {news}
      </p>
      {state.kind === 'found' && (
        <OrderView
          order={state.order}
          language={language}
          token={token}
          onChange={show}
        />
      )}
      {state.kind === 'notFound' && (
        <section className="notice" aria-labelledby="not-found">
          <h1 id="not-found">{t('notFound.title')}</h1>
          <p>{t('notFound.body')}</p>
        </section>
      )}
      {state.kind === 'notFound' && <FindOrder t={t} />}
      {state.kind === 'failed' && (
        <section className="notice" role="alert">
          <h1>{t('error.title')}</h1>
          <p>{t('error.body')}</p>
          <button type="button" onClick={load}>
            {t('error.retry')}
          </button>
        </section>
      )}
    </Shell>
  );
}
