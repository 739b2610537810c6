import type { TrackOrderQuery } from '../generated/graphql';
import { formatDay, formatInstant, formatWindow, translator, type Translate } from '../i18n/i18n';
import type { Language, MessageKey } from '../i18n/messages';

type Order = NonNullable<TrackOrderQuery['trackOrder']>;
type Line = Order['lines'][number];

/** An order as its customer reads it: the whole order's window, then each line with its own. */
export function OrderView({ order, language }: { order: Order; language: Language }) {
  const t = translator(language);
  const window = formatWindow(order.eta.earliest, order.eta.latest, language);
  return (
    <article className="order">
      <h1>{t('tracking.order', { number: order.number })}</h1>
      <p className="meta">
        {t('tracking.placed', { date: formatInstant(order.placedAt, language) })} ·{' '}
        {t(`tracking.preference.${order.deliveryPreference}`)}
      </p>
      <p className="arrives" data-testid="order-eta">
        {order.deliveryPreference === 'WAIT_FOR_ALL'
          ? t('tracking.arrives.all', { range: window })
          : t('tracking.arrives.split', { range: window })}
      </p>
      <h2>{t('tracking.lines')}</h2>
      <ul className="lines">
        {order.lines.map((line) => (
          <LineItem key={line.id} line={line} language={language} t={t} />
        ))}
      </ul>
      {order.shipments.length > 0 && (
        <>
          <h2>{t('tracking.shipments')}</h2>
          <ul className="shipments">
            {order.shipments.map((shipment) => (
              <li key={shipment.trackingNumber}>
                {t('tracking.shipment', {
                  carrier: shipment.carrier,
                  trackingNumber: shipment.trackingNumber,
                  date: formatInstant(shipment.shippedAt, language),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function LineItem({ line, language, t }: { line: Line; language: Language; t: Translate }) {
  const late = line.eta.latest > line.promisedDate;
  return (
    <li className={`line source-${line.source.toLowerCase()}`} data-sku={line.sku}>
      <div className="line-head">
        <h3>{line.name}</h3>
        <span className="quantity">{t('tracking.quantity', { quantity: line.quantity })}</span>
      </div>
      <p className="source">{t(`source.${line.source}`)}</p>
      <p className="status">{t(statusKey(line))}</p>
      <p className="eta" data-testid="line-eta">
        {t('tracking.eta', { range: formatWindow(line.eta.earliest, line.eta.latest, language) })}
      </p>
      <p className="promised">
        {t('tracking.promised', { date: formatDay(line.promisedDate, language) })}
        {late && <strong className="late"> · {t('tracking.late')}</strong>}
      </p>
    </li>
  );
}

function statusKey(line: Line): MessageKey {
  if (line.status === 'AWAITING_SUPPLIER') {
    return line.source === 'DROPSHIP' ? 'status.AWAITING_SUPPLIER.DROPSHIP' : 'status.AWAITING_SUPPLIER.BACKORDER';
  }
  return `status.${line.status}` as MessageKey;
}
