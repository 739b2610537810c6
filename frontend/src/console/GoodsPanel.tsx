import { useState } from 'react';
import {
  ConsoleDataDocument,
  PreviewReceiveGoodsDocument,
  PurchaseOrderForReceiptDocument,
  ReadyOrdersDocument,
  ReceiveGoodsDocument,
  type ReceiveGoodsMutation,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import {
  errorsAt,
  errorsBesides,
  Failure,
  FieldError,
  FormErrors,
  invalidProps,
  unitsErrorsAt,
  unitsNotWhole,
  type UserError,
} from './errors';
import { apiInt, day, receiptsOf, unitsList, wholeUnits } from './format';
import { ct } from './messages';
import { useReceiptDay } from './warehouseDay';
import { OrderLink, PickedPurchaseOrder, PurchaseOrderOptions, supplierName, type SupplierNames } from './OrderLink';
import { Review } from './Review';
import { ReceiptReversals } from './Reversals';
import { WholeCodes } from './WholeCodes';

type Receipt = { po: string; result: ReceiveGoodsMutation['receiveGoods']; closed: boolean };

/**
 * Goods arrived against a purchase order, all or part of it, on a day: waiting lines become ready, oldest order first,
 * and complete orders get a shipment proposed. The receipt is said in full before it is recorded.
 */
export function GoodsPanel() {
  const loaded = useQuery(ConsoleDataDocument, {});
  const [chosen, setChosen] = useState('');
  const orders = loaded.data?.purchaseOrders ?? [];
  const suppliers = loaded.data?.suppliers ?? [];
  const purchaseOrder = orders.some((po) => po.number === chosen) ? chosen : (orders[0]?.number ?? '');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  // Each receipt recorded shows at once among those that can be taken back.
  const [recorded, setRecorded] = useState(0);
  // A receipt taken back changes what is still to come and what is ready: the form and its result start afresh.
  const [reversed, setReversed] = useState(0);

  return (
    <section aria-labelledby="goods-title" className="panel">
      <h1 id="goods-title">{ct('goodsTitle')}</h1>
      <Failure error={loaded.error} />
      {loaded.data && orders.length === 0 && <p>{ct('noPurchaseOrders')}</p>}
      {orders.length > 0 && (
        <label>
          {ct('purchaseOrder')}
          <select
            aria-label={ct('purchaseOrder')}
            value={purchaseOrder}
            onChange={(event) => {
              setChosen(event.target.value);
              // The last receipt's result is about the purchase order picked before: it would read as this one's.
              setReceipt(null);
            }}
          >
            <PurchaseOrderOptions orders={orders} suppliers={suppliers} />
          </select>
          <PickedPurchaseOrder orders={orders} suppliers={suppliers} picked={purchaseOrder} />
        </label>
      )}
      {purchaseOrder && (
        <ReceiptForm
          key={`${purchaseOrder}-${reversed}`}
          number={purchaseOrder}
          suppliers={suppliers}
          onReceived={(result, closed) => {
            setReceipt({ po: purchaseOrder, result, closed });
            setRecorded((count) => count + 1);
            loaded.reload();
          }}
        />
      )}
      {/* Each receipt reads the orders ready anew: a second one on the same purchase order readies others. */}
      {receipt && <ReceiptResult key={recorded} receipt={receipt} />}
      {loaded.data && (
        // The receipt just recorded can be taken back at once, though its purchase order, closed by it, left the
        // picker; a receipt taken back reopens its purchase order, which the picker then offers again.
        <ReceiptReversals
          key={`reversals-${purchaseOrder}-${recorded}`}
          initial={receipt?.po ?? purchaseOrder}
          onReversed={() => {
            setReversed((count) => count + 1);
            setReceipt(null);
            loaded.reload();
          }}
          // The picker counts lines waiting on each purchase order: right once every line taken back waits again.
          onSettled={loaded.reload}
        />
      )}
    </section>
  );
}

function ReceiptForm({
  number,
  suppliers,
  onReceived,
}: {
  number: string;
  suppliers: SupplierNames;
  onReceived: (result: Receipt['result'], closed: boolean) => void;
}) {
  const po = useQuery(PurchaseOrderForReceiptDocument, { number });
  const [everything, setEverything] = useState(true);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [receivedOn, setReceivedOn, warehouseToday] = useReceiptDay();
  const [reviewed, setReviewed] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  // What the receipt would do (and whether it may be booked at all), asked of the API when the agent reviews it.
  const preview = useQuery(
    PreviewReceiveGoodsDocument,
    { input: reviewed ? JSON.parse(reviewed) : { purchaseOrder: number, quantities: null, receivedOn: null } },
    { skip: reviewed === null },
  );
  const [receive, receiving] = useMutation(ReceiveGoodsDocument);
  const order = po.data?.purchaseOrder;
  if (!order) {
    return <Failure error={po.error} />;
  }
  // Part of it arrived: each SKU starts at nothing, so that only what the agent counted is booked.
  const lines = order.lines.map((line, index) => ({ ...line, index, value: quantities[line.sku] ?? '' }));
  const arrived = lines
    .filter((line) => wholeUnits(line.value) && Number(line.value) > 0)
    .map((line) => ({ sku: line.sku, quantity: apiInt(line.value) }));
  const input = { purchaseOrder: number, quantities: everything ? null : arrived, receivedOn };
  // Only an answer to this very input, asked for at this review (the same input after a receipt asks again).
  const previewed =
    reviewed === JSON.stringify(input) && !preview.loading ? preview.data?.previewReceiveGoods : undefined;
  const shown = [...(previewed?.errors ?? []), ...errors];
  const at = (field: string) => errorsAt(shown, field);
  const unitsErrors = (sku: string) => unitsErrorsAt(shown, 'quantities', arrived, sku);
  const fields = [
    'receivedOn',
    'quantities',
    ...arrived.map((_, place) => `quantities[${place}].quantity`),
    ...lines.map((line) => `units.${line.sku}`),
  ];
  // A message about the form's input goes once the agent changes that input: it said what was wrong before.
  const edit = (change: () => void) => {
    setErrors([]);
    change();
  };

  return (
    <>
      <form
        aria-label={ct('goodsTitle')}
        // Units out of range are said next to their field by the review, not in the browser's own bubble.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // What the form itself can tell is missing is said next to its field. Units the API cannot take (a part, a
          // negative number) are said next to their SKU, and the API is still asked about the others, so that what
          // it refuses of them is said in the same round; the review waits until the form has nothing to say.
          const notWhole = everything ? [] : unitsNotWhole(lines.map((line) => [line.sku, line.value] as const));
          const missing: UserError[] = [
            ...notWhole,
            ...(!everything && arrived.length === 0 && notWhole.length === 0
              ? [{ code: 'REQUIRED', field: 'quantities', message: ct('nothingArrived') }]
              : []),
            ...(receivedOn === '' ? [{ code: 'REQUIRED', field: 'receivedOn', message: ct('arrivedOnMissing') }] : []),
          ];
          setErrors(missing);
          const askable = receivedOn !== '' && (everything || arrived.length > 0);
          setReviewed(askable ? JSON.stringify(input) : null);
          preview.reload();
        }}
      >
        <fieldset>
          <legend>{ct('goodsTitle')}</legend>
          <label className="option">
            <input type="radio" name="receipt" checked={everything} onChange={() => edit(() => setEverything(true))} />
            {ct('receiveEverything')}
          </label>
          <label className="option">
            <input
              type="radio"
              name="receipt"
              checked={!everything}
              onChange={() => edit(() => setEverything(false))}
            />
            {ct('receivePart')}
          </label>
        </fieldset>
        {!everything &&
          lines.map((line) => (
            <div key={line.sku} className="field">
              <label>
                {ct('receiveQuantity', {
                  sku: line.sku,
                  ordered: line.ordered ?? ct('none'),
                  received: line.received,
                })}
                <input
                  type="number"
                  min={0}
                  placeholder="0"
                  value={line.value}
                  onChange={(event) => edit(() => setQuantities({ ...quantities, [line.sku]: event.target.value }))}
                  {...invalidProps(
                    [...unitsErrors(line.sku), ...at('quantities')],
                    at('quantities').length > 0 ? 'receipt-quantities-error' : `receipt-${line.index}-error`,
                  )}
                />
              </label>
              <FieldError id={`receipt-${line.index}-error`} errors={unitsErrors(line.sku)} />
            </div>
          ))}
        {!everything && <FieldError id="receipt-quantities-error" errors={at('quantities')} />}
        <label>
          {ct('receivedOn')}
          <input
            type="date"
            value={receivedOn}
            max={warehouseToday}
            onChange={(event) => edit(() => setReceivedOn(event.target.value))}
            {...invalidProps(at('receivedOn'), 'receipt-date-error')}
          />
        </label>
        <FieldError id="receipt-date-error" errors={at('receivedOn')} />
        <div className="actions">
          <button type="submit" disabled={preview.loading}>
            {ct('review')}
          </button>
        </div>
        <FormErrors errors={errorsBesides(shown, fields)} />
        <Failure error={preview.error} />
      </form>
      {previewed?.preview && errors.length === 0 && (
        <Review
          testId="receipt-review"
          confirm={ct('confirmReceipt')}
          running={receiving.running}
          onCancel={() => setReviewed(null)}
          onConfirm={async () => {
            const data = await receive({ input });
            setReviewed(null);
            if (!data) {
              return;
            }
            setErrors(data.receiveGoods.errors);
            if (data.receiveGoods.errors.length === 0) {
              setQuantities({});
              po.reload();
              // The review said whether this closes the purchase order; recorded, it did.
              onReceived(data.receiveGoods, previewed.preview?.closes ?? false);
            }
          }}
        >
          <p>
            <WholeCodes
              text={ct('receiptReview', {
                po: number,
                supplier: supplierName(order.supplier, suppliers),
                day: day(receivedOn),
                items: everything
                  ? ct('receiptAllItems', {
                      items: unitsList(previewed.preview.quantities),
                    })
                  : unitsList(arrived),
              })}
            />
          </p>
          <ReceiptPreview preview={previewed.preview} />
        </Review>
      )}
      <Failure error={receiving.error} />
      {order.receipts.length > 0 && (
        <>
          <h2>{ct('receiptsTitle')}</h2>
          <ul>
            {[...receiptsOf(order.receipts).entries()].map(([recordedAt, lines]) => (
              <li key={recordedAt}>
                {ct('receiptLine', { day: day(lines[0].receivedOn), items: unitsList(lines), by: lines[0].by })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * What a receipt would do: the orders whose lines become ready, which of their customers are told what (and which
 * not yet), what keeps waiting.
 */
export function ReceiptPreview({
  preview,
}: {
  preview: {
    linesReady: number;
    ordersReady: readonly string[];
    toldReadyToShip: readonly string[];
    askedToChoose: readonly string[];
    unitsLeftOver: readonly { sku: string; quantity: number }[];
    unitsHeldForWaiting: readonly { sku: string; quantity: number }[];
    waitingLines: readonly string[];
    linesTakingSpareUnits: readonly { orderNumber: string; sku: string; quantity: number; from?: string | null }[];
    closes: boolean;
  };
}) {
  const taken = preview.linesTakingSpareUnits;
  const told = new Set([...preview.toldReadyToShip, ...preview.askedToChoose]);
  const notTold = preview.ordersReady.filter((order) => !told.has(order));
  const groups = [
    { key: 'receiptToldReady', orders: preview.toldReadyToShip },
    { key: 'receiptAskedToChoose', orders: preview.askedToChoose },
    { key: 'receiptNotTold', orders: notTold },
  ] as const;
  return (
    <>
      <p>
        {preview.ordersReady.length > 0
          ? ct('receiveReady', {
              lines: preview.linesReady,
              count: preview.ordersReady.length,
              orders: preview.ordersReady.join(', '),
            })
          : ct('receiveNoneReady')}
      </p>
      {preview.ordersReady.length > 0 && (
        <ul data-testid="receipt-messages">
          {groups
            .filter((group) => group.orders.length > 0)
            .map((group) => (
              <li key={group.key}>{ct(group.key, { count: group.orders.length, orders: group.orders.join(', ') })}</li>
            ))}
        </ul>
      )}
      {taken.length > 0 && (
        <div data-testid="receipt-taken">
          <p>{ct('receiveTakenHeader', { count: taken.length })}</p>
          <ul>
            {taken.map((line, index) => (
              <li key={`${line.orderNumber}/${line.sku}/${index}`}>
                <WholeCodes
                  text={
                    line.from
                      ? ct('receiveTakenFrom', { order: line.orderNumber, units: unitsList([line]), po: line.from })
                      : ct('receiveTakenUnordered', { order: line.orderNumber, units: unitsList([line]) })
                  }
                  orders={[line.orderNumber]}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.waitingLines.length > 0 && <p>{ct('receiveStillWaiting', { count: preview.waitingLines.length })}</p>}
      {preview.unitsHeldForWaiting.length > 0 && (
        <p data-testid="receipt-held">
          {ct('receiveHeldForWaiting', {
            units: unitsList(preview.unitsHeldForWaiting),
          })}
        </p>
      )}
      {preview.unitsLeftOver.length > 0 && (
        <p data-testid="receipt-left-over">
          {/* Closed, a purchase order serves no order placed later: what is left is the shop's stock. */}
          {ct(preview.closes ? 'receiveLeftOverToStock' : 'receiveLeftOver', {
            units: unitsList(preview.unitsLeftOver),
          })}
        </p>
      )}
      {preview.closes && <p>{ct('receiveCloses')}</p>}
    </>
  );
}

/** What a receipt did, naming the purchase order, with links to the orders now ready to ship. */
function ReceiptResult({ receipt }: { receipt: Receipt }) {
  const ready = useQuery(ReadyOrdersDocument, { term: receipt.po });
  const { result } = receipt;
  const readyOrders = ready.data?.searchOrders.orders.filter((order) => order.proposedShipment) ?? [];
  // The lines still waiting come as "order number/line id"; the agent acts on their orders.
  const waiting = result.waitingLines ?? [];
  const waitingOrders = [...new Set(waiting.map((line) => line.slice(0, line.lastIndexOf('/'))))];
  return (
    <div role="status" data-testid="receipt-result">
      <p>
        {ct('receivedResult', { po: receipt.po, lines: result.linesReady ?? 0, orders: result.ordersReady ?? 0 })}
        {(result.linesFromElsewhere ?? 0) > 0 &&
          ` ${ct('receivedFromElsewhere', { count: result.linesFromElsewhere ?? 0 })}`}
        {(result.askedToChoose ?? 0) > 0 && ` ${ct('receivedAsked', { count: result.askedToChoose ?? 0 })}`}
        {waiting.length > 0 && ` ${ct('receiveStillWaiting', { count: waiting.length })}`}
        {receipt.closed && ` ${ct('receivedClosed', { po: receipt.po })}`}
      </p>
      {readyOrders.length > 0 && (
        <>
          <h2>{ct('readyOrders')}</h2>
          <ul className="links">
            {readyOrders.map((order) => (
              <li key={order.number}>
                <OrderLink order={order.number} /> — {order.customerName}
              </li>
            ))}
          </ul>
        </>
      )}
      {waitingOrders.length > 0 && (
        <>
          <h2>{ct('stillWaitingIn')}</h2>
          <ul className="links" data-testid="receipt-waiting-orders">
            {waitingOrders.map((order) => (
              <li key={order}>
                <OrderLink order={order} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Failure error={ready.error} />
    </div>
  );
}
