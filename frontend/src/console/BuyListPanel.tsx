import { useState } from 'react';
import { BuyListDocument, PlacePurchaseOrderDocument } from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { errorsAt, errorsBesides, Failure, FormErrors, type UserError } from './errors';
import { day } from './format';
import { ct } from './messages';
import { OrderLink } from './OrderLink';

type Draft = { supplier: string; number: string; lines: { sku: string; quantity: string }[] };

/** The buy list: what customers bought that no purchase order covers; a supplier's list becomes a draft to place. */
export function BuyListPanel() {
  const loaded = useQuery(BuyListDocument, {});
  const entries = loaded.data?.buyList ?? [];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [placed, setPlaced] = useState<string | null>(null);
  const [placePurchaseOrder, placing] = useMutation(PlacePurchaseOrderDocument);

  const suppliers = [...new Set(entries.map((e) => e.supplier))];
  const nameOf = (supplier: string) => entries.find((e) => e.supplier === supplier)?.supplierName ?? supplier;
  const startDraft = (supplier: string) => {
    setErrors([]);
    setPlaced(null);
    setDraft({
      supplier,
      number: '',
      lines: entries.filter((e) => e.supplier === supplier).map((e) => ({ sku: e.sku, quantity: String(e.quantity) })),
    });
  };
  const errorOf = (field: string) => errorsAt(errors, field);

  const place = async () => {
    if (!draft) {
      return;
    }
    const data = await placePurchaseOrder({
      input: {
        number: draft.number.trim(),
        supplier: draft.supplier,
        lines: draft.lines.map((line) => ({ sku: line.sku, quantity: Number(line.quantity) })),
        sentOn: null,
        confirmedArrival: null,
      },
    });
    if (!data) {
      return;
    }
    const result = data.placePurchaseOrder;
    if (result.errors.length === 0 && result.purchaseOrder && result.created === false) {
      // The number is the purchase order's key: the one kept under it was returned, and nothing new was placed.
      setErrors([
        {
          code: 'NUMBER_TAKEN',
          field: 'input.number',
          message: ct('purchaseOrderNumberTaken', {
            number: result.purchaseOrder.number,
            supplier: result.purchaseOrder.supplier,
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
            <table>
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
                      <td>{e.sku}</td>
                      <td>{ct('buyUnits', { units: e.quantity, lines: e.lines })}</td>
                      <td>
                        <OrderLink order={e.oldestOrder} />, {ct('buyWaitingDays', { days: e.waitingDays })}
                      </td>
                      <td>
                        {e.leadTime ? ct('leadTimeDays', { min: e.leadTime.minDays, max: e.leadTime.maxDays }) : '—'}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <button type="button" className="secondary" onClick={() => startDraft(supplier)}>
            {ct('draftPurchaseOrder', { supplier })}
          </button>
        </div>
      ))}
      {draft && (
        <form
          aria-labelledby="draft-title"
          onSubmit={(event) => {
            event.preventDefault();
            void place();
          }}
        >
          <h2 id="draft-title">{ct('draftTitle', { supplier: nameOf(draft.supplier) })}</h2>
          <label>
            {ct('purchaseOrderNumber')}
            <input
              value={draft.number}
              aria-invalid={errorOf('number').length > 0 || undefined}
              aria-describedby={errorOf('number').length > 0 ? 'draft-number-error' : undefined}
              onChange={(event) => setDraft({ ...draft, number: event.target.value })}
            />
          </label>
          {errorOf('number').length > 0 && (
            <span id="draft-number-error" className="error">
              {errorOf('number')
                .map((e) => e.message)
                .join(' ')}
            </span>
          )}
          {draft.lines.map((line, index) => (
            <div key={line.sku}>
              <label>
                {ct('draftQuantity', { sku: line.sku })}
                <input
                  type="number"
                  min={1}
                  value={line.quantity}
                  aria-invalid={errorOf(`lines[${index}].quantity`).length > 0 || undefined}
                  aria-describedby={
                    errorOf(`lines[${index}].quantity`).length > 0 ? `draft-line-${index}-error` : undefined
                  }
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      lines: draft.lines.map((l, i) => (i === index ? { ...l, quantity: event.target.value } : l)),
                    })
                  }
                />
              </label>
              {errorOf(`lines[${index}].quantity`).length > 0 && (
                <span id={`draft-line-${index}-error`} className="error">
                  {errorOf(`lines[${index}].quantity`)
                    .map((e) => e.message)
                    .join(' ')}
                </span>
              )}
            </div>
          ))}
          <p data-testid="draft-review">
            {ct('draftReview', {
              supplier: nameOf(draft.supplier),
              lines: draft.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', '),
            })}
          </p>
          <button type="submit" disabled={placing.running}>
            {ct('placePurchaseOrder')}
          </button>
          <FormErrors
            errors={errorsBesides(errors, ['number', ...draft.lines.map((_, index) => `lines[${index}].quantity`)])}
          />
          <Failure error={placing.error} />
        </form>
      )}
      {placed && <p aria-live="polite">{placed}</p>}
    </section>
  );
}
