import { useRef, useState } from 'react';
import {
  PaymentsDocument,
  RecordShipmentDocument,
  ReissueLinkDocument,
  RevokeLinkDocument,
  type AgentOrderViewFragment,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { CustomerAnswer } from './CustomerAnswer';
import { CustomerPage } from './CustomerPage';
import { errorsAt, errorsBesides, Failure, FieldError, FormErrors, invalidProps, type UserError } from './errors';
import { choiceExtraShipping, extraShippingEnd, extraShippingInTotal, sumOfDecimals } from '../money';
import { dateWindow, day, itemList, money, time, timeZone } from './format';
import { actor, ct, customerLanguage, label } from './messages';
import { noteText } from './notes';
import { supplierName, type SupplierNames } from './OrderLink';
import { type DelayReasonTexts, reasonForAgent } from './reasons';
import { Review } from './Review';
import { WholeCodes } from './WholeCodes';
import { Outbox } from './MessagesPanel';

type Order = AgentOrderViewFragment;
type Event = Order['timeline'][number];

/** Lines the customer gave up: not counted in the order's total. */
const GIVEN_UP = ['CANCELLED', 'REFUNDED'];
const UNSHIPPABLE = ['SHIPPED', 'DELIVERED', ...GIVEN_UP];

/** An order as an agent reads it: items, money, shipments, refunds, notes, timeline; and what they can do with it. */
export function OrderDetail({
  order,
  onChanged,
  suppliers = [],
  reasons = [],
}: {
  order: Order;
  onChanged: (order: Order) => void;
  /** The suppliers' names, for the items' supplier column. */
  suppliers?: SupplierNames;
  /** The delay reasons' texts, to say a reason in the agent's language. */
  reasons?: DelayReasonTexts;
}) {
  const names = new Map(order.lines.map((line) => [line.id, line.name]));
  // Items as a parcel or a refund holds them: "2 × Hand-blown glass vase", a single one by its name alone.
  const counted = new Map(
    order.lines.map((line) => [line.id, line.quantity > 1 ? `${line.quantity} × ${line.name}` : line.name]),
  );
  const items = (ids: readonly string[]) => itemList(ids.map((id) => counted.get(id) ?? id));
  const itemName = (id: string) => names.get(id) ?? id;
  const itemsKept = sumOfDecimals(
    order.lines.filter((line) => !GIVEN_UP.includes(line.status)).map((line) => line.amount),
  );
  const extraShipping = extraShippingInTotal(order.extraShipping);
  const notes = order.timeline
    .map((event) => ({ at: event.at, note: noteText(event, itemName) }))
    .filter((event): event is { at: string; note: string } => event.note !== null);

  return (
    <div className="order-detail" data-order={order.number}>
      <h2>{ct('orderTitle', { order: order.number })}</h2>
      <p>
        {ct('orderCustomer', {
          customer: order.customerName,
          email: order.customerEmail,
          language: customerLanguage(order.customerLocale),
          segment: order.segment,
        })}
      </p>
      <p>
        {ct('orderDelivery', {
          preference: label('pref', order.deliveryPreference),
          by: actor(order.deliveryChosenBy),
        })}
      </p>
      <p data-testid="order-money">
        <span>
          {/* The total the customer's page gives: the items kept, and the extra shipping they agreed to. */}
          {Number(extraShipping) > 0
            ? ct('orderTotalWithShipping', {
                amount: money(sumOfDecimals([itemsKept, extraShipping]), order.currency),
                shipping: money(extraShipping, order.currency),
              })
            : ct('orderTotal', { amount: money(itemsKept, order.currency) })}
        </span>{' '}
        <span>
          {/* What the customer was charged for extra parcels is charged beside the items: said, so that the sum adds
              up against the order's total. */}
          {order.extraShipping && Number(order.extraShipping.charged) > 0
            ? ct('orderChargedWithShipping', {
                amount: money(order.totalCharged, order.currency),
                shipping: money(order.extraShipping.charged, order.currency),
              })
            : ct('orderCharged', { amount: money(order.totalCharged, order.currency) })}
          {/* Charged less paid back is what the items kept cost: said beside it, so that it adds up. */}
          {Number(order.totalRefunded) > 0 &&
            ct('orderPaidBack', { amount: money(order.totalRefunded, order.currency) })}
        </span>
      </p>
      {order.extraShipping && (
        <p data-testid="extra-shipping">
          {ct(EXTRA_SHIPPING[extraShippingEnd(order.extraShipping)], {
            authorised: money(order.extraShipping.authorised, order.currency),
            charged: money(order.extraShipping.charged, order.currency),
          })}
        </p>
      )}

      <h3>{ct('linesTitle')}</h3>
      <div className="scroll" tabIndex={0} role="region" aria-label={ct('linesTitle')}>
        <table className="stacks" aria-label={ct('linesTitle')}>
          <thead>
            <tr>
              <th scope="col">{ct('colItem')}</th>
              <th scope="col">{ct('colQuantity')}</th>
              <th scope="col">{ct('colAmount')}</th>
              <th scope="col">{ct('colSource')}</th>
              <th scope="col">{ct('colStatus')}</th>
              <th scope="col">{ct('colPayment')}</th>
              <th scope="col">{ct('colSupplier')}</th>
              <th scope="col">{ct('colExpected')}</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => (
              <tr key={line.id} data-line={line.id}>
                <td data-label={ct('colItem')}>
                  {line.name} <span className="hint nowrap">{line.sku}</span>
                </td>
                <td data-label={ct('colQuantity')}>{line.quantity}</td>
                <td data-label={ct('colAmount')} className="nowrap">
                  {money(line.amount, order.currency)}
                </td>
                <td data-label={ct('colSource')}>{label('source', line.source)}</td>
                <td data-label={ct('colStatus')}>{label('status', line.status)}</td>
                <td data-label={ct('colPayment')}>{label('payment', line.payment)}</td>
                <td data-label={ct('colSupplier')}>
                  <WholeCodes
                    text={
                      [
                        line.supplier && supplierName(line.supplier, suppliers),
                        // The unit of a line given up before it shipped went back: it waits for no purchase order.
                        gaveUpUnit(order, line)
                          ? null
                          : (line.purchaseOrder ??
                            (line.source === 'BACKORDER' &&
                              line.status === 'AWAITING_SUPPLIER' &&
                              ct('notOrderedYet'))),
                      ]
                        .filter(Boolean)
                        .join(' / ') || ct('none')
                    }
                  />
                </td>
                <td data-label={ct('colExpected')}>
                  {gaveUpUnit(order, line) ? (
                    ct('none')
                  ) : (
                    <>
                      {/* When it reaches the customer, as their page and messages say; its own window apart when it
                          waits for the rest of the order's one delivery. */}
                      {dateWindow(line.arrival.earliest, line.arrival.latest)}{' '}
                      {line.arrival.latest !== line.eta.latest && (
                        <span className="hint">
                          {ct('withTheOrder', { window: dateWindow(line.eta.earliest, line.eta.latest) })}{' '}
                        </span>
                      )}
                      <span className="hint">({ct('promisedBy', { day: day(line.promisedDate) })})</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{ct('shipmentsTitle')}</h3>
      {order.shipments.length === 0 ? (
        <p>{ct('noShipments')}</p>
      ) : (
        <div className="scroll" tabIndex={0} role="region" aria-label={ct('shipmentsTitle')}>
          <table className="stacks" aria-label={ct('shipmentsTitle')}>
            <thead>
              <tr>
                <th scope="col">{ct('colCarrier')}</th>
                <th scope="col">{ct('colTracking')}</th>
                <th scope="col">{ct('colShipped')}</th>
                <th scope="col">{ct('colDelivered')}</th>
                <th scope="col">{ct('colItems')}</th>
              </tr>
            </thead>
            <tbody>
              {order.shipments.map((shipment) => (
                <tr key={shipment.trackingNumber}>
                  <td data-label={ct('colCarrier')}>{shipment.carrier}</td>
                  <td data-label={ct('colTracking')} className="nowrap">
                    {shipment.trackingNumber}
                  </td>
                  <td data-label={ct('colShipped')}>{time(shipment.shippedAt)}</td>
                  <td data-label={ct('colDelivered')}>
                    {shipment.deliveredAt ? time(shipment.deliveredAt) : ct('none')}
                  </td>
                  <td data-label={ct('colItems')}>{items(shipment.lineIds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShipmentForm order={order} items={items} onChanged={onChanged} />

      <h3>{ct('refundsTitle')}</h3>
      {order.refunds.length === 0 ? (
        <p>{ct('noOrderRefunds')}</p>
      ) : (
        <div className="scroll" tabIndex={0} role="region" aria-label={ct('refundsTitle')}>
          <table className="stacks" aria-label={ct('refundsTitle')}>
            <thead>
              <tr>
                <th scope="col">{ct('colAmount')}</th>
                <th scope="col">{ct('colItems')}</th>
                <th scope="col">{ct('colState')}</th>
                <th scope="col">{ct('colRequested')}</th>
                <th scope="col">{ct('colDecision')}</th>
              </tr>
            </thead>
            <tbody>
              {order.refunds.map((refund) => (
                <tr key={refund.id}>
                  <td data-label={ct('colAmount')}>{money(refund.amount, order.currency)}</td>
                  <td data-label={ct('colItems')}>{items(refund.lineIds)}</td>
                  <td data-label={ct('colState')}>{label('refund', refund.state)}</td>
                  <td data-label={ct('colRequested')}>{time(refund.requestedAt)}</td>
                  <td data-label={ct('colDecision')}>
                    {/* Approved without a word: who decided, and no colon before nothing. */}
                    {refund.decidedBy
                      ? refund.decisionReason
                        ? ct('decision', { by: refund.decidedBy, reason: refund.decisionReason })
                        : refund.decidedBy
                      : ct('none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Payments orderNumber={order.number} lines={order.lines} />
      <CustomerAnswer feedback={order.feedback} />

      <h3>{ct('notesTitle')}</h3>
      {notes.length === 0 ? (
        <p>{ct('noNotes')}</p>
      ) : (
        <ul className="notes">
          {notes.map((event, index) => (
            <li key={index}>
              <time dateTime={event.at}>{time(event.at)}</time> {event.note}
            </li>
          ))}
        </ul>
      )}

      <h3>{ct('timeline')}</h3>
      <p className="hint">{ct('timesLocal', { zone: timeZone() })}</p>
      <ol className="timeline">
        {[...order.timeline].reverse().map((event, index) => {
          const note = noteText(event, itemName);
          return (
            <li key={index} data-event={event.type}>
              <time dateTime={event.at}>{time(event.at)}</time>
              <span>
                {eventText(event, order, reasons)}
                {note && (
                  <em>
                    {' '}
                    — {ct('noteShort')}: {note}
                  </em>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {/* What the customer was told, and whether it reached them: the order's own messages, newest first. */}
      <h3>{ct('orderMessagesTitle')}</h3>
      <Outbox orderNumber={order.number} label={ct('orderMessagesTitle')} />
      <CustomerPage
        orderNumber={order.number}
        customerLocale={order.customerLocale}
        revision={order.revision}
        linkOpens={order.trackingLinkOpens}
      />
      <TrackingLink orderNumber={order.number} opens={order.trackingLinkOpens} />
    </div>
  );
}

/** Whether the customer gave the line up before it shipped: it is no longer expected, nor waits for goods. */
function gaveUpUnit(order: Order, line: Order['lines'][number]) {
  return GIVEN_UP.includes(line.status) && !order.shipments.some((shipment) => shipment.lineIds.includes(line.id));
}

/** A timeline event in words; its details fill the sentence (dates as days, amounts as money). */
function eventText(event: Event, order: Order, reasons: DelayReasonTexts): string {
  const { currency } = order;
  const details = Object.fromEntries(event.details.map((detail) => [detail.key, detail.value]));
  const params: Record<string, string> = { ...details };
  for (const key of ['from', 'to', 'latest']) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(details[key] ?? '')) {
      params[key] = day(details[key]);
    }
  }
  if (details.amount) {
    params.amount = money(details.amount, currency);
  }
  if (details.preference) {
    params.preference = label('pref', details.preference);
  }
  if (details.by) {
    params.by = actor(details.by);
  }
  // What went in a parcel or came in: the items by name, as the customer's page says them.
  const named = (details.lines ?? '')
    .split(',')
    .map((id) => order.lines.find((line) => line.id === id)?.name)
    .filter((name): name is string => Boolean(name));
  if (named.length > 0) {
    params.items = itemList(named);
  }
  if (details.reason) {
    params.reason = reasonForAgent(details.reason, reasons);
  }
  // An empty detail (a correction gives customers no reason) reads as a missing one, not as nothing after "Reason:".
  for (const key of Object.keys(params)) {
    if (params[key] === '') {
      delete params[key];
    }
  }
  // A refund decided says which way, for how much and what the customer was told. An item late leaving our warehouse
  // (in stock, or come in) is not the supplier's to blame.
  const line = order.lines.find((candidate) => candidate.id === details.line);
  const ours = line && (line.source === 'STOCK' || line.status === 'RESERVED' || line.status === 'READY');
  const worded =
    event.type === 'REFUND_DECIDED' && details.decision
      ? details.decision === 'APPROVED'
        ? 'eventREFUND_APPROVED'
        : 'eventREFUND_REJECTED'
      : event.type === 'RUNNING_LATE' && ours
        ? 'eventRUNNING_LATE_WAREHOUSE'
        : event.type === 'SHIPPED' && params.items
          ? 'eventSHIPPED_ITEMS'
          : event.type === 'GOODS_RECEIVED' && params.items
            ? 'eventGOODS_RECEIVED_ITEMS'
            : null;
  // A move nobody gave customers a reason for (a correction) says so without an empty "Reason:".
  const text =
    event.type === 'ETA_MOVED' && !params.reason
      ? ct('eventETA_MOVED_NO_REASON', params)
      : (worded ? ct(worded, params) : label('event', event.type, params)).replace(/\{\w+\}/g, ct('none'));
  // A paid delivery choice says what it reserved on the card; going back, what that released.
  const extra = choiceExtraShipping(details);
  if (extra) {
    const said = extra.change === 'reserved' ? 'eventExtraReserved' : 'eventExtraReleased';
    return `${text}; ${ct(said, { amount: money(extra.amount, currency) })}`;
  }
  return text;
}

/**
 * What a payment operation was for, from its kind and the items it names: a parcel charged (with the extra shipping it
 * took, where it took some), a cancelled item's amount released, a refund, or the extra shipping reserved or released.
 */
export function paymentPurpose(
  payment: { kind: string; lineIds: readonly string[]; amount: string; currency: string },
  lines: readonly { id: string; name: string; amount: string }[],
): string {
  const named = lines.filter((line) => payment.lineIds.includes(line.id));
  const items = itemList(named.map((line) => line.name));
  switch (payment.kind) {
    case 'CAPTURE': {
      const extra = sumOfDecimals([payment.amount, ...named.map((line) => `-${line.amount}`)]);
      return Number(extra) > 0
        ? ct('paymentForParcelExtra', { items, extra: money(extra, payment.currency) })
        : ct('paymentForParcel', { items });
    }
    case 'REFUND':
      return ct('paymentForRefund', { items });
    case 'VOID':
      return named.length > 0 ? ct('paymentForCancelled', { items }) : ct('paymentForExtraReleased');
    case 'AUTHORIZE':
      return named.length > 0 ? ct('paymentForItems', { items }) : ct('paymentForExtraReserved');
    default:
      return items;
  }
}

function Payments({
  orderNumber,
  lines,
}: {
  orderNumber: string;
  lines: readonly { id: string; name: string; amount: string }[];
}) {
  const [shown, setShown] = useState(false);
  const payments = useQuery(PaymentsDocument, { orderNumber }, { skip: !shown });
  return (
    <>
      <h3>{ct('paymentsTitle')}</h3>
      {/* A button that shows and hides them, and stays where it is: one that went away took the focus with it. */}
      <button type="button" className="secondary" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {ct(shown ? 'hidePayments' : 'showPayments')}
      </button>
      <Failure error={payments.error} />
      {shown && payments.data && payments.data.payments.length === 0 && <p>{ct('noPayments')}</p>}
      {shown && payments.data && payments.data.payments.length > 0 && (
        <div className="scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{ct('colKind')}</th>
                <th scope="col">{ct('colFor')}</th>
                <th scope="col">{ct('colAmount')}</th>
                <th scope="col">{ct('colWhen')}</th>
              </tr>
            </thead>
            <tbody>
              {payments.data.payments.map((payment) => (
                <tr key={payment.id}>
                  <td>{label('kind', payment.kind)}</td>
                  <td>{paymentPurpose(payment, lines)}</td>
                  <td>{money(payment.amount, payment.currency)}</td>
                  <td>{time(payment.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** What the given lines cost together, as a decimal: the amount their parcel takes from the customer's card. */
function amountOf(order: Order, lineIds: readonly string[]): string {
  return sumOfDecimals(order.lines.filter((line) => lineIds.includes(line.id)).map((line) => line.amount));
}

/** The sentence for each end of the extra shipping. */
const EXTRA_SHIPPING = {
  reserved: 'orderExtraShipping',
  released: 'orderExtraShippingNone',
  taken: 'orderExtraShippingAll',
  partly: 'orderExtraShippingReleased',
} as const;

/**
 * What a parcel of these lines does beyond leaving, said in its review: backordered lines whose goods have not come in
 * from the supplier leave before a receipt is booked for them, and a customer who chose one delivery gets this parcel
 * without the open lines left out of it.
 */
function shipmentCaveats(
  order: Order,
  shippable: readonly Order['lines'][number][],
  lineIds: readonly string[],
  items: (ids: readonly string[]) => string,
) {
  const notReceived = shippable
    .filter((line) => lineIds.includes(line.id) && line.source === 'BACKORDER' && line.status === 'AWAITING_SUPPLIER')
    .map((line) => line.id);
  // The customer's one delivery is of what the shop sends: a supplier's parcel of dropshipped items leaves nothing
  // behind, and a dropshipped item is not left behind by the shop's parcel.
  const leftBehind = shopsParcel(order, lineIds)
    ? shippable.filter((line) => line.source !== 'DROPSHIP' && !lineIds.includes(line.id)).map((line) => line.id)
    : [];
  // A supplier sends its dropshipped items itself: recorded in the shop's parcel they would seem to have left with it.
  const theSuppliers = shopsParcel(order, lineIds)
    ? shippable
        .filter(
          (line) => lineIds.includes(line.id) && line.source === 'DROPSHIP' && line.status === 'AWAITING_SUPPLIER',
        )
        .map((line) => line.id)
    : [];
  return [
    notReceived.length > 0 && ct('shipNotReceived', { items: items(notReceived), count: notReceived.length }),
    theSuppliers.length > 0 &&
      ct('shipDropshipInShopsParcel', { items: items(theSuppliers), count: theSuppliers.length }),
    order.deliveryPreference === 'WAIT_FOR_ALL' &&
      leftBehind.length > 0 &&
      ct('shipLeavesBehind', { items: items(leftBehind), count: leftBehind.length, by: actor(order.deliveryChosenBy) }),
    // The shop's first parcel ends the customer's choice of how the rest travels: the agent reads that before.
    order.deliveryChoiceOpen && shopsParcel(order, lineIds) && ct('shipClosesChoice'),
  ].filter((caveat): caveat is string => Boolean(caveat));
}

/** Whether the shop sends these lines: a supplier's parcel of dropshipped items alone is not one of its parcels. */
function shopsParcel(order: Order, lineIds: readonly string[]) {
  return order.lines.some((line) => lineIds.includes(line.id) && line.source !== 'DROPSHIP');
}

/**
 * A tracking number as the API takes it: letters and digits, a space or '-' between them, at most 40 characters. It
 * goes into the carrier's link and the customer's messages as typed.
 */
const TRACKING_NUMBER = /^(?=.{1,40}$)[A-Za-z0-9]+([ -][A-Za-z0-9]+)*$/;

/** Lines leave in a parcel: the proposed one or lines picked by hand, with carrier and tracking number. */
function ShipmentForm(props: {
  order: Order;
  items: (ids: readonly string[]) => string;
  onChanged: (order: Order) => void;
}) {
  const { order } = props;
  const shippable = order.lines.filter((line) => !UNSHIPPABLE.includes(line.status));
  const [form, setForm] = useState<{ lineIds: string[]; carrier: string; trackingNumber: string } | null>(null);
  const [reviewed, setReviewed] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [record, recording] = useMutation(RecordShipmentDocument);
  // Which button opened the form: that one says it is open, and closes it again, as Escape does.
  const [openedBy, setOpenedBy] = useState<'proposed' | 'byHand' | null>(null);
  const proposedButton = useRef<HTMLButtonElement>(null);
  const byHandButton = useRef<HTMLButtonElement>(null);
  if (shippable.length === 0 && !done) {
    return null;
  }
  const start = (lineIds: string[], by: 'proposed' | 'byHand') => {
    if (form && openedBy === by) {
      setForm(null);
      setOpenedBy(null);
      setReviewed(null);
      setErrors([]);
      return;
    }
    setForm({ lineIds, carrier: '', trackingNumber: '' });
    setOpenedBy(by);
    setReviewed(null);
    setErrors([]);
    setDone(null);
  };
  const input = form && { orderNumber: order.number, ...form };
  const at = (field: string) => errorsAt(errors, field);
  const formId = `ship-${order.number}-form`;

  return (
    <section
      aria-label={ct('shipTitle')}
      className="subpanel"
      // Escape closes the form from the button that opened it as from the form, and gives that button the keyboard.
      onKeyDown={(event) => {
        if (event.key === 'Escape' && form && openedBy && !recording.running) {
          const opener = openedBy === 'proposed' ? proposedButton : byHandButton;
          start([], openedBy);
          opener.current?.focus();
        }
      }}
    >
      <div className="actions">
        {/* While a shipment is being recorded, starting or changing another would be undone by its answer. */}
        {order.proposedShipment && (
          <button
            type="button"
            ref={proposedButton}
            aria-expanded={Boolean(form) && openedBy === 'proposed'}
            aria-controls={formId}
            disabled={recording.running}
            onClick={() => start([...order.proposedShipment!.lineIds], 'proposed')}
          >
            {ct('shipProposed')}
          </button>
        )}
        {shippable.length > 0 && (
          <button
            type="button"
            className="secondary"
            ref={byHandButton}
            aria-expanded={Boolean(form) && openedBy === 'byHand'}
            aria-controls={formId}
            disabled={recording.running}
            onClick={() => start([], 'byHand')}
          >
            {ct('shipByHand')}
          </button>
        )}
      </div>
      {form && input && (
        <form
          id={formId}
          aria-label={ct('shipTitle')}
          onSubmit={(event) => {
            event.preventDefault();
            // What is missing is said next to its field at the review, before anything can be recorded.
            const missing: UserError[] = [
              ...(form.lineIds.length === 0 ? [{ code: 'REQUIRED', field: 'lineIds', message: ct('pickItems') }] : []),
              ...(form.carrier.trim() ? [] : [{ code: 'REQUIRED', field: 'carrier', message: ct('carrierRequired') }]),
              ...(!form.trackingNumber.trim()
                ? [{ code: 'REQUIRED', field: 'trackingNumber', message: ct('trackingRequired') }]
                : TRACKING_NUMBER.test(form.trackingNumber.trim())
                  ? []
                  : [{ code: 'INVALID_TRACKING_NUMBER', field: 'trackingNumber', message: ct('trackingShape') }]),
            ];
            setErrors(missing);
            setReviewed(missing.length > 0 ? null : JSON.stringify(input));
          }}
        >
          <fieldset {...invalidProps(at('lineIds'), `ship-${order.number}-lines-error`)}>
            <legend>{ct('shipItems')}</legend>
            {shippable.map((line) => (
              <label key={line.id} className="option">
                <input
                  type="checkbox"
                  disabled={recording.running}
                  checked={form.lineIds.includes(line.id)}
                  onChange={(event) =>
                    setForm({
                      ...form,
                      lineIds: event.target.checked
                        ? [...form.lineIds, line.id]
                        : form.lineIds.filter((id) => id !== line.id),
                    })
                  }
                />
                {line.name} ({label('status', line.status)})
              </label>
            ))}
          </fieldset>
          <FieldError id={`ship-${order.number}-lines-error`} errors={at('lineIds')} />
          <label>
            {ct('carrier')}
            <input
              value={form.carrier}
              disabled={recording.running}
              onChange={(event) => setForm({ ...form, carrier: event.target.value })}
              {...invalidProps(at('carrier'), `ship-${order.number}-carrier-error`)}
            />
          </label>
          <FieldError id={`ship-${order.number}-carrier-error`} errors={at('carrier')} />
          <label>
            {ct('trackingNumber')}
            <input
              value={form.trackingNumber}
              disabled={recording.running}
              onChange={(event) => setForm({ ...form, trackingNumber: event.target.value })}
              {...invalidProps(at('trackingNumber'), `ship-${order.number}-tracking-error`)}
            />
          </label>
          <FieldError id={`ship-${order.number}-tracking-error`} errors={at('trackingNumber')} />
          <div className="actions">
            <button type="submit" disabled={recording.running}>
              {ct('review')}
            </button>
          </div>
          <FormErrors errors={errorsBesides(errors, ['lineIds', 'carrier', 'trackingNumber'])} />
        </form>
      )}
      {form && input && reviewed === JSON.stringify(input) && (
        <Review
          testId="shipment-review"
          confirm={ct('confirmShip')}
          running={recording.running}
          onCancel={() => setReviewed(null)}
          onConfirm={async () => {
            const data = await record({ input });
            if (!data) {
              return;
            }
            setErrors(data.recordShipment.errors);
            setReviewed(null);
            if (data.recordShipment.errors.length === 0 && data.recordShipment.order) {
              setDone(ct('shipped', { order: order.number, items: props.items(form.lineIds), carrier: form.carrier }));
              setForm(null);
              props.onChanged(data.recordShipment.order);
            }
          }}
        >
          <p>
            {ct('shipReview', {
              order: order.number,
              carrier: form.carrier.trim(),
              tracking: form.trackingNumber.trim(),
              items: props.items(form.lineIds),
              amount: money(amountOf(order, form.lineIds), order.currency),
            })}
          </p>
          {order.messagesHeldUntil && (
            <p className="caveat">
              {ct('shipQuietHours', {
                zone: order.customerTimeZone,
                time: time(order.messagesHeldUntil),
                agentZone: timeZone(),
              })}
            </p>
          )}
          {Number(order.nextParcelExtraShipping) > 0 && shopsParcel(order, form.lineIds) && (
            <p className="caveat">
              {ct('shipExtraShipping', {
                fee: money(order.nextParcelExtraShipping, order.currency),
                total: money(
                  sumOfDecimals([amountOf(order, form.lineIds), order.nextParcelExtraShipping]),
                  order.currency,
                ),
              })}
            </p>
          )}
          {shipmentCaveats(order, shippable, form.lineIds, props.items).map((caveat) => (
            <p key={caveat} className="caveat">
              {caveat}
            </p>
          ))}
        </Review>
      )}
      <Failure error={recording.error} />
      {done && (
        <p role="status" data-testid="shipment-done">
          {done}
        </p>
      )}
    </section>
  );
}

/** Reissue or revoke the order's tracking link, each after saying what it does. */
function TrackingLink({ orderNumber, opens }: { orderNumber: string; opens: boolean }) {
  // A new link belongs to the order it was issued for: this component lives and dies with that order's view.
  const [asked, setAsked] = useState<'reissue' | 'revoke' | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [reissue, reissuing] = useMutation(ReissueLinkDocument);
  const [revoke, revoking] = useMutation(RevokeLinkDocument);
  const busy = reissuing.running || revoking.running;

  return (
    <section aria-label={ct('linkTitle')} className="subpanel">
      <h3>{ct('linkTitle')}</h3>
      {/* One at a time: the answer to one closes whatever review is open when it arrives. */}
      <div className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => setAsked('reissue')}>
          {ct('reissue')}
        </button>
        {/* A link that opens nothing has nothing to revoke. */}
        <button type="button" className="secondary" disabled={busy || !opens} onClick={() => setAsked('revoke')}>
          {ct('revoke')}
        </button>
      </div>
      {!opens && !result && <p className="caveat">{ct('linkShut')}</p>}
      {asked === 'reissue' && (
        <Review
          testId="reissue-review"
          confirm={ct('confirmReissue')}
          running={reissuing.running}
          onCancel={() => setAsked(null)}
          onConfirm={async () => {
            const data = await reissue({ orderNumber });
            setAsked(null);
            if (data) {
              setErrors(data.reissueTrackingLink.errors);
              const url = data.reissueTrackingLink.trackingUrl;
              setResult(url ? ct('reissued', { url }) : null);
            }
          }}
        >
          {ct('reissueReview', { order: orderNumber })}
        </Review>
      )}
      {asked === 'revoke' && (
        <Review
          testId="revoke-review"
          confirm={ct('confirmRevoke')}
          danger
          running={revoking.running}
          onCancel={() => setAsked(null)}
          onConfirm={async () => {
            const data = await revoke({ orderNumber });
            setAsked(null);
            if (data) {
              setErrors(data.revokeTrackingLink.errors);
              setResult(data.revokeTrackingLink.revoked ? ct('revoked', { order: orderNumber }) : null);
            }
          }}
        >
          {ct('revokeReview', { order: orderNumber })}
        </Review>
      )}
      <Failure error={reissuing.error ?? revoking.error} />
      <FormErrors errors={errors} />
      {result && <p role="status">{result}</p>}
    </section>
  );
}
