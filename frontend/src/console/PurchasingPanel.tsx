import { useEffect, useRef, useState } from 'react';
import {
  CancelPurchaseOrderDocument,
  ConfirmationReasonsDocument,
  ConfirmPurchaseOrderDocument,
  ImportPurchaseOrdersDocument,
  ImportReceiptsDocument,
  ImportSuppliersDocument,
  MarkStockedSkuDocument,
  OpenPurchaseOrdersDocument,
  PreviewCancelPurchaseOrderDocument,
  PreviewPurchaseOrderConfirmationDocument,
  PreviewReceiveGoodsDocument,
  PurchaseOrderHistoryCsvDocument,
  ReceivePurchaseOrderGoodsDocument,
  ReorderPointsDocument,
  type CancelPurchaseOrderInput,
  type ConfirmPurchaseOrderInput,
  type ImportPurchaseOrdersMutation,
  type OpenPurchaseOrdersQuery,
  type ReceiveGoodsInput,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { CsvDownload } from './CsvDownload';
import { request } from './client';
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
import { apiInt, day, decimal, time, toldSuffix, unitsList, wholeUnits } from './format';
import { ReceiptPreview } from './GoodsPanel';
import { supplierName, type SupplierNames } from './OrderLink';
import { ClosedDayCaveat } from './ClosedDayCaveat';
import { ct, type ConsoleKey } from './messages';
import { useReceiptDay, useWarehouseToday } from './warehouseDay';
import { ReasonFields } from './ReasonFields';
import { LongList } from './LongList';
import { importChangeText } from './imports';
import { Review } from './Review';
import { Moves } from './Reversals';
import { WholeCodes } from './WholeCodes';
import { useBroughtIntoView } from './focus';

type PurchaseOrder = OpenPurchaseOrdersQuery['openPurchaseOrders'][number];
type ImportResult = ImportPurchaseOrdersMutation['importPurchaseOrders'];
type ImportKind = 'Suppliers' | 'PurchaseOrders' | 'Receipts';
type Action = { kind: 'receive' | 'confirm' | 'cancel'; po: PurchaseOrder };

/** What can be done with an open purchase order: short on screen, its name naming the purchase order. */
const ACTIONS: { kind: Action['kind']; named: ConsoleKey; short: ConsoleKey }[] = [
  { kind: 'receive', named: 'receiveAction', short: 'receiveActionShort' },
  { kind: 'confirm', named: 'confirmAction', short: 'confirmActionShort' },
  { kind: 'cancel', named: 'cancelAction', short: 'cancelActionShort' },
];

const IMPORTS: { kind: ImportKind; label: ConsoleKey; columns: ConsoleKey; adminOnly: boolean }[] = [
  { kind: 'PurchaseOrders', label: 'importPurchaseOrders', columns: 'importColumnsPurchaseOrders', adminOnly: false },
  { kind: 'Receipts', label: 'importReceipts', columns: 'importColumnsReceipts', adminOnly: false },
  { kind: 'Suppliers', label: 'importSuppliers', columns: 'importColumnsSuppliers', adminOnly: true },
];

/**
 * The Purchasing area: open purchase orders with what was ordered, allocated and received; goods received per
 * line after a review naming the orders that become ready; cancellation after a review of what moves; imports
 * from the shop's spreadsheets; and, for admins, the purchase-order history as CSV.
 */
export function PurchasingPanel({ admin }: { admin: boolean }) {
  const loaded = useQuery(OpenPurchaseOrdersDocument, {});
  const orders = loaded.data?.openPurchaseOrders ?? [];
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const start = (kind: Action['kind'], po: PurchaseOrder) => {
    setDone(null);
    setAction({ kind, po });
  };
  const finished = (message: string, orders: readonly string[] = []) => {
    setDone({ message, orders });
    setAction(null);
    loaded.reload();
  };

  return (
    <section aria-labelledby="purchasing-title" className="panel">
      <h1 id="purchasing-title">{ct('purchasingTitle')}</h1>
      <p className="hint">{ct('purchasingPlaceHint', { tab: ct('tabBuyList') })}</p>
      <Failure error={loaded.error} />
      {done && (
        <p role="status">
          <WholeCodes text={done.message} orders={done.orders} />
        </p>
      )}
      {loaded.loading && !loaded.data && <p>{ct('loading')}</p>}
      {loaded.data && orders.length === 0 && <p>{ct('purchasingEmpty')}</p>}
      {orders.length > 0 && (
        <div className="scroll" tabIndex={0}>
          <table className="stacks">
            <thead>
              <tr>
                <th scope="col">{ct('purchaseOrder')}</th>
                <th scope="col">{ct('poSupplier')}</th>
                <th scope="col">{ct('poSent')}</th>
                <th scope="col">{ct('poExpected')}</th>
                <th scope="col">{ct('poLines')}</th>
                <th scope="col">
                  <span className="visually-hidden">{ct('poActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((po) => (
                <tr key={po.number}>
                  <td data-label={ct('purchaseOrder')} className="nowrap">
                    {po.number}
                  </td>
                  <td data-label={ct('poSupplier')}>{supplierName(po.supplier, loaded.data?.suppliers ?? [])}</td>
                  <td data-label={ct('poSent')}>{po.sentOn ? day(po.sentOn) : ct('none')}</td>
                  <td data-label={ct('poExpected')}>{expectedArrival(po)}</td>
                  <td data-label={ct('poLines')}>
                    {po.lines.map((line) => (
                      <div key={line.sku} className="nowrap">
                        {ct('poLine', {
                          sku: line.sku,
                          ordered: line.ordered ?? ct('none'),
                          allocated: line.allocated,
                          received: line.received,
                        })}
                      </div>
                    ))}
                  </td>
                  <td>
                    <div className="actions">
                      {ACTIONS.map(({ kind, named, short }) => (
                        <button
                          key={kind}
                          type="button"
                          className="secondary"
                          aria-label={ct(named, { number: po.number })}
                          onClick={() => start(kind, po)}
                        >
                          {ct(short)}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {action?.kind === 'receive' && (
        <ReceiveForm key={action.po.number} po={action.po} onClose={() => setAction(null)} onDone={finished} />
      )}
      {action?.kind === 'confirm' && (
        <ConfirmForm key={action.po.number} po={action.po} onClose={() => setAction(null)} onDone={finished} />
      )}
      {action?.kind === 'cancel' && (
        <CancelForm key={action.po.number} po={action.po} onClose={() => setAction(null)} onDone={finished} />
      )}

      <ReorderPoints admin={admin} suppliers={loaded.data?.suppliers ?? []} />
      <CsvImport admin={admin} onImported={loaded.reload} supplierNames={loaded.data?.suppliers ?? []} />
      {admin && <HistoryExport />}
    </section>
  );
}

/** What an action on a purchase order did, with the orders it names (each a link). */
type Done = { message: string; orders: readonly string[] };

type FormProps = {
  po: PurchaseOrder;
  onClose: () => void;
  onDone: (message: string, orders?: readonly string[]) => void;
};

/**
 * A purchase order form's two buttons: review what it will do (the form's submit), or close it, changing nothing.
 * While the review shows, its own two buttons are the only ones: one "Cancel" on screen, not one above the other.
 */
function ReviewOrClose({
  waiting,
  onClose,
  closeLabel = ct('cancel'),
}: {
  waiting: boolean;
  onClose: () => void;
  closeLabel?: string;
}) {
  return (
    <div className="actions">
      <button type="submit" className="secondary" disabled={waiting}>
        {ct('review')}
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        {closeLabel}
      </button>
    </div>
  );
}

/** Goods that arrived on one purchase order, per SKU and day; said in full (what becomes ready, whether it closes) first. */
export function ReceiveForm({ po, onClose, onDone }: FormProps) {
  // Each SKU starts at nothing, so that only what the agent counted is booked (as in the goods received tab).
  const [units, setUnits] = useState<Record<string, string>>({});
  const [receivedOn, setReceivedOn, warehouseToday] = useReceiptDay();
  const [reviewed, setReviewed] = useState<ReceiveGoodsInput | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const preview = useQuery(
    PreviewReceiveGoodsDocument,
    { input: reviewed ?? { purchaseOrder: po.number, quantities: null, receivedOn: null } },
    { skip: reviewed === null },
  );
  const [receive, receiving] = useMutation(ReceivePurchaseOrderGoodsDocument);

  const input = (): ReceiveGoodsInput => ({
    purchaseOrder: po.number,
    receivedOn,
    // Units the form refuses itself (a part, a negative number) are not asked about; the rest are, so that what the
    // API refuses of them is said in the same round.
    quantities: Object.entries(units)
      .filter(([, quantity]) => wholeUnits(quantity) && Number(quantity) !== 0)
      .map(([sku, quantity]) => ({ sku, quantity: apiInt(quantity) })),
  });
  const unitsErrors = (sku: string) => unitsErrorsAt(shown, 'quantities', reviewed?.quantities ?? [], sku);
  const changed = () => {
    setReviewed(null);
    setErrors([]);
  };
  const shown = [...(preview.data?.previewReceiveGoods.errors ?? []), ...errors];
  const quantityErrors = errorsAt(shown, 'quantities');
  const dayErrors = errorsAt(shown, 'receivedOn');
  const ready = preview.data?.previewReceiveGoods.preview;
  const inReview = reviewed !== null && ready != null && errors.length === 0;

  return (
    <form
      aria-labelledby="receive-title"
      // Units out of range are said next to their field by the review, not in the browser's own bubble.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // What the form can tell is wrong is said next to its field, all of it at once, before anything is asked of
        // the API: units it cannot take next to their SKU, nothing typed (the API would read an empty list as
        // everything still to come), no day.
        const notWhole = unitsNotWhole(Object.entries(units));
        const missing: UserError[] = [
          ...notWhole,
          ...(notWhole.length === 0 && (input().quantities ?? []).length === 0
            ? [{ code: 'REQUIRED', field: 'quantities', message: ct('nothingArrived') }]
            : []),
          ...(receivedOn === '' ? [{ code: 'REQUIRED', field: 'receivedOn', message: ct('arrivedOnMissing') }] : []),
        ];
        setErrors(missing);
        const asked = input();
        const askable = receivedOn !== '' && (asked.quantities ?? []).length > 0;
        setReviewed(askable ? asked : null);
      }}
    >
      {/* The form opens below the table, often out of sight: it is scrolled to, and focus moves to its heading. */}
      <h2 id="receive-title" ref={useBroughtIntoView<HTMLHeadingElement>()} tabIndex={-1}>
        {ct('receiveTitle', { number: po.number })}
      </h2>
      {po.lines.map((line, index) =>
        // A SKU whose every unit came has nothing left to count: said, not offered as a field.
        line.ordered != null && line.received >= line.ordered ? (
          <p key={line.sku} className="field" data-testid="receive-all-in">
            {ct('receiveAllIn', { sku: line.sku, received: line.received })}
          </p>
        ) : (
          <div key={line.sku} className="field">
            <label>
              {ct('receiveUnits', { sku: line.sku, left: Math.max(0, (line.ordered ?? 0) - line.received) })}
              <input
                type="number"
                min={0}
                placeholder="0"
                value={units[line.sku] ?? ''}
                {...invalidProps(
                  [...unitsErrors(line.sku), ...quantityErrors],
                  quantityErrors.length > 0 ? 'receive-quantities-error' : `receive-${index}-error`,
                )}
                onChange={(event) => {
                  setUnits({ ...units, [line.sku]: event.target.value });
                  changed();
                }}
              />
            </label>
            <FieldError id={`receive-${index}-error`} errors={unitsErrors(line.sku)} />
          </div>
        ),
      )}
      <FieldError id="receive-quantities-error" errors={quantityErrors} />
      <div className="field">
        <label>
          {ct('receivedOn')}
          <input
            type="date"
            value={receivedOn}
            max={warehouseToday}
            {...invalidProps(dayErrors, 'receive-on-error')}
            onChange={(event) => {
              setReceivedOn(event.target.value);
              changed();
            }}
          />
        </label>
        <FieldError id="receive-on-error" errors={dayErrors} />
      </div>
      {!inReview && <ReviewOrClose waiting={preview.loading} onClose={onClose} />}
      <FormErrors
        errors={errorsBesides(shown, [
          'quantities',
          'receivedOn',
          ...po.lines.flatMap((line, index) => [`quantities[${index}].quantity`, `units.${line.sku}`]),
        ])}
      />
      <Failure error={preview.error ?? receiving.error} />
      {inReview && ready && (
        <Review
          testId="purchase-receipt-review"
          confirm={ct('receiveConfirm')}
          running={receiving.running}
          onCancel={() => setReviewed(null)}
          onConfirm={async () => {
            const data = await receive({ input: reviewed });
            if (!data) {
              return;
            }
            const result = data.receiveGoods;
            setErrors(result.errors);
            if (result.errors.length === 0) {
              const asked = result.askedToChoose ?? 0;
              const named = result.readyOrders ?? [];
              onDone(
                ct('goodsReceived', {
                  number: po.number,
                  lines: result.linesReady ?? 0,
                  orders: result.ordersReady ?? 0,
                }) +
                  (asked > 0 ? ` ${ct('receivedAsked', { count: asked })}` : '') +
                  (named.length > 0 ? ` ${ct('receivedOrdersNamed', { orders: named.join(', ') })}` : ''),
                named,
              );
            } else {
              setReviewed(null);
            }
          }}
        >
          <p>
            {ct('receiveReview', {
              what: unitsList(ready.quantities),
              number: ready.purchaseOrder,
              date: day(ready.receivedOn),
            })}
          </p>
          <ReceiptPreview preview={ready} />
        </Review>
      )}
    </form>
  );
}

/**
 * The arrival a supplier confirmed for one purchase order. When that moves lines already waiting for it, it is a
 * delay like any other: the review says how many lines and customers, and customers read the reason chosen.
 */
function ConfirmForm({ po, onClose, onDone }: FormProps) {
  const reasons = useQuery(ConfirmationReasonsDocument, {});
  // An arrival is not in the warehouse's past (its day, not the browser's).
  const warehouseToday = useWarehouseToday();
  const [form, setForm] = useState({ arrival: '', reasonCode: null as string | null, reasonText: '', note: '' });
  const [reviewed, setReviewed] = useState<ConfirmPurchaseOrderInput | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const preview = useQuery(
    PreviewPurchaseOrderConfirmationDocument,
    {
      input: reviewed ?? {
        purchaseOrder: po.number,
        arrival: '',
        reasonCode: null,
        reasonText: null,
        internalNote: null,
      },
    },
    { skip: reviewed === null },
  );
  const [confirm, confirming] = useMutation(ConfirmPurchaseOrderDocument);

  const known = reasons.data?.delayReasons ?? [];
  const reasonCode = form.reasonCode ?? known[0]?.code ?? '';
  const change = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    setReviewed(null);
    setErrors([]);
  };
  const shown = [...(preview.data?.previewPurchaseOrderConfirmation.errors ?? []), ...errors];
  const arrivalErrors = errorsAt(shown, 'arrival');
  const reasonErrors = errorsAt(shown, 'reasonText');
  const moves = preview.data?.previewPurchaseOrderConfirmation.preview;
  const inReview = reviewed !== null && moves != null && shown.length === 0;

  return (
    <form
      aria-labelledby="confirm-title"
      // A date in the past is said next to its field by the review, as on the other forms, not in the browser's bubble.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.arrival) {
          setErrors([{ code: 'REQUIRED', field: 'arrival', message: ct('confirmArrivalNeeded') }]);
          return;
        }
        setErrors([]);
        setReviewed({
          purchaseOrder: po.number,
          arrival: form.arrival,
          reasonCode: reasonCode || null,
          reasonText: reasonCode ? null : form.reasonText,
          internalNote: form.note || null,
        });
      }}
    >
      <h2 id="confirm-title" ref={useBroughtIntoView<HTMLHeadingElement>()} tabIndex={-1}>
        {ct('confirmTitle', { number: po.number })}
      </h2>
      <Failure error={reasons.error} />
      <div className="field">
        <label>
          {ct('confirmArrival')}
          <input
            type="date"
            value={form.arrival}
            min={warehouseToday}
            {...invalidProps(arrivalErrors, 'confirm-arrival-error')}
            onChange={(event) => change({ arrival: event.target.value })}
          />
        </label>
        <FieldError id="confirm-arrival-error" errors={arrivalErrors} />
      </div>
      <ReasonFields
        id="confirm"
        reasons={known}
        reasonCode={reasonCode}
        reasonText={form.reasonText}
        note={form.note}
        errors={reasonErrors}
        onChange={change}
      />
      {/* The reason offered first comes with the reasons: reviewed before they are in, it would be taken as none. */}
      {!inReview && <ReviewOrClose waiting={preview.loading || reasons.loading} onClose={onClose} />}
      <FormErrors errors={errorsBesides(shown, ['arrival', 'reasonText'])} />
      <Failure error={preview.error ?? confirming.error} />
      {inReview && moves && (
        <Review
          testId="purchase-confirm-review"
          confirm={ct('confirmRecord')}
          running={confirming.running}
          onCancel={() => setReviewed(null)}
          onConfirm={async () => {
            const data = await confirm({ input: reviewed });
            if (!data) {
              return;
            }
            const result = data.confirmPurchaseOrder;
            setErrors(result.errors);
            if (result.errors.length === 0) {
              onDone(
                ct('confirmed', {
                  number: po.number,
                  date: day(result.purchaseOrder?.expectedArrival ?? reviewed.arrival),
                  customers: result.preview?.customers ?? 0,
                }),
              );
            } else {
              setReviewed(null);
            }
          }}
        >
          {moves.lines > 0
            ? ct('confirmReviewMoves', {
                date: day(reviewed.arrival),
                number: po.number,
                lines: moves.lines,
                orders: moves.orders,
                customers: moves.customers,
              })
            : ct('confirmReviewNone', { date: day(reviewed.arrival), number: po.number })}
          <ClosedDayCaveat date={reviewed.arrival} />
          <Moves preview={moves} />
        </Review>
      )}
    </form>
  );
}

/**
 * When a purchase order's goods are expected, and on whose word: the supplier's last confirmation, a delay logged
 * since, or neither (the supplier's usual lead time).
 */
export function expectedArrival(po: {
  expectedArrival: string;
  confirmations: readonly { arrival: string; at: string; by: string }[];
}) {
  const date = day(po.expectedArrival);
  const last = po.confirmations.at(-1);
  if (!last) {
    return ct('poEstimated', { date });
  }
  return last.arrival === po.expectedArrival
    ? ct('poConfirmed', { date, by: last.by, on: time(last.at) })
    : ct('poMovedSinceConfirmed', { date, confirmed: day(last.arrival) });
}

/** Cancels one purchase order after saying where each line that waited for it goes and which customers are told. */
export function CancelForm({ po, onClose, onDone }: FormProps) {
  const [reason, setReason] = useState('');
  const [reviewed, setReviewed] = useState<CancelPurchaseOrderInput | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const preview = useQuery(
    PreviewCancelPurchaseOrderDocument,
    { input: reviewed ?? { purchaseOrder: po.number, reason: '' } },
    { skip: reviewed === null },
  );
  const [cancel, cancelling] = useMutation(CancelPurchaseOrderDocument);

  const shown = [...(preview.data?.previewCancelPurchaseOrder.errors ?? []), ...errors];
  const reasonErrors = errorsAt(shown, 'reason');
  const plan = preview.data?.previewCancelPurchaseOrder;
  const lines = plan?.lines ?? [];
  // Goods came against it already: what came stays, what is still to come is cancelled.
  const came = po.lines.filter((line) => line.received > 0);
  const rest = came.length > 0;
  const inReview = reviewed !== null && plan !== undefined && plan.errors.length === 0;
  // Who is told what: an item ready from another purchase order's shelf, or a latest date that moves.
  const told = {
    ready: [...new Set(lines.filter((line) => line.customerTold && line.readyAtOnce).map((line) => line.orderNumber))],
    moves: [...new Set(lines.filter((line) => line.customerTold && !line.readyAtOnce).map((line) => line.orderNumber))],
  };

  return (
    <form
      aria-labelledby="cancel-title"
      onSubmit={(event) => {
        event.preventDefault();
        setErrors([]);
        setReviewed({ purchaseOrder: po.number, reason });
      }}
    >
      <h2 id="cancel-title" ref={useBroughtIntoView<HTMLHeadingElement>()} tabIndex={-1}>
        {ct(rest ? 'cancelRestTitle' : 'cancelTitle', { number: po.number })}
      </h2>
      {rest && (
        <p className="hint">
          {ct('cancelRestCame', {
            units: came
              .map((line) =>
                line.ordered == null
                  ? unitsList([{ sku: line.sku, quantity: line.received }])
                  : ct('unitsOfOrdered', { sku: line.sku, count: line.received, ordered: line.ordered }),
              )
              .join(', '),
          })}
        </p>
      )}
      <div className="field">
        <label>
          {ct('cancelReason')}
          <input
            value={reason}
            {...invalidProps(reasonErrors, 'cancel-reason-error')}
            onChange={(event) => {
              setReason(event.target.value);
              setReviewed(null);
              setErrors([]);
            }}
          />
        </label>
        <FieldError id="cancel-reason-error" errors={reasonErrors} />
      </div>
      {/* Once reviewed, the review's two buttons are the only ways on: cancel it, or keep it and close the form. */}
      {!inReview && <ReviewOrClose waiting={preview.loading} onClose={onClose} closeLabel={ct('keepPurchaseOrder')} />}
      <FormErrors errors={errorsBesides(shown, ['reason'])} />
      <Failure error={preview.error ?? cancelling.error} />
      {inReview && plan && (
        <Review
          testId="purchase-cancel-review"
          confirm={ct(rest ? 'cancelRestConfirm' : 'cancelConfirm')}
          cancelLabel={ct('keepPurchaseOrder')}
          danger
          running={cancelling.running}
          onCancel={onClose}
          onConfirm={async () => {
            const data = await cancel({ input: reviewed });
            if (!data) {
              return;
            }
            const result = data.cancelPurchaseOrder;
            setErrors(result.errors);
            if (result.errors.length === 0) {
              // The orders whose items wait again, as links: the review named them, and so does the result.
              const named = [...new Set((result.lines ?? []).map((line) => line.orderNumber))];
              onDone(
                ct(rest ? 'cancelledRest' : 'cancelled', { number: po.number, customers: result.customersTold ?? 0 }) +
                  (named.length > 0 ? ` ${ct('cancelledOrdersNamed', { orders: named.join(', ') })}` : ''),
                named,
              );
            } else {
              setReviewed(null);
            }
          }}
        >
          <p>
            <WholeCodes
              text={ct(rest ? 'cancelRestReview' : 'cancelReview', {
                number: po.number,
                customers: plan.customersTold ?? 0,
              })}
            />
          </p>
          {(plan.notComing ?? []).length > 0 && (
            <p data-testid="purchase-cancel-not-coming">
              {ct('cancelNotComing', { units: unitsList(plan.notComing ?? []) })}
            </p>
          )}
          {(plan.toStock ?? []).length > 0 && (
            <p data-testid="purchase-cancel-to-stock">
              {ct('cancelToStock', { units: unitsList(plan.toStock ?? []) })}
            </p>
          )}
          {told.ready.length + told.moves.length > 0 && (
            <ul data-testid="purchase-cancel-told">
              {told.ready.length > 0 && (
                <li>
                  <WholeCodes
                    text={ct('cancelToldReady', { count: told.ready.length, orders: told.ready.join(', ') })}
                    orders={told.ready}
                  />
                </li>
              )}
              {told.moves.length > 0 && (
                <li>
                  <WholeCodes
                    text={ct('cancelToldMoves', { count: told.moves.length, orders: told.moves.join(', ') })}
                    orders={told.moves}
                  />
                </li>
              )}
            </ul>
          )}
          {lines.length === 0 && <p>{ct('cancelNoLines')}</p>}
          {lines.length > 0 && (
            <p data-testid="purchase-cancel-where">
              <WholeCodes text={whereLinesGo(lines)} />
            </p>
          )}
          {lines.length > 0 && (
            // Many lines would push the review's buttons screens down: past a few, they are a click away.
            <LongList count={lines.length}>
              <ul data-testid="purchase-cancel-lines">
                {lines.map((line) => (
                  <li key={`${line.orderNumber}-${line.sku}`}>
                    <WholeCodes
                      text={
                        ct(
                          line.readyAtOnce
                            ? 'cancelLineReady'
                            : line.nextPurchaseOrder
                              ? 'cancelLineTo'
                              : 'cancelLineWaits',
                          {
                            order: line.orderNumber,
                            sku: line.sku,
                            next: line.nextPurchaseOrder ?? '',
                            latest:
                              line.latestBefore === line.latestAfter
                                ? ct('latestStays', { date: day(line.latestBefore) })
                                : ct('latestMoves', { before: day(line.latestBefore), after: day(line.latestAfter) }),
                          },
                        ) + toldSuffix(line)
                      }
                      orders={[line.orderNumber]}
                    />
                  </li>
                ))}
              </ul>
            </LongList>
          )}
        </Review>
      )}
    </form>
  );
}

/** A spreadsheet in: checked first (nothing stored), then imported whole once every row is right. */
export function CsvImport({
  admin,
  onImported,
  supplierNames = [],
}: {
  admin: boolean;
  onImported: () => void;
  /** Suppliers as agents know them, to name them by. */
  supplierNames?: SupplierNames;
}) {
  const kinds = IMPORTS.filter((entry) => admin || !entry.adminOnly);
  const [kind, setKind] = useState<ImportKind>('PurchaseOrders');
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [importSuppliers, suppliers] = useMutation(ImportSuppliersDocument);
  const [importPurchaseOrders, purchaseOrders] = useMutation(ImportPurchaseOrdersDocument);
  const [importReceipts, receipts] = useMutation(ImportReceiptsDocument);
  const chosen = IMPORTS.find((entry) => entry.kind === kind) ?? IMPORTS[0];
  const running = suppliers.running || purchaseOrders.running || receipts.running;
  const error = { Suppliers: suppliers, PurchaseOrders: purchaseOrders, Receipts: receipts }[kind].error;

  const run = async (dryRun: boolean) => {
    const variables = { input: { csv, dryRun } };
    const result =
      kind === 'Suppliers'
        ? (await importSuppliers(variables))?.importSuppliers
        : kind === 'Receipts'
          ? (await importReceipts(variables))?.importReceipts
          : (await importPurchaseOrders(variables))?.importPurchaseOrders;
    if (!result) {
      return;
    }
    if (dryRun || result.errors.length > 0) {
      setChecked(result);
    } else {
      setChecked(null);
      setImported(result);
      onImported();
    }
  };
  const changed = () => {
    setChecked(null);
    setImported(null);
  };
  // Problems found: the keyboard goes to their summary, above the rows and columns they are in.
  const problems = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (checked && checked.errors.length > 0) {
      problems.current?.focus();
    }
  }, [checked]);

  return (
    <form
      aria-labelledby="import-title"
      onSubmit={(event) => {
        event.preventDefault();
        void run(true);
      }}
    >
      <h2 id="import-title">{ct('importTitle')}</h2>
      <label>
        {ct('importKind')}
        <select
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as ImportKind);
            changed();
          }}
        >
          {kinds.map((entry) => (
            <option key={entry.kind} value={entry.kind}>
              {ct(entry.label)}
            </option>
          ))}
        </select>
      </label>
      <p>{ct(chosen.columns)}</p>
      <label>
        {ct('importFile')}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) {
              void file.text().then((text) => {
                setCsv(text);
                changed();
              });
            }
          }}
        />
      </label>
      <label>
        {ct('importText')}
        <textarea
          rows={6}
          value={csv}
          onChange={(event) => {
            setCsv(event.target.value);
            changed();
          }}
        />
      </label>
      <div className="actions">
        <button type="submit" className="secondary" disabled={running}>
          {ct('importCheck')}
        </button>
      </div>
      <Failure error={error} />
      {checked && checked.errors.length > 0 && (
        <div role="region" aria-label={ct('importProblem')}>
          <p className="error" ref={problems} tabIndex={-1}>
            {ct('importErrors', { count: checked.errors.length })}
          </p>
          <div className="scroll" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{ct('importRow')}</th>
                  <th scope="col">{ct('importColumn')}</th>
                  <th scope="col">{ct('importProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {checked.errors.map((problem) => (
                  <tr key={`${problem.row}-${problem.column}-${problem.code}`}>
                    <td>{problem.row}</td>
                    <td>{problem.column}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {checked && checked.errors.length === 0 && (
        <Review
          testId="import-review"
          confirm={ct('importConfirm', { rows: checked.rows })}
          running={running}
          onCancel={() => setChecked(null)}
          onConfirm={() => void run(false)}
        >
          <p>{ct('importReview', { rows: checked.rows })}</p>
          <ul>
            {checked.changed.map((change, index) => (
              <li key={index}>{importChangeText(change, false, supplierNames)}</li>
            ))}
          </ul>
        </Review>
      )}
      {imported && (
        <div role="status">
          <p>{ct('imported', { rows: imported.rows })}</p>
          <ul>
            {imported.changed.map((change, index) => (
              <li key={index}>{importChangeText(change, true, supplierNames)}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

/** The purchase-order history as a CSV file, for admins: fetched when asked for, not with the panel. */
function HistoryExport() {
  return (
    <CsvDownload
      label={ct('exportHistory')}
      name="purchase-order-history"
      fetch={async () => (await request(PurchaseOrderHistoryCsvDocument, {})).purchaseOrderHistoryCsv}
    />
  );
}

const STOCKED_FIELDS: { name: 'sku' | 'supplier' | 'safetyStock'; label: ConsoleKey; type: string }[] = [
  { name: 'sku', label: 'stockedSku', type: 'text' },
  { name: 'supplier', label: 'stockedSupplier', type: 'text' },
  { name: 'safetyStock', label: 'safetyStock', type: 'number' },
];

/** Reorder points of the SKUs kept in stock, each saying how it was worked out; admins mark SKUs as stocked. */
function ReorderPoints({ admin, suppliers }: { admin: boolean; suppliers: SupplierNames }) {
  const loaded = useQuery(ReorderPointsDocument, {});
  const points = loaded.data?.reorderPoints ?? [];
  const [form, setForm] = useState({ sku: '', supplier: '', safetyStock: '0' });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [mark, marking] = useMutation(MarkStockedSkuDocument);

  const submit = async () => {
    setDone(null);
    const data = await mark({
      input: { sku: form.sku, supplier: form.supplier, safetyStock: apiInt(form.safetyStock) },
    });
    if (!data) {
      return;
    }
    const result = data.markStockedSku;
    setErrors(result.errors);
    if (result.errors.length === 0 && result.reorderPoint) {
      setDone(ct('markedStocked', { sku: result.reorderPoint.sku, units: result.reorderPoint.reorderPoint }));
      loaded.reload();
    }
  };

  return (
    <div>
      <h2 id="reorder-title">{ct('reorderTitle')}</h2>
      <Failure error={loaded.error} />
      {loaded.data && points.length === 0 && <p>{ct('reorderEmpty')}</p>}
      {points.length > 0 && (
        <div className="scroll" tabIndex={0} role="region" aria-labelledby="reorder-title">
          {/* On a phone each row stacks, its cells under their column's name: the working-out is too long to scroll. */}
          <table className="stacks" aria-labelledby="reorder-title">
            <thead>
              <tr>
                <th scope="col">{ct('stockedSku')}</th>
                <th scope="col">{ct('poSupplier')}</th>
                <th scope="col">{ct('reorderPoint')}</th>
                <th scope="col">{ct('reorderHow')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.sku}>
                  <td className="nowrap" data-label={ct('stockedSku')}>
                    {point.sku}
                  </td>
                  <td data-label={ct('poSupplier')}>{supplierName(point.supplier, suppliers)}</td>
                  <td data-label={ct('reorderPoint')}>{ct('reorderUnits', { units: point.reorderPoint })}</td>
                  <td data-label={ct('reorderHow')}>
                    {reorderWorkedOut(point, supplierName(point.supplier, suppliers))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin && (
        <form
          aria-labelledby="stocked-title"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <h3 id="stocked-title">{ct('markStockedTitle')}</h3>
          {STOCKED_FIELDS.map((field) => {
            const fieldErrors = errorsAt(errors, field.name);
            return (
              <div key={field.name} className="field">
                <label>
                  {ct(field.label)}
                  {field.name === 'supplier' ? (
                    <select
                      value={form.supplier}
                      {...invalidProps(fieldErrors, 'stocked-supplier-error')}
                      onChange={(event) => setForm({ ...form, supplier: event.target.value })}
                    >
                      <option value="">{ct('chooseSupplier')}</option>
                      {suppliers.map((supplier) => (
                        <option key={supplier.code} value={supplier.code}>
                          {supplier.name}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      type={field.type}
                      value={form[field.name]}
                      {...invalidProps(fieldErrors, `stocked-${field.name}-error`)}
                      onChange={(event) => setForm({ ...form, [field.name]: event.target.value })}
                    />
                  )}
                </label>
                <FieldError id={`stocked-${field.name}-error`} errors={fieldErrors} />
              </div>
            );
          })}
          <div className="actions">
            <button type="submit" className="secondary" disabled={marking.running}>
              {ct('markStocked')}
            </button>
          </div>
          <FormErrors
            errors={errorsBesides(
              errors,
              STOCKED_FIELDS.map((field) => field.name),
            )}
          />
          <Failure error={marking.error} />
          {done && <p role="status">{done}</p>}
        </form>
      )}
    </div>
  );
}

/**
 * Where a cancelled purchase order's lines go, counted, before the list of each: "Where its 40 lines go: 15 to
 * purchase order PO-NS-2042, 25 back to being ordered." Said in full even when the list folds away.
 */
function whereLinesGo(lines: readonly { nextPurchaseOrder?: string | null; readyAtOnce: boolean }[]): string {
  const counts = new Map<string, { count: number; po: string | null; ready: boolean }>();
  for (const line of lines) {
    const key = `${line.readyAtOnce}\u0000${line.nextPurchaseOrder ?? ''}`;
    const found = counts.get(key) ?? { count: 0, po: line.nextPurchaseOrder ?? null, ready: line.readyAtOnce };
    counts.set(key, { ...found, count: found.count + 1 });
  }
  const parts = [...counts.values()].map(({ count, po, ready }) =>
    po === null ? ct('cancelWhereOrdered', { count }) : ct(ready ? 'cancelWhereReady' : 'cancelWhereTo', { count, po }),
  );
  return ct('cancelWhere', { count: lines.length, parts: parts.join(', ') });
}

/**
 * How a reorder point was worked out, in the console's language from the API's figures: the demand of the last 28
 * days per working day, times the supplier's slowest lead time, rounded up, plus the safety stock.
 */
export function reorderWorkedOut(
  point: {
    unitsOrdered: number;
    workingDays: number;
    leadTimeDays: number;
    safetyStock: number;
    reorderPoint: number;
  },
  supplier: string,
): string {
  return ct('reorderWorkedOut', {
    units: point.unitsOrdered,
    workingDays: point.workingDays,
    perDay: decimal(Math.round((point.unitsOrdered / Math.max(1, point.workingDays)) * 100) / 100),
    lead: point.leadTimeDays,
    supplier,
    overLead: point.reorderPoint - point.safetyStock,
    safety: point.safetyStock,
    point: point.reorderPoint,
  });
}
