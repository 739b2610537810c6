import { useEffect, useState } from 'react';
import type {
  CancelPurchaseOrderMutation,
  ImportPurchaseOrdersMutation,
  MarkStockedSkuMutation,
  OpenPurchaseOrdersQuery,
  PreviewCancelPurchaseOrderQuery,
  PreviewReceiveGoodsQuery,
  PurchaseOrderHistoryCsvQuery,
  ReceivePurchaseOrderGoodsMutation,
  ReorderPointsQuery,
} from '../generated/graphql';
import { graphql } from '../graphql';
import { ct, type ConsoleKey } from './messages';
import PURCHASING from './purchasing.graphql?raw';

type PurchaseOrder = OpenPurchaseOrdersQuery['openPurchaseOrders'][number];
type FieldError = { code: string; field: string; message: string };
type ReceiptPreview = NonNullable<PreviewReceiveGoodsQuery['previewReceiveGoods']['preview']>;
type CancelPreview = PreviewCancelPurchaseOrderQuery['previewCancelPurchaseOrder'];
type ImportResult = ImportPurchaseOrdersMutation['importPurchaseOrders'];
type ImportKind = 'Suppliers' | 'PurchaseOrders' | 'Receipts';

const IMPORTS: { kind: ImportKind; label: ConsoleKey; columns: ConsoleKey; adminOnly: boolean }[] = [
  { kind: 'PurchaseOrders', label: 'importPurchaseOrders', columns: 'importColumnsPurchaseOrders', adminOnly: false },
  { kind: 'Receipts', label: 'importReceipts', columns: 'importColumnsReceipts', adminOnly: false },
  { kind: 'Suppliers', label: 'importSuppliers', columns: 'importColumnsSuppliers', adminOnly: true },
];

function FieldErrors({ id, errors }: { id: string; errors: FieldError[] }) {
  return errors.length > 0 ? (
    <span id={id} className="error">
      {errors.map((e) => e.message).join(' ')}
    </span>
  ) : null;
}

/**
 * The Purchasing area: open purchase orders with what was ordered, allocated and received; goods received per
 * line after a review naming the orders that become ready; cancellation after a review of what moves; imports
 * from the shop's spreadsheets; and, for admins, the purchase-order history as CSV.
 */
export function PurchasingPanel({ token, admin }: { token: string; admin: boolean }) {
  const [orders, setOrders] = useState<PurchaseOrder[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [receiving, setReceiving] = useState<{ po: PurchaseOrder; units: Record<string, string>; on: string } | null>(
    null,
  );
  const [receiptPreview, setReceiptPreview] = useState<ReceiptPreview | null>(null);
  const [cancelling, setCancelling] = useState<{ po: PurchaseOrder; reason: string } | null>(null);
  const [cancelPreview, setCancelPreview] = useState<CancelPreview | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);

  const call = <T,>(operation: string, variables: object) => graphql<T, object>(PURCHASING, variables, operation, token);
  const fail = (error: Error) => setFailure(error.message);
  const load = () =>
    call<OpenPurchaseOrdersQuery>('OpenPurchaseOrders', {})
      .then((data) => setOrders(data.openPurchaseOrders))
      .catch(fail);
  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  const today = new Date().toISOString().slice(0, 10);
  const errorOf = (field: string) => errors.filter((e) => e.field === field || e.field === `input.${field}`);

  const startReceiving = (po: PurchaseOrder) => {
    setCancelling(null);
    setCancelPreview(null);
    setReceiptPreview(null);
    setErrors([]);
    setDone(null);
    setReceiving({
      po,
      units: Object.fromEntries(po.lines.map((line) => [line.sku, String(Math.max(0, (line.ordered ?? 0) - line.received))])),
      on: today,
    });
  };
  const receiptInput = () =>
    receiving && {
      purchaseOrder: receiving.po.number,
      receivedOn: receiving.on,
      quantities: Object.entries(receiving.units)
        .filter(([, units]) => units.trim() !== '' && Number(units) !== 0)
        .map(([sku, units]) => ({ sku, quantity: Number(units) })),
    };
  const reviewReceipt = () =>
    call<PreviewReceiveGoodsQuery>('PreviewReceiveGoods', { input: receiptInput() })
      .then((data) => {
        setErrors(data.previewReceiveGoods.errors);
        setReceiptPreview(data.previewReceiveGoods.preview);
      })
      .catch(fail);
  const receive = () =>
    call<ReceivePurchaseOrderGoodsMutation>('ReceivePurchaseOrderGoods', { input: receiptInput() })
      .then((data) => {
        const result = data.receiveGoods;
        setErrors(result.errors);
        if (result.errors.length === 0 && receiving) {
          setDone(
            ct('goodsReceived', { number: receiving.po.number, lines: result.linesReady ?? 0, orders: result.ordersReady ?? 0 }),
          );
          setReceiving(null);
          setReceiptPreview(null);
          return load();
        }
      })
      .catch(fail);

  const startCancelling = (po: PurchaseOrder) => {
    setReceiving(null);
    setReceiptPreview(null);
    setCancelPreview(null);
    setErrors([]);
    setDone(null);
    setCancelling({ po, reason: '' });
  };
  const cancelInput = () => cancelling && { purchaseOrder: cancelling.po.number, reason: cancelling.reason };
  const reviewCancel = () =>
    call<PreviewCancelPurchaseOrderQuery>('PreviewCancelPurchaseOrder', { input: cancelInput() })
      .then((data) => {
        setErrors(data.previewCancelPurchaseOrder.errors);
        setCancelPreview(data.previewCancelPurchaseOrder.errors.length === 0 ? data.previewCancelPurchaseOrder : null);
      })
      .catch(fail);
  const cancel = () =>
    call<CancelPurchaseOrderMutation>('CancelPurchaseOrder', { input: cancelInput() })
      .then((data) => {
        const result = data.cancelPurchaseOrder;
        setErrors(result.errors);
        if (result.errors.length === 0 && cancelling) {
          setDone(ct('cancelled', { number: cancelling.po.number, customers: result.customersTold ?? 0 }));
          setCancelling(null);
          setCancelPreview(null);
          return load();
        }
      })
      .catch(fail);

  const exportHistory = () =>
    call<PurchaseOrderHistoryCsvQuery>('PurchaseOrderHistoryCsv', {})
      .then((data) => {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([data.purchaseOrderHistoryCsv], { type: 'text/csv' }));
        link.download = `purchase-order-history-${today}.csv`;
        link.click();
        URL.revokeObjectURL(link.href);
      })
      .catch(fail);

  return (
    <section aria-labelledby="purchasing-title" className="panel">
      <h1 id="purchasing-title">{ct('purchasingTitle')}</h1>
      {failure && (
        <p className="error" role="alert">
          {ct('error', { message: failure })}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {orders.length === 0 && <p>{ct('purchasingEmpty')}</p>}
      {orders.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{ct('purchaseOrder')}</th>
              <th scope="col">{ct('poSupplier')}</th>
              <th scope="col">{ct('poSent')}</th>
              <th scope="col">{ct('poExpected')}</th>
              <th scope="col">{ct('poLines')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {orders.map((po) => (
              <tr key={po.number}>
                <td>{po.number}</td>
                <td>{po.supplier}</td>
                <td>{po.sentOn ?? '—'}</td>
                <td>
                  {po.estimated
                    ? ct('poEstimated', { date: po.expectedArrival })
                    : ct('poConfirmed', { date: po.expectedArrival, count: po.confirmations.length })}
                </td>
                <td>
                  {po.lines.map((line) => (
                    <div key={line.sku}>
                      {ct('poLine', {
                        sku: line.sku,
                        ordered: line.ordered ?? '—',
                        allocated: line.allocated,
                        received: line.received,
                      })}
                    </div>
                  ))}
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => startReceiving(po)}>
                    {ct('receiveAction', { number: po.number })}
                  </button>{' '}
                  <button type="button" className="secondary" onClick={() => startCancelling(po)}>
                    {ct('cancelAction', { number: po.number })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {receiving && (
        <form
          aria-labelledby="receive-title"
          onSubmit={(event) => {
            event.preventDefault();
            reviewReceipt();
          }}
        >
          <h2 id="receive-title">{ct('receiveTitle', { number: receiving.po.number })}</h2>
          {receiving.po.lines.map((line) => (
            <label key={line.sku}>
              {ct('receiveUnits', { sku: line.sku, left: Math.max(0, (line.ordered ?? 0) - line.received) })}
              <input
                type="number"
                min={0}
                value={receiving.units[line.sku]}
                aria-invalid={errorOf('quantities').length > 0 || undefined}
                aria-describedby={errorOf('quantities').length > 0 ? 'receive-quantities-error' : undefined}
                onChange={(event) => {
                  setReceiptPreview(null);
                  setReceiving({ ...receiving, units: { ...receiving.units, [line.sku]: event.target.value } });
                }}
              />
            </label>
          ))}
          <FieldErrors id="receive-quantities-error" errors={errorOf('quantities')} />
          <label>
            {ct('receivedOn')}
            <input
              type="date"
              value={receiving.on}
              max={today}
              aria-invalid={errorOf('receivedOn').length > 0 || undefined}
              aria-describedby={errorOf('receivedOn').length > 0 ? 'receive-on-error' : undefined}
              onChange={(event) => {
                setReceiptPreview(null);
                setReceiving({ ...receiving, on: event.target.value });
              }}
            />
          </label>
          <FieldErrors id="receive-on-error" errors={errorOf('receivedOn')} />
          <FieldErrors id="receive-po-error" errors={errorOf('purchaseOrder')} />
          <button type="submit" className="secondary">
            {ct('review')}
          </button>
          {receiptPreview && (
            <div role="region" aria-label={ct('receiveConfirm')}>
              <p>
                {ct('receiveReview', {
                  what: receiptPreview.quantities.map((q) => `${q.quantity} × ${q.sku}`).join(', '),
                  number: receiptPreview.purchaseOrder,
                  date: receiptPreview.receivedOn,
                })}
              </p>
              <p>
                {receiptPreview.ordersReady.length > 0
                  ? ct('receiveReady', { orders: receiptPreview.ordersReady.join(', ') })
                  : ct('receiveNoneReady')}
              </p>
              {receiptPreview.waitingLines.length > 0 && (
                <p>{ct('receiveStillWaiting', { count: receiptPreview.waitingLines.length })}</p>
              )}
              {receiptPreview.closes && <p>{ct('receiveCloses')}</p>}
              <button type="button" onClick={receive}>
                {ct('receiveConfirm')}
              </button>
            </div>
          )}
        </form>
      )}

      {cancelling && (
        <form
          aria-labelledby="cancel-title"
          onSubmit={(event) => {
            event.preventDefault();
            reviewCancel();
          }}
        >
          <h2 id="cancel-title">{ct('cancelTitle', { number: cancelling.po.number })}</h2>
          <label>
            {ct('cancelReason')}
            <input
              value={cancelling.reason}
              aria-invalid={errorOf('reason').length > 0 || undefined}
              aria-describedby={errorOf('reason').length > 0 ? 'cancel-reason-error' : undefined}
              onChange={(event) => {
                setCancelPreview(null);
                setCancelling({ ...cancelling, reason: event.target.value });
              }}
            />
          </label>
          <FieldErrors id="cancel-reason-error" errors={errorOf('reason')} />
          <FieldErrors id="cancel-po-error" errors={errorOf('purchaseOrder')} />
          <button type="submit" className="secondary">
            {ct('review')}
          </button>
          {cancelPreview && (
            <div role="region" aria-label={ct('cancelConfirm')}>
              <p>{ct('cancelReview', { number: cancelling.po.number, customers: cancelPreview.customersTold ?? 0 })}</p>
              {(cancelPreview.lines ?? []).length === 0 && <p>{ct('cancelNoLines')}</p>}
              <ul>
                {(cancelPreview.lines ?? []).map((line) => (
                  <li key={`${line.orderNumber}-${line.sku}`}>
                    {ct(line.nextPurchaseOrder ? 'cancelLineTo' : 'cancelLineWaits', {
                      order: line.orderNumber,
                      sku: line.sku,
                      next: line.nextPurchaseOrder ?? '',
                      before: line.latestBefore,
                      after: line.latestAfter,
                    })}
                    {line.customerTold && ct('cancelTold')}
                  </li>
                ))}
              </ul>
              <button type="button" onClick={cancel}>
                {ct('cancelConfirm')}
              </button>
            </div>
          )}
        </form>
      )}

      <ReorderPoints token={token} admin={admin} />
      <CsvImport token={token} admin={admin} onImported={load} />
      {admin && (
        <p>
          <button type="button" className="secondary" onClick={exportHistory}>
            {ct('exportHistory')}
          </button>
        </p>
      )}
    </section>
  );
}

/** A spreadsheet in: checked first (nothing stored), then imported whole once every row is right. */
function CsvImport({ token, admin, onImported }: { token: string; admin: boolean; onImported: () => void }) {
  const kinds = IMPORTS.filter((entry) => admin || !entry.adminOnly);
  const [kind, setKind] = useState<ImportKind>('PurchaseOrders');
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const chosen = IMPORTS.find((entry) => entry.kind === kind)!;

  const run = (dryRun: boolean) =>
    graphql<Record<string, ImportResult>, object>(PURCHASING, { input: { csv, dryRun } }, `Import${kind}`, token)
      .then((data) => {
        const result = Object.values(data)[0];
        if (dryRun || result.errors.length > 0) {
          setChecked(result);
        } else {
          setChecked(null);
          setImported(result);
          onImported();
        }
      })
      .catch((error: Error) => setFailure(error.message));
  const changed = () => {
    setChecked(null);
    setImported(null);
  };

  return (
    <form
      aria-labelledby="import-title"
      onSubmit={(event) => {
        event.preventDefault();
        run(true);
      }}
    >
      <h2 id="import-title">{ct('importTitle')}</h2>
      {failure && (
        <p className="error" role="alert">
          {ct('error', { message: failure })}
        </p>
      )}
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
              file.text().then((text) => {
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
      <button type="submit" className="secondary">
        {ct('importCheck')}
      </button>
      {checked && checked.errors.length > 0 && (
        <div role="region" aria-label={ct('importProblem')}>
          <p className="error">{ct('importErrors', { count: checked.errors.length })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{ct('importRow')}</th>
                <th scope="col">{ct('importColumn')}</th>
                <th scope="col">{ct('importProblem')}</th>
              </tr>
            </thead>
            <tbody>
              {checked.errors.map((error) => (
                <tr key={`${error.row}-${error.column}-${error.code}`}>
                  <td>{error.row}</td>
                  <td>{error.column}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {checked && checked.errors.length === 0 && (
        <div role="region" aria-label={ct('importConfirm', { rows: checked.rows })}>
          <p>{ct('importReview', { rows: checked.rows })}</p>
          <ul>
            {checked.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <button type="button" onClick={() => run(false)}>
            {ct('importConfirm', { rows: checked.rows })}
          </button>
        </div>
      )}
      {imported && (
        <div role="status">
          <p>{ct('imported', { rows: imported.rows })}</p>
          <ul>
            {imported.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

/** Reorder points of the SKUs kept in stock, each saying how it was worked out; admins mark SKUs as stocked. */
function ReorderPoints({ token, admin }: { token: string; admin: boolean }) {
  const [points, setPoints] = useState<ReorderPointsQuery['reorderPoints']>([]);
  const [form, setForm] = useState({ sku: '', supplier: '', safetyStock: '0' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = () =>
    graphql<ReorderPointsQuery, object>(PURCHASING, {}, 'ReorderPoints', token)
      .then((data) => setPoints(data.reorderPoints))
      .catch((error: Error) => setFailure(error.message));
  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  const errorOf = (field: string) => errors.filter((e) => e.field === `input.${field}`);
  const mark = () =>
    graphql<MarkStockedSkuMutation, object>(
      PURCHASING,
      { input: { sku: form.sku, supplier: form.supplier, safetyStock: Number(form.safetyStock) } },
      'MarkStockedSku',
      token,
    )
      .then((data) => {
        const result = data.markStockedSku;
        setErrors(result.errors);
        if (result.errors.length === 0 && result.reorderPoint) {
          setDone(ct('markedStocked', { sku: result.reorderPoint.sku, units: result.reorderPoint.reorderPoint }));
          return load();
        }
      })
      .catch((error: Error) => setFailure(error.message));
  const field = (name: 'sku' | 'supplier' | 'safetyStock', label: ConsoleKey, type = 'text') => (
    <>
      <label>
        {ct(label)}
        <input
          type={type}
          value={form[name]}
          aria-invalid={errorOf(name).length > 0 || undefined}
          aria-describedby={errorOf(name).length > 0 ? `stocked-${name}-error` : undefined}
          onChange={(event) => setForm({ ...form, [name]: event.target.value })}
        />
      </label>
      <FieldErrors id={`stocked-${name}-error`} errors={errorOf(name)} />
    </>
  );

  return (
    <div>
      <h2 id="reorder-title">{ct('reorderTitle')}</h2>
      {failure && (
        <p className="error" role="alert">
          {ct('error', { message: failure })}
        </p>
      )}
      {points.length === 0 && <p>{ct('reorderEmpty')}</p>}
      {points.length > 0 && (
        <table aria-labelledby="reorder-title">
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
                <td>{point.sku}</td>
                <td>{point.supplier}</td>
                <td>{ct('reorderUnits', { units: point.reorderPoint })}</td>
                <td>{point.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <form
          aria-labelledby="stocked-title"
          onSubmit={(event) => {
            event.preventDefault();
            mark();
          }}
        >
          <h3 id="stocked-title">{ct('markStockedTitle')}</h3>
          {field('sku', 'stockedSku')}
          {field('supplier', 'stockedSupplier')}
          {field('safetyStock', 'safetyStock', 'number')}
          <button type="submit" className="secondary">
            {ct('markStocked')}
          </button>
          {done && <p role="status">{done}</p>}
        </form>
      )}
    </div>
  );
}
