import { useEffect, useRef, useState } from 'react';
import { formatDay, formatInstant, formatItems, formatMoney, formatWindow, translator, type Translate } from '../i18n/i18n';
import type { Language, MessageKey } from '../i18n/messages';
import { extraShippingInTotal, extraShippingStillReserved, sumOfDecimals } from '../money';
import type { CustomerOrder } from './api';
import { CancelPanel } from './CancelPanel';
import { ChoicePanel } from './ChoicePanel';
import { MessagesPanel } from './MessagesPanel';
import { itemsOf, parcelKey } from './parcels';
import { QuestionPanel } from './QuestionPanel';
import { reasonOf, Timeline, waitsOnlyForUs } from './Timeline';
import { christmasOf, type Coming } from './christmas';
import { Heading } from './Heading';

type Line = CustomerOrder['lines'][number];

type Props = {
  order: CustomerOrder;
  language: Language;
  /** The tracking token, for the customer's requests; without it the view only shows. */
  token?: string;
  onChange?: (order: CustomerOrder) => void;
};

/** An order as its customer reads it: the whole order's window, the choices open now, then each line. */
export function OrderView({ order, language, token, onChange }: Props) {
  const t = translator(language);
  const [cancelling, setCancelling] = useState<string | null>(null);
  // Where keyboard focus goes back to once a panel closes: the line whose panel it was.
  const [returnFocus, setReturnFocus] = useState<string | null>(null);
  const lineList = useRef<HTMLUListElement>(null);
  // A line cancelled, or its refund asked for, elsewhere (in another tab: a live update brings it) has nothing left to
  // confirm: its open panel closes, the line saying what became of it, rather than offering the same request again.
  const panelLine = order.lines.find((line) => line.id === cancelling);
  if (cancelling !== null && panelLine !== undefined && !panelLine.cancellable) {
    setCancelling(null);
    setReturnFocus(cancelling);
  }
  useEffect(() => {
    if (returnFocus === null) {
      return;
    }
    const item = Array.from(lineList.current?.children ?? []).find(
      (element): element is HTMLElement => element instanceof HTMLElement && element.dataset.line === returnFocus,
    );
    // The button that opened the panel, or, when the item can no longer be cancelled, the item's name.
    (item?.querySelector<HTMLElement>('button.cancel-open') ?? item?.querySelector<HTMLElement>('[data-heading="3"]'))?.focus();
    setReturnFocus(null);
  }, [returnFocus]);
  const actions = token !== undefined && onChange !== undefined;
  const headline = headlineOf(order, language, t);
  const christmas = christmasOf(stillToCome(order));
  return (
    <article className="order">
      <Heading level={1}>{t('tracking.order', { number: order.number })}</Heading>
      <p className="meta">
        {t('tracking.placed', { date: formatInstant(order.placedAt, language) })} ·{' '}
        {preferenceText(order, language, t)}
      </p>
      {headline && (
        <p className="arrives" data-testid="order-eta">
          {headline}
        </p>
      )}
      {/* In December, the question customers ask first: before Christmas or after? */}
      {headline && christmas && (
        <p data-testid="order-christmas">
          {christmas.kind === 'split'
            ? t('tracking.christmas.split', { items: formatItems(christmas.before, language) })
            : t(`tracking.christmas.${christmas.kind}`)}
        </p>
      )}
      {actions && <QuestionPanel order={order} token={token} t={t} onChange={onChange} />}
      {actions && <ChoicePanel order={order} token={token} language={language} t={t} onChange={onChange} />}
      {/* While the choice is open, the chosen option lists its parcels itself: they are not listed twice. Once a
          parcel has left, the one still to come is listed too, with its number. */}
      {(order.parcels.length > 1 || (order.shipments.length > 0 && order.parcels.length > 0)) &&
        !(actions && order.choice.open) && (
        <section aria-labelledby="parcels-title">
          <Heading level={2} id="parcels-title">{t(order.shipments.length > 0 ? 'parcels.titleStillToCome' : 'parcels.title')}</Heading>
          {/* Each entry says its parcel's number: a list of its own numbers would read "1. Parcel 2". */}
          <ul className="parcels" data-testid="parcels">
            {order.parcels.map((parcel, index) => (
              <li key={parcel.lineIds.join()}>
                {t(parcelKey(parcel.lineIds, order), {
                  // Parcels already sent keep their numbers: the next one is not "parcel 1" again.
                  n: order.shipments.length + index + 1,
                  range: formatWindow(parcel.eta.earliest, parcel.eta.latest, language),
                  items: itemsOf(parcel.lineIds, order, language),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Heading level={2}>{t('tracking.lines')}</Heading>
      <ul className="lines" ref={lineList}>
        {order.lines.map((line) => (
          <LineItem
            key={line.id}
            line={line}
            order={order}
            language={language}
            t={t}
            canSplit={actions && order.choice.open}
          >
            {actions && line.cancellable && cancelling !== line.id && (
              <button
                type="button"
                className="secondary cancel-open"
                // Heard among the page's buttons, it names its item after the words it shows.
                aria-label={`${t(line.payment === 'CAPTURED' ? 'refund.open' : 'cancel.open')}: ${line.name}`}
                onClick={() => setCancelling(line.id)}
              >
                {t(line.payment === 'CAPTURED' ? 'refund.open' : 'cancel.open')}
              </button>
            )}
            {actions && cancelling === line.id && (
              <CancelPanel
                order={order}
                line={line}
                token={token}
                language={language}
                t={t}
                onChange={onChange}
                onClose={() => {
                  setCancelling(null);
                  setReturnFocus(line.id);
                }}
              />
            )}
          </LineItem>
        ))}
      </ul>
      <Summary order={order} language={language} t={t} />
      {order.shipments.length > 0 && (
        <>
          <Heading level={2}>{t('tracking.shipments')}</Heading>
          <ul className="shipments">
            {order.shipments.map((shipment, index) => {
              const parcel = t('tracking.shipment', {
                carrier: shipment.carrier,
                trackingNumber: shipment.trackingNumber,
              });
              return (
                <li key={shipment.trackingNumber} data-testid="shipment">
                  {/* Numbered as the parcels still to come count on from it, with what went in it. */}
                  {t('tracking.shipment.parcel', {
                    n: index + 1,
                    items: itemsOf(shipment.lineIds, order, language),
                  })}
                  {': '}
                  {shipment.trackingUrl ? (
                    <a href={shipment.trackingUrl} rel="noreferrer" target="_blank">
                      {parcel}
                      <span className="visually-hidden"> {t('tracking.shipment.carrierPage')}</span>
                    </a>
                  ) : (
                    parcel
                  )}
                  , {t('tracking.shipment.shipped', { date: formatInstant(shipment.shippedAt, language) })}
                  {shipment.deliveredAt && (
                    <strong className="delivered" data-testid="delivered">
                      {' '}
                      · {t('tracking.shipment.delivered', { date: formatInstant(shipment.deliveredAt, language) })}
                    </strong>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {actions && <MessagesPanel order={order} token={token} language={language} t={t} onChange={onChange} />}
      <Timeline order={order} language={language} t={t} />
    </article>
  );
}

type LineProps = {
  line: Line;
  order: CustomerOrder;
  language: Language;
  t: Translate;
  /** The customer may choose, above the items, to have each item shipped as it is ready. */
  canSplit?: boolean;
  children?: React.ReactNode;
};

function LineItem({ line, order, language, t, canSplit = false, children }: LineProps) {
  // A line cancelled or refunded is no longer on its way: where it would have come from no longer concerns anyone.
  const withdrawn = line.status === 'CANCELLED' || line.status === 'REFUNDED';
  const open = OPEN_STATUSES.includes(line.status);
  const rest = withTheRest(line, order);
  const reason = line.late ? lateReason(line, order, language, t) : '';
  // A line that left or arrived later than first promised says so: what a refund offered for it is about.
  const cameLate = (
    <p className="promised" data-testid="line-came-late">
      {t('tracking.promised', { date: formatDay(line.promisedDate, language) })}
      <strong className="late"> · {t('tracking.late')}</strong>
    </p>
  );
  return (
    <li
      className={`line source-${line.source.toLowerCase()}${withdrawn ? ' withdrawn' : ''}`}
      data-sku={line.sku}
      data-line={line.id}
    >
      <div className="line-head">
        <Heading level={3} tabIndex={-1}>{line.name}</Heading>
        <span className="quantity">{t('tracking.quantity', { quantity: line.quantity })}</span>
      </div>
      {/* Where it comes from, while it is still to come ("being bought in for you" no longer holds once it left). */}
      {open && <p className="source">{t(`source.${line.source}`)}</p>}
      {open || !line.closedAt ? (
        <p className="status">{t(statusKey(line))}</p>
      ) : (
        // A closed line says what became of it and when, once: "Shipped 24 November 2026", not "Shipped" above it.
        <p className="status" data-testid="line-closed">
          {t(`tracking.closed.${line.status}` as MessageKey, { date: formatInstant(line.closedAt, language) })}
        </p>
      )}
      {/* On its way with the carrier: when it reaches the customer, as the carrier's transit times have it. */}
      {line.status === 'SHIPPED' && (
        <>
          <p className="eta" data-testid="line-eta">
            {t('tracking.eta', { range: formatWindow(line.eta.earliest, line.eta.latest, language) })}
          </p>
          {line.late && cameLate}
        </>
      )}
      {line.status === 'DELIVERED' && line.late && cameLate}
      {open && (
        <>
          {/* Waiting for the one delivery, it comes when that does: that is its date, its own said beside it. */}
          <p className="eta" data-testid="line-eta">
            {rest
              ? t('tracking.eta', { range: formatWindow(rest.earliest, rest.latest, language) })
              : etaText(line, language, t)}
          </p>
          {rest && (
            <p className="with-rest" data-testid="line-with-rest">
              {t('tracking.eta.withRest', { range: formatWindow(line.eta.earliest, line.eta.latest, language) })}
              {/* Held back by the one delivery, not late: where it is the customer's to change, say how. */}
              {canSplit && <> {t('tracking.eta.withRestChoice')}</>}
            </p>
          )}
          <p className="promised">
            {t('tracking.promised', { date: formatDay(line.promisedDate, language) })}
            {line.late && <strong className="late"> · {t('tracking.late')}</strong>}
          </p>
          {reason && (
            <p className="late-reason" data-testid="line-late-reason">
              {t('tracking.lateReason', { reason })}
            </p>
          )}
        </>
      )}
      {/* Said as it changes (an item cancelled, a refund paid), where the customer's focus is on the item. */}
      <p className="money" data-testid="line-money" aria-live="polite">
        {moneyText(line, order, language, t)}
      </p>
      {line.refund === 'REJECTED' && (
        <p className="refund-declined" data-testid="refund-declined">
          {line.refundReason ? t('refund.declined.reason', { reason: line.refundReason }) : null}{' '}
          {t('refund.declined.next')}
        </p>
      )}
      {children}
    </li>
  );
}

/**
 * Why a late line is late, on its card as in the timeline: the reason the last move of its date gave, in the page's
 * language where the shop's reason has it; for a line the promise watch moved, that time overtook it. Empty when that
 * move gave none: a delay withdrawn, or a purchase order cancelled, ends what an earlier delay's reason said.
 */
function lateReason(line: Line, order: CustomerOrder, language: Language, t: Translate): string {
  // The timeline is kept oldest first: the last move that names this line.
  const moves = order.timeline.filter(
    (event) =>
      (event.type === 'ETA_MOVED' || event.type === 'RUNNING_LATE') &&
      event.details.some((detail) => detail.key === 'line' && detail.value === line.id),
  );
  const last = moves[moves.length - 1];
  if (last?.type === 'RUNNING_LATE') {
    return t(waitsOnlyForUs(line) ? 'tracking.lateReason.warehouse' : 'tracking.lateReason.supplier');
  }
  // Our purchase order for it called off: that is why, as the timeline and the message say.
  if (last?.details.some((detail) => detail.key === 'correction' && detail.value === 'PURCHASE_ORDER_CANCELLED')) {
    return t('tracking.lateReason.purchaseOrderCancelled');
  }
  return last ? reasonOf(last, language) : '';
}

/**
 * The one delivery an open line waits for, where the customer waits for everything the shop sends and the line would
 * come sooner on its own: its own window says when it is ready, this when it reaches the customer. Null otherwise.
 */
function withTheRest(line: Line, order: CustomerOrder): { earliest: string; latest: string } | null {
  // A dropshipped item comes from its supplier in a parcel of its own: it waits for nothing of the shop's.
  if (order.deliveryPreference !== 'WAIT_FOR_ALL' || !OPEN_STATUSES.includes(line.status) || line.source === 'DROPSHIP') {
    return null;
  }
  const together = order.parcels.find((parcel) => parcel.lineIds.includes(line.id))?.eta ?? order.eta;
  return together && line.eta.latest < together.latest ? together : null;
}

/**
 * The line's window; where a learned model states how sure it is, in plain words: how many in 10 such orders arrive
 * inside it.
 */
function etaText(line: Line, language: Language, t: Translate): string {
  const { earliest, latest, confidence } = line.eta;
  if (confidence == null) {
    return t('tracking.eta', { range: formatWindow(earliest, latest, language) });
  }
  return t('tracking.eta.confidence', {
    n: Math.round(confidence * 10),
    from: formatDay(earliest, language),
    to: formatDay(latest, language),
  });
}

/** What the order costs, what has been charged and paid back, and where it goes. */
function Summary({ order, language, t }: { order: CustomerOrder; language: Language; t: Translate }) {
  const money = (amount: string) => formatMoney(amount, order.currency, language);
  // The extra shipping the customer agreed to belongs to what the order costs. Added in cents, so nothing is lost.
  const extraShipping = extraShippingInTotal(order.extraShipping);
  const reserved = extraShippingStillReserved(order.extraShipping);
  const total = sumOfDecimals([order.orderTotal, extraShipping]);
  const address = order.deliveryAddress;
  return (
    <section className="summary" aria-labelledby="summary-title" data-testid="summary">
      <Heading level={2} id="summary-title">{t('summary.title')}</Heading>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('summary.item')}</th>
            <th scope="col">{t('summary.quantity')}</th>
            <th scope="col">{t('summary.price')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">{line.name}</th>
              <td>{line.quantity}</td>
              <td>
                {line.status === 'CANCELLED' || line.status === 'REFUNDED' ? (
                  <>
                    <s>{money(line.amount)}</s>{' '}
                    {t(line.status === 'CANCELLED' ? 'summary.cancelled' : 'summary.refundedLine')}
                  </>
                ) : (
                  money(line.amount)
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {Number(extraShipping) > 0 && (
            <tr data-testid="extra-shipping-charged">
              <th scope="row" colSpan={2}>
                {t(reserved ? 'summary.extraShippingReserved' : 'summary.extraShipping')}
              </th>
              <td>{money(extraShipping)}</td>
            </tr>
          )}
          <tr data-testid="order-total">
            <th scope="row" colSpan={2}>
              {t('summary.total')}
            </th>
            <td>{money(total)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="total" data-testid="total-charged">
        {t('money.total', { amount: money(order.totalCharged) })}
        <small> {t('money.chargePerShipment')}</small>
      </p>
      {Number(order.totalRefunded) > 0 && (
        <p className="total" data-testid="total-refunded">
          {t('summary.refunded', { amount: money(order.totalRefunded) })}
        </p>
      )}
      <p data-testid="delivery-address">
        {t('summary.address', {
          address: [
            address.street,
            `${address.postalCode} ${address.city}`,
            new Intl.DisplayNames([language], { type: 'region' }).of(address.country) ?? address.country,
          ].join(', '),
        })}
      </p>
    </section>
  );
}

const OPEN_STATUSES: ReadonlyArray<Line['status']> = ['RESERVED', 'AWAITING_SUPPLIER', 'READY'];

/** The sentence under the order number: what the lines say about when (or whether) the rest arrives. */
/** From the first to the last day what is still to come may arrive; none when nothing is. */
/**
 * What is still to come, parcel by parcel: those that have left and not arrived, and those planned for the open items
 * (the order's one window for them when no parcel is planned).
 */
function stillToCome(order: CustomerOrder): Coming[] {
  const names = (ids: readonly string[]) =>
    order.lines.filter((line) => ids.includes(line.id)).map((line) => line.name);
  const travelling: Coming[] = order.shipments
    .filter((shipment) => !shipment.deliveredAt)
    .map((shipment) => order.lines.filter((line) => shipment.lineIds.includes(line.id) && line.status === 'SHIPPED'))
    .filter((lines) => lines.length > 0)
    .map((lines) => ({
      earliest: lines.map((line) => line.eta.earliest).reduce((a, b) => (b < a ? b : a)),
      latest: lines.map((line) => line.eta.latest).reduce((a, b) => (b > a ? b : a)),
      names: lines.map((line) => line.name),
    }));
  const open = order.lines.filter((line) => OPEN_STATUSES.includes(line.status));
  if (open.length === 0) {
    return travelling;
  }
  if (order.parcels.length > 0) {
    return [
      ...travelling,
      ...order.parcels.map((parcel) => ({ ...parcel.eta, names: names(parcel.lineIds) })),
    ];
  }
  return order.eta ? [...travelling, { ...order.eta, names: open.map((line) => line.name) }] : travelling;
}

function headlineOf(order: CustomerOrder, language: Language, t: Translate): string | null {
  const open = order.lines.filter((line) => OPEN_STATUSES.includes(line.status));
  if (open.length === 0) {
    // Still with the carrier: shipped, or paid back after it left (the parcel travels on all the same).
    const travelling = new Set(
      order.shipments.filter((shipment) => !shipment.deliveredAt).flatMap((shipment) => shipment.lineIds),
    );
    const onTheirWay = order.lines.filter(
      (line) => line.status === 'SHIPPED' || (line.status === 'REFUNDED' && travelling.has(line.id)),
    );
    if (onTheirWay.length > 0) {
      const earliest = onTheirWay.map((line) => line.eta.earliest).reduce((a, b) => (b < a ? b : a));
      const latest = onTheirWay.map((line) => line.eta.latest).reduce((a, b) => (b > a ? b : a));
      return t('tracking.arrives.shipped', { range: formatWindow(earliest, latest, language) });
    }
    return order.lines.some((line) => line.status === 'DELIVERED')
      ? t('tracking.arrives.delivered')
      : t('tracking.arrives.nothing');
  }
  const range = (eta: { earliest: string; latest: string }) => formatWindow(eta.earliest, eta.latest, language);
  // The headline speaks of the last parcel, not of the span from the first to the last.
  const last = () => order.parcels.reduce((a, b) => (b.eta.latest > a.eta.latest ? b : a));
  if (order.deliveryPreference === 'WAIT_FOR_ALL' || order.parcels.length === 0) {
    // Part of it already left (the shop sent it ahead): what waits comes together, not the whole order.
    const partLeft = order.lines.some((line) => line.status === 'SHIPPED' || line.status === 'DELIVERED');
    if (order.parcels.length > 1) {
      // What the shop sends comes together, a dropshipped item from its supplier in a parcel of its own.
      const key = partLeft ? 'tracking.arrives.restParcels' : 'tracking.arrives.parcels';
      return t(key, { count: order.parcels.length, range: range(last().eta) });
    }
    const window = order.parcels[0]?.eta ?? order.eta;
    return window ? t(partLeft ? 'tracking.arrives.rest' : 'tracking.arrives.all', { range: range(window) }) : null;
  }
  // Items as they are ready.
  return t('tracking.arrives.split', { range: range(last().eta) });
}

function moneyText(line: Line, order: CustomerOrder, language: Language, t: Translate): string {
  if (line.refund && line.refund !== 'PAID' && line.payment === 'CAPTURED') {
    return t(`money.refund.${line.refund}` as MessageKey);
  }
  return t(`money.${line.payment}` as MessageKey, { amount: formatMoney(line.amount, order.currency, language) });
}

/**
 * How the order travels, in words: waiting for everything means the shop's items, where a supplier sends some, and
 * those are named.
 */
function preferenceText(order: CustomerOrder, language: Language, t: Translate): string {
  const dropshipped = order.lines.filter((line) => line.source === 'DROPSHIP' && OPEN_STATUSES.includes(line.status));
  return order.deliveryPreference === 'WAIT_FOR_ALL' && dropshipped.length > 0
    ? t('tracking.preference.WAIT_FOR_ALL.fromShop', {
        names: formatItems(
          dropshipped.map((line) => line.name),
          language,
        ),
      })
    : t(`tracking.preference.${order.deliveryPreference}`);
}

/** What the customer reads of a line's status: where it is, and for a line still awaited, who it waits for. */
export function statusKey(line: Line): MessageKey {
  if (line.status === 'AWAITING_SUPPLIER') {
    if (line.source === 'DROPSHIP') {
      return 'status.AWAITING_SUPPLIER.DROPSHIP';
    }
    // Not ordered from the supplier yet: nothing is on its way to us.
    return line.toBeOrdered ? 'status.AWAITING_SUPPLIER.TO_BE_ORDERED' : 'status.AWAITING_SUPPLIER.BACKORDER';
  }
  return `status.${line.status}` as MessageKey;
}
