import { useEffect, useRef, useState } from 'react';
import {
  BuyListDocument,
  PlacePurchaseOrderDocument,
  type PlacePurchaseOrderInput,
  PreviewPlacePurchaseOrderDocument,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { errorsAt, errorsBesides, Failure, FieldError, FormErrors, invalidProps, type UserError } from './errors';
import { apiInt, day, toldSuffix, unitsList } from './format';
import { ClosedDayCaveat } from './ClosedDayCaveat';
import { ct } from './messages';
import { useBroughtIntoView } from './focus';
import { OrderLink, SupplierOptions, supplierName } from './OrderLink';
import { Review } from './Review';
import { WholeCodes } from './WholeCodes';

/**
 * A purchase order being drafted: from a supplier's buy list, its SKUs given, or of the agent's own (`own`): any
 * supplier, any SKUs, for stock as much as for customers.
 */
type Draft = {
  supplier: string;
  number: string;
  arrival: string;
  lines: { sku: string; quantity: string }[];
  own: boolean;
};

/**
 * The draft's lines to be ordered: from a buy list, those given units (a SKU left empty or at 0 is not ordered); of
 * one's own, every line with a SKU or units typed, so that the API says what is missing next to it.
 */
function ordered(draft: Draft) {
  return draft.own
    ? draft.lines.filter((line) => line.sku.trim() !== '' || line.quantity.trim() !== '')
    : draft.lines.filter((line) => line.quantity.trim() !== '' && Number(line.quantity) !== 0);
}

/** The draft as the API takes it. */
function inputOf(draft: Draft): PlacePurchaseOrderInput {
  return {
    number: draft.number.trim(),
    supplier: draft.supplier,
    lines: ordered(draft).map((line) => ({ sku: line.sku.trim(), quantity: apiInt(line.quantity) })),
    sentOn: null,
    confirmedArrival: draft.arrival === '' ? null : draft.arrival,
  };
}

/**
 * The buy list: what customers bought that no purchase order covers; a supplier's list becomes a draft, reviewed
 * (its arrival, the waiting lines it takes, the customers told) before it is placed.
 */
export function BuyListPanel() {
  const loaded = useQuery(BuyListDocument, {});
  const entries = loaded.data?.buyList ?? [];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reviewed, setReviewed] = useState<PlacePurchaseOrderInput | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [placed, setPlaced] = useState<string | null>(null);
  const preview = useQuery(
    PreviewPlacePurchaseOrderDocument,
    { input: reviewed ?? inputOf({ supplier: '', number: '', arrival: '', lines: [], own: false }) },
    { skip: reviewed === null },
  );
  const [placePurchaseOrder, placing] = useMutation(PlacePurchaseOrderDocument);

  const suppliers = [...new Set(entries.map((e) => e.supplier))];
  const known = loaded.data?.suppliers ?? [];
  const nameOf = (supplier: string) => supplierName(supplier, known);
  // Each draft started is a form of its own, brought into view with the focus at its title.
  const [started, setStarted] = useState(0);
  // The SKU just added is where the keyboard goes next, not back to the button that added it.
  const added = useRef<number | null>(null);
  const lineCount = draft?.lines.length;
  useEffect(() => {
    if (added.current !== null) {
      document.getElementById(`draft-sku-${added.current}`)?.focus();
      added.current = null;
    }
  }, [lineCount]);
  const startDraft = (next: Draft) => {
    setStarted(started + 1);
    setErrors([]);
    setPlaced(null);
    setReviewed(null);
    setDraft(next);
  };
  const fromBuyList = (supplier: string) =>
    startDraft({
      supplier,
      number: '',
      arrival: '',
      lines: entries.filter((e) => e.supplier === supplier).map((e) => ({ sku: e.sku, quantity: String(e.quantity) })),
      own: false,
    });
  // Any change to the draft takes its review and the messages about the old input away.
  const edit = (next: Draft) => {
    setDraft(next);
    setReviewed(null);
    setErrors([]);
  };
  const editLine = (index: number, change: Partial<Draft['lines'][number]>) =>
    draft && edit({ ...draft, lines: draft.lines.map((line, i) => (i === index ? { ...line, ...change } : line)) });
  // The form's own word on a draft of nothing stands for the API's.
  const saidHere = new Set(errors.map((error) => error.field));
  const shown = [
    ...(reviewed ? (preview.data?.previewPlacePurchaseOrder.errors ?? []) : []).filter(
      (error) => !saidHere.has(error.field.replace(/^input\./, '')),
    ),
    ...errors,
  ];
  const errorOf = (field: string) => errorsAt(shown, field);
  // A line's errors: the API's, at its place among the lines sent, and the form's own, at its key.
  const sent = draft ? ordered(draft) : [];
  const lineKey = (index: number) => (draft?.own ? `line-${index}` : (draft?.lines[index].sku ?? ''));
  const lineErrors = (index: number, field: 'sku' | 'quantity') => {
    const place = draft ? sent.indexOf(draft.lines[index]) : -1;
    const theApis = place < 0 ? [] : errorOf(`lines[${place}].${field}`);
    return field === 'quantity' ? [...theApis, ...errorOf(`units.${lineKey(index)}`)] : theApis;
  };
  const plan = reviewed ? preview.data?.previewPlacePurchaseOrder.preview : undefined;
  const allocations = plan?.allocations ?? [];

  const place = async () => {
    if (!reviewed) {
      return;
    }
    const data = await placePurchaseOrder({ input: reviewed });
    if (!data) {
      return;
    }
    const result = data.placePurchaseOrder;
    setReviewed(null);
    if (result.errors.length === 0 && result.purchaseOrder && result.created === false) {
      // Someone placed this number since the review: the one kept under it was returned, and nothing new was placed.
      setErrors([
        {
          code: 'NUMBER_TAKEN',
          field: 'input.number',
          message: ct('purchaseOrderNumberTaken', {
            number: result.purchaseOrder.number,
            supplier: nameOf(result.purchaseOrder.supplier),
          }),
        },
      ]);
      return;
    }
    setErrors(result.errors);
    if (result.errors.length === 0 && result.purchaseOrder) {
      setPlaced(
        ct('purchaseOrderPlaced', {
          number: result.purchaseOrder.number,
          lines: result.purchaseOrder.allocatedLines,
          date: day(result.purchaseOrder.expectedArrival),
        }),
      );
      setDraft(null);
      loaded.reload();
    }
  };

  return (
    <section aria-labelledby="buy-list-title" className="panel">
      <h1 id="buy-list-title">{ct('buyListTitle')}</h1>
      <Failure error={loaded.error} />
      {loaded.data && entries.length === 0 && <p>{ct('buyListEmpty')}</p>}
      {suppliers.map((supplier) => (
        <div key={supplier}>
          <h2>{nameOf(supplier)}</h2>
          <div className="scroll" tabIndex={0}>
            <table className="stacks">
              <thead>
                <tr>
                  <th scope="col">{ct('sku')}</th>
                  <th scope="col">{ct('buyQuantity')}</th>
                  <th scope="col">{ct('buyOldest')}</th>
                  <th scope="col">{ct('supplierLeadTime')}</th>
                </tr>
              </thead>
              <tbody>
                {entries
                  .filter((e) => e.supplier === supplier)
                  .map((e) => (
                    <tr key={e.sku}>
                      <td data-label={ct('sku')} className="nowrap">
                        {e.sku}
                      </td>
                      <td data-label={ct('buyQuantity')}>{ct('buyUnits', { units: e.quantity, lines: e.lines })}</td>
                      <td data-label={ct('buyOldest')}>
                        <OrderLink order={e.oldestOrder} />, {ct('buyWaitingDays', { days: e.waitingDays })}
                      </td>
                      <td data-label={ct('supplierLeadTime')}>
                        {e.leadTime ? ct('leadTimeDays', { min: e.leadTime.minDays, max: e.leadTime.maxDays }) : '—'}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <button type="button" className="secondary" onClick={() => fromBuyList(supplier)}>
            {ct('draftPurchaseOrder', { supplier: nameOf(supplier) })}
          </button>
        </div>
      ))}
      {/* For stock, or from a supplier no customer waits for: the same draft, its supplier and SKUs chosen. */}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          startDraft({ supplier: '', number: '', arrival: '', lines: [{ sku: '', quantity: '' }], own: true })
        }
      >
        {ct('draftOwn')}
      </button>
      {draft && (
        <form
          aria-labelledby="draft-title"
          // Quantities out of range are said next to their field by the review, not in the browser's own bubble.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // A draft of nothing is said so here; the rest the API refuses, all of it in one round and each by its own
            // rule: units next to their SKU ("a whole number from 1 to 100,000", also for -2 or 1.5), its number, its
            // date.
            const nothing = sent.length === 0;
            setErrors(nothing ? [{ code: 'REQUIRED', field: 'lines', message: ct('nothingToOrder') }] : []);
            setReviewed(inputOf(draft));
            preview.reload();
          }}
        >
          <DraftTitle key={started}>
            {draft.own ? ct('draftOwnTitle') : ct('draftTitle', { supplier: nameOf(draft.supplier) })}
          </DraftTitle>
          {draft.own && (
            <div className="field">
              <label>
                {ct('draftSupplier')}
                <select
                  value={draft.supplier}
                  {...invalidProps(errorOf('supplier'), 'draft-supplier-error')}
                  onChange={(event) => edit({ ...draft, supplier: event.target.value })}
                >
                  <option value="">{ct('draftChooseSupplier')}</option>
                  <SupplierOptions suppliers={known} />
                </select>
              </label>
              <FieldError id="draft-supplier-error" errors={errorOf('supplier')} />
            </div>
          )}
          <div className="field">
            <label>
              {ct('purchaseOrderNumber')}
              <input
                value={draft.number}
                {...invalidProps(errorOf('number'), 'draft-number-error')}
                onChange={(event) => edit({ ...draft, number: event.target.value })}
              />
            </label>
            <FieldError id="draft-number-error" errors={errorOf('number')} />
          </div>
          {draft.lines.map((line, index) => (
            <div key={lineKey(index)} className="field">
              {draft.own && (
                <>
                  <label>
                    {ct('draftOwnSku', { n: index + 1 })}
                    <input
                      value={line.sku}
                      id={`draft-sku-${index}`}
                      {...invalidProps(lineErrors(index, 'sku'), `draft-sku-${index}-error`)}
                      onChange={(event) => editLine(index, { sku: event.target.value })}
                    />
                  </label>
                  <FieldError id={`draft-sku-${index}-error`} errors={lineErrors(index, 'sku')} />
                </>
              )}
              <label>
                {draft.own ? ct('draftOwnQuantity', { n: index + 1 }) : ct('draftQuantity', { sku: line.sku })}
                <input
                  type="number"
                  min={0}
                  placeholder="0"
                  value={line.quantity}
                  {...invalidProps(
                    [...lineErrors(index, 'quantity'), ...errorOf('lines')],
                    errorOf('lines').length > 0 ? 'draft-lines-error' : `draft-line-${index}-error`,
                  )}
                  onChange={(event) => editLine(index, { quantity: event.target.value })}
                />
              </label>
              <FieldError id={`draft-line-${index}-error`} errors={lineErrors(index, 'quantity')} />
              {draft.own && draft.lines.length > 1 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => edit({ ...draft, lines: draft.lines.filter((_, at) => at !== index) })}
                >
                  {ct('draftRemoveSku', { n: index + 1 })}
                </button>
              )}
            </div>
          ))}
          {draft.own && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                edit({ ...draft, lines: [...draft.lines, { sku: '', quantity: '' }] });
                added.current = draft.lines.length;
              }}
            >
              {ct('draftAddSku')}
            </button>
          )}
          <FieldError id="draft-lines-error" errors={errorOf('lines')} />
          <div className="field">
            <label>
              {ct('draftArrival')}
              <input
                type="date"
                value={draft.arrival}
                {...invalidProps(errorOf('confirmedArrival'), 'draft-arrival-error')}
                onChange={(event) => edit({ ...draft, arrival: event.target.value })}
              />
            </label>
            <FieldError id="draft-arrival-error" errors={errorOf('confirmedArrival')} />
          </div>
          <div className="actions">
            <button type="submit" className="secondary" disabled={preview.loading}>
              {ct('review')}
            </button>
          </div>
          <FormErrors
            errors={errorsBesides(shown, [
              'number',
              'supplier',
              'confirmedArrival',
              'lines',
              ...sent.flatMap((_, place) => [`lines[${place}].quantity`, `lines[${place}].sku`]),
              ...draft.lines.map((_, index) => `units.${lineKey(index)}`),
            ])}
          />
          <Failure error={preview.error ?? placing.error} />
          {plan && (
            <Review
              testId="draft-review"
              confirm={ct('placePurchaseOrder')}
              running={placing.running}
              onCancel={() => setReviewed(null)}
              onConfirm={() => void place()}
            >
              <p>
                {ct(plan.estimated ? 'draftReviewEstimated' : 'draftReviewConfirmed', {
                  number: plan.number,
                  supplier: nameOf(plan.supplier),
                  lines: unitsList(reviewed?.lines ?? []),
                  date: day(plan.expectedArrival),
                })}
              </p>
              <ClosedDayCaveat date={plan.expectedArrival} />
              <p>
                {allocations.length === 0
                  ? ct('draftTakesNone')
                  : ct('draftTakes', {
                      count: allocations.length,
                      told: allocations.filter((allocation) => allocation.customerTold).length,
                    })}
              </p>
              {allocations.length > 0 && (
                <ul>
                  {allocations.map((allocation) => (
                    <li key={`${allocation.orderNumber}-${allocation.lineId}`}>
                      <WholeCodes
                        text={
                          ct(allocation.latestBefore === allocation.latestAfter ? 'draftLineSame' : 'draftLine', {
                            order: allocation.orderNumber,
                            quantity: allocation.quantity,
                            sku: allocation.sku,
                            before: day(allocation.latestBefore),
                            after: day(allocation.latestAfter),
                          }) +
                          (allocation.purchaseOrder !== plan.number
                            ? ct('draftLineElsewhere', { po: allocation.purchaseOrder })
                            : '') +
                          toldSuffix(allocation)
                        }
                        orders={[allocation.orderNumber]}
                      />
                    </li>
                  ))}
                </ul>
              )}
              {plan.keptWaiting.length > 0 && (
                <>
                  <p>{ct('draftStillWaiting', { count: plan.keptWaiting.length })}</p>
                  <ul>
                    {plan.keptWaiting.map((line) => (
                      <li key={`${line.orderNumber}-${line.lineId}`}>
                        <WholeCodes
                          text={ct('draftKeptLine', {
                            order: line.orderNumber,
                            quantity: line.quantity,
                            sku: line.sku,
                          })}
                          orders={[line.orderNumber]}
                        />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Review>
          )}
        </form>
      )}
      {placed && <p role="status">{placed}</p>}
    </section>
  );
}

/** A draft's title, which takes the focus as the draft opens: the agent goes on from the form, not the button. */
function DraftTitle({ children }: { children: React.ReactNode }) {
  return (
    <h2 id="draft-title" ref={useBroughtIntoView<HTMLHeadingElement>()} tabIndex={-1}>
      {children}
    </h2>
  );
}
