import { useEffect, useRef, useState } from 'react';
import {
  AgentOrderDocument,
  OrderWordsDocument,
  SearchOrdersDocument,
  type OrderFilter,
  type SearchOrdersQuery,
} from '../generated/graphql';
import { request } from './client';
import { useMutation, useQuery } from './api';
import { Failure } from './errors';
import { time } from './format';
import { ct } from './messages';
import { OrderDetail } from './OrderDetail';
import { orderHref } from './OrderLink';
import { useRemembered } from './remembered';
import { useOrderChanges } from './useOrderChanges';

type Found = SearchOrdersQuery['searchOrders']['orders'][number];
type Search = { term: string; filter: OrderFilter | '' };

/**
 * Of the copy of an order on screen and one that has just arrived, the later: a refresh started before an agent's
 * own change, or before another refresh, can answer after it, and must not take the change back off the screen.
 */
function later(shown: Found | undefined, arrived: Found): Found {
  return shown && shown.revision > arrived.revision ? shown : arrived;
}

/** Find orders and open one: items, money, shipments, refunds, notes and timeline; ship, reissue or revoke its link. */
export function OrdersPanel() {
  const [form, setForm] = useRemembered<Search>('orders.form', { term: '', filter: '' });
  // Until the agent searches, the newest orders: what came in last is what an agent most often opens.
  const [searched, setSearched] = useRemembered<Search>('orders.searched', { term: '', filter: '' });
  const [open, setOpen] = useRemembered<string | null>('orders.open', null);
  // The address names the open order, so that an agent can copy it into a ticket or send it to a colleague.
  useEffect(() => {
    window.history.replaceState(null, '', open ? orderHref(open) : '/console');
    return () => window.history.replaceState(null, '', '/console');
  }, [open]);
  const variables = { term: searched?.term || null, filter: searched?.filter || null, after: null };
  const first = useQuery(SearchOrdersDocument, variables);
  const newest = !variables.term && !variables.filter;
  // Read once for whichever order is opened, not again with each.
  const words = useQuery(OrderWordsDocument, {}, { skip: open === null }).data;
  // Further pages and orders refreshed since, for the search on screen only.
  const [further, setFurther] = useState<{ key: string; orders: Found[]; cursor: string | null; more: boolean } | null>(
    null,
  );
  const [fresh, setFresh] = useState<Record<string, Found>>({});
  const [morePage, loadingMore] = useMutation(SearchOrdersDocument);
  const key = JSON.stringify(variables);
  const page = further?.key === key ? further : null;
  const orders = first.data ? [...first.data.searchOrders.orders, ...(page?.orders ?? [])] : null;
  const cursor = page ? page.cursor : (first.data?.searchOrders.endCursor ?? null);
  const more = page ? page.more : (first.data?.searchOrders.hasNextPage ?? false);

  const keep = (arrived: Found) =>
    setFresh((previous) => ({ ...previous, [arrived.number]: later(previous[arrived.number], arrived) }));

  // Orders on screen follow their changes, whoever makes them.
  useOrderChanges((orderNumber) => {
    if (orders?.some((order) => order.number === orderNumber)) {
      request(AgentOrderDocument, { number: orderNumber }).then(
        (data) => data.agentOrder && keep(data.agentOrder),
        () => {},
      );
    }
  });

  // The first order a "More" brought in, which takes the focus: the button, disabled while it asked (and gone after
  // the last page), had dropped it, and the agent goes on from the orders that came.
  const firstNew = useRef<string | null>(null);
  useEffect(() => {
    if (firstNew.current) {
      document.getElementById(`found-${firstNew.current}`)?.focus();
      firstNew.current = null;
    }
  }, [further]);

  const loadMore = async () => {
    const data = await morePage({ ...variables, after: cursor });
    if (data) {
      firstNew.current = data.searchOrders.orders[0]?.number ?? null;
      setFurther({
        key,
        orders: [...(page?.orders ?? []), ...data.searchOrders.orders],
        cursor: data.searchOrders.endCursor ?? null,
        more: data.searchOrders.hasNextPage,
      });
    }
  };

  return (
    <section aria-labelledby="orders-title" className="panel">
      <h1 id="orders-title">{ct('tabOrders')}</h1>
      <form
        className="search"
        onSubmit={(event) => {
          event.preventDefault();
          setOpen(null);
          setFresh({});
          setFurther(null);
          setSearched({ ...form });
          first.reload();
        }}
      >
        <label>
          {ct('search')}
          <input
            value={form.term}
            placeholder={ct('searchHint')}
            onChange={(event) => setForm({ ...form, term: event.target.value })}
          />
        </label>
        <label>
          {ct('filter')}
          <select
            aria-label={ct('filter')}
            value={form.filter}
            onChange={(event) => {
              // A state is picked, not typed: it applies at once, with what the search box holds.
              const next = { ...form, filter: event.target.value as OrderFilter | '' };
              setForm(next);
              setFurther(null);
              setSearched(next);
            }}
          >
            <option value="">{ct('filterAll')}</option>
            <option value="LATE">{ct('filterLATE')}</option>
            <option value="AWAITING_SUPPLIER">{ct('filterAWAITING_SUPPLIER')}</option>
            <option value="REFUND_REQUESTED">{ct('filterREFUND_REQUESTED')}</option>
            <option value="READY_TO_SHIP">{ct('filterREADY_TO_SHIP')}</option>
          </select>
        </label>
        <div className="actions">
          <button type="submit">{ct('find')}</button>
        </div>
      </form>
      <Failure error={first.error} what={ct('search')} />
      {first.loading && <p aria-live="polite">{ct('loading')}</p>}
      {/* Said as the count is: a search that finds nothing is news to a screen reader too. */}
      {orders && orders.length === 0 && <p role="status">{ct('noOrders')}</p>}
      {orders && orders.length > 0 && (
        <p role="status">{ct(newest ? (more ? 'newestShown' : 'allShown') : 'foundCount', { count: orders.length })}</p>
      )}
      {orders && orders.length > 0 && (
        <ul className="found">
          {orders.map((found) => {
            const refreshed = fresh[found.number];
            const order = refreshed ? later(found, refreshed) : found;
            return (
              <li key={order.number}>
                <button
                  type="button"
                  id={`found-${order.number}`}
                  className="secondary"
                  aria-expanded={open === order.number}
                  onClick={() => setOpen(open === order.number ? null : order.number)}
                >
                  {order.number} — {order.customerName} ({order.customerEmail})
                </button>
                <span className="placed"> {ct('placedOn', { time: time(order.placedAt) })}</span>
                {order.late && <span className="badge late"> {ct('lateBadge')}</span>}
                {order.proposedShipment && <span className="badge"> {ct('readyBadge')}</span>}
                {open === order.number && (
                  <OrderDetail
                    order={order}
                    onChanged={keep}
                    suppliers={words?.suppliers}
                    reasons={words?.delayReasons}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {more && (
        <button type="button" disabled={loadingMore.running} onClick={() => void loadMore()}>
          {ct('more')}
        </button>
      )}
      <Failure error={loadingMore.error} />
    </section>
  );
}
