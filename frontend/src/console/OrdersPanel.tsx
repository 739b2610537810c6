import { useState } from 'react';
import type { AgentOrderQuery, OrderFilter, ReissueLinkMutation, SearchOrdersQuery } from '../generated/graphql';
import { graphql } from '../graphql';
import CONSOLE from './console.graphql?raw';
import { ct } from './messages';
import { useOrderChanges } from './useOrderChanges';

type Found = SearchOrdersQuery['searchOrders']['orders'][number];

/** Find orders and open one: lines, money, timeline with internal notes; reissue its tracking link. */
export function OrdersPanel({ token }: { token: string }) {
  const [term, setTerm] = useState('');
  const [filter, setFilter] = useState<OrderFilter | ''>('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  // A new link belongs to the order it was issued for: opening another order must not show it.
  const [link, setLink] = useState<{ order: string; url: string } | null>(null);

  const search = (after: string | null) =>
    graphql<SearchOrdersQuery, object>(CONSOLE, { term: term || null, filter: filter || null, after }, 'SearchOrders', token).then(
      (data) => {
        setFound((previous) => (after && previous ? [...previous, ...data.searchOrders.orders] : data.searchOrders.orders));
        setCursor(data.searchOrders.endCursor ?? null);
        setMore(data.searchOrders.hasNextPage);
      },
    );

  // Orders on screen follow their changes, whoever makes them.
  useOrderChanges(token, (orderNumber) => {
    if (!found?.some((order) => order.number === orderNumber)) {
      return;
    }
    graphql<AgentOrderQuery, object>(CONSOLE, { number: orderNumber }, 'AgentOrder', token).then((data) => {
      const fresh = data.agentOrder;
      if (fresh) {
        setFound((previous) => previous?.map((order) => (order.number === fresh.number ? fresh : order)) ?? null);
      }
    });
  });

  const reissue = (orderNumber: string) =>
    graphql<ReissueLinkMutation, object>(CONSOLE, { orderNumber }, 'ReissueLink', token).then((data) => {
      const url = data.reissueTrackingLink.trackingUrl;
      setLink(url ? { order: orderNumber, url } : null);
    });

  return (
    <section aria-labelledby="orders-title" className="panel">
      <h1 id="orders-title">{ct('tabOrders')}</h1>
      <form
        className="search"
        onSubmit={(event) => {
          event.preventDefault();
          setOpen(null);
          search(null);
        }}
      >
        <label>
          {ct('search')}
          <input value={term} placeholder={ct('searchHint')} onChange={(event) => setTerm(event.target.value)} />
        </label>
        <label>
          {ct('filter')}
          <select aria-label={ct('filter')} value={filter} onChange={(event) => setFilter(event.target.value as OrderFilter | '')}>
            <option value="">{ct('filterAll')}</option>
            <option value="LATE">{ct('filterLATE')}</option>
            <option value="AWAITING_SUPPLIER">{ct('filterAWAITING_SUPPLIER')}</option>
            <option value="REFUND_REQUESTED">{ct('filterREFUND_REQUESTED')}</option>
          </select>
        </label>
        <div className="actions">
          <button type="submit">{ct('find')}</button>
        </div>
      </form>
      {found && found.length === 0 && <p>{ct('noOrders')}</p>}
      {found && found.length > 0 && (
        <ul className="found">
          {found.map((order) => (
            <li key={order.number}>
              <button type="button" className="secondary" onClick={() => setOpen(open === order.number ? null : order.number)}>
                {order.number} — {order.customerName} ({order.customerEmail})
              </button>
              {order.late && <span className="badge late"> {ct('lateBadge')}</span>}
              {order.proposedShipment && <span className="badge"> {ct('readyBadge')}</span>}
              {open === order.number && (
                <div className="order-detail">
                  <table>
                    <tbody>
                      {order.lines.map((line) => (
                        <tr key={line.id}>
                          <td>{line.id}</td>
                          <td>{line.name}</td>
                          <td>{line.source}</td>
                          <td>{line.status}</td>
                          <td>{line.payment}</td>
                          <td>{line.purchaseOrder ?? line.supplier ?? ''}</td>
                          <td>
                            {line.eta.earliest} – {line.eta.latest} (promised {line.promisedDate})
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <h3>{ct('timeline')}</h3>
                  <ol className="timeline">
                    {[...order.timeline].reverse().map((event, index) => (
                      <li key={index}>
                        <time dateTime={event.at}>{event.at.slice(0, 16).replace('T', ' ')}</time>
                        <span>
                          {event.type} {event.details.map((d) => `${d.key}=${d.value}`).join(', ')}
                          {event.internalNote && (
                            <em>
                              {' '}
                              — {ct('noteShort')}: {event.internalNote}
                            </em>
                          )}
                        </span>
                      </li>
                    ))}
                  </ol>
                  <button type="button" onClick={() => reissue(order.number)}>
                    {ct('reissue')}
                  </button>
                  {link?.order === order.number && <p>{ct('reissued', { url: link.url })}</p>}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {more && (
        <button type="button" onClick={() => search(cursor)}>
          {ct('more')}
        </button>
      )}
    </section>
  );
}
