import { useEffect, useState } from 'react';
import type {
  ConsoleDataQuery,
  DelayProgressQuery,
  DelayScopeType,
  LogDelayMutation,
  PreviewDelayQuery,
  ReportFragment,
} from '../generated/graphql';
import { graphql } from '../graphql';
import CONSOLE from './console.graphql?raw';
import { ct } from './messages';

type Preview = NonNullable<PreviewDelayQuery['previewDelay']['preview']>;
type UserError = { code: string; field: string; message: string };

/** Log a supplier delay: scope, how late, the customer's reason; preview, confirm, and watch it apply. */
export function DelayPanel({ token }: { token: string }) {
  const [data, setData] = useState<ConsoleDataQuery | null>(null);
  const [scopeType, setScopeType] = useState<DelayScopeType>('PURCHASE_ORDER');
  const [purchaseOrder, setPurchaseOrder] = useState('');
  const [supplier, setSupplier] = useState('');
  const [sku, setSku] = useState('');
  const [changeKind, setChangeKind] = useState<'daysLate' | 'newDate'>('daysLate');
  const [daysLate, setDaysLate] = useState('7');
  const [newDate, setNewDate] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [note, setNote] = useState('');
  // A preview belongs to the exact input it was made for: any edit of the form hides it, and confirming sends that
  // input, never the form as it is now.
  const [preview, setPreview] = useState<{ input: string; figures: Preview } | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [report, setReport] = useState<ReportFragment | null>(null);

  const call = <T,>(operation: string, variables: object) => graphql<T, object>(CONSOLE, variables, operation, token);

  useEffect(() => {
    call<ConsoleDataQuery>('ConsoleData', {}).then((loaded) => {
      setData(loaded);
      setPurchaseOrder(loaded.purchaseOrders[0]?.number ?? '');
      setSupplier(loaded.suppliers[0]?.code ?? '');
      setReasonCode(loaded.delayReasons[0]?.code ?? '');
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  useEffect(() => {
    if (!report || report.state === 'DONE') {
      return;
    }
    const timer = window.setTimeout(() => {
      call<DelayProgressQuery>('DelayProgress', { id: report.id }).then((progress) => setReport(progress.delayReport ?? report));
    }, 400);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report]);

  const input = () => ({
    scope: {
      type: scopeType,
      purchaseOrder: scopeType === 'PURCHASE_ORDER' ? purchaseOrder : null,
      supplier: scopeType === 'PURCHASE_ORDER' ? null : supplier,
      sku: scopeType === 'SKU' ? sku : null,
    },
    daysLate: changeKind === 'daysLate' ? Number(daysLate) : null,
    newDate: changeKind === 'newDate' ? newDate || null : null,
    reasonCode: reasonCode || null,
    reasonText: reasonCode ? null : reasonText,
    internalNote: note || null,
  });

  const runPreview = () => {
    setReport(null);
    const asked = JSON.stringify(input());
    call<PreviewDelayQuery>('PreviewDelay', { input: JSON.parse(asked) }).then((result) => {
      setErrors(result.previewDelay.errors);
      const figures = result.previewDelay.preview;
      setPreview(figures ? { input: asked, figures } : null);
    });
  };

  const confirm = (previewed: string) => {
    call<LogDelayMutation>('LogDelay', { input: JSON.parse(previewed) }).then((result) => {
      setErrors(result.logDelay.errors);
      if (result.logDelay.report) {
        setPreview(null);
        setReport(result.logDelay.report);
      }
    });
  };

  if (!data) {
    return <p aria-live="polite">…</p>;
  }
  const current = preview && preview.input === JSON.stringify(input()) ? preview : null;
  const english = (codeTexts: ConsoleDataQuery['delayReasons'][number]) =>
    codeTexts.texts.find((text) => text.language === 'en')?.text ?? codeTexts.code;

  return (
    <section aria-labelledby="delay-title" className="panel">
      <h1 id="delay-title">{ct('delayTitle')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          runPreview();
        }}
      >
        <fieldset>
          <legend>{ct('scope')}</legend>
          {(['PURCHASE_ORDER', 'SKU', 'SUPPLIER'] as DelayScopeType[]).map((type) => (
            <label key={type} className="option">
              <input type="radio" name="scope" checked={scopeType === type} onChange={() => setScopeType(type)} />
              {ct(type === 'PURCHASE_ORDER' ? 'scopePurchaseOrder' : type === 'SKU' ? 'scopeSku' : 'scopeSupplier')}
            </label>
          ))}
          {scopeType === 'PURCHASE_ORDER' ? (
            <label>
              {ct('purchaseOrder')}
              <select
                aria-label={ct('purchaseOrder')}
                value={purchaseOrder}
                onChange={(event) => setPurchaseOrder(event.target.value)}
              >
                {data.purchaseOrders.map((po) => (
                  <option key={po.number} value={po.number}>
                    {ct('purchaseOrderOption', {
                      number: po.number,
                      supplier: po.supplier,
                      date: po.expectedArrival,
                      lines: po.allocatedLines,
                    })}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {ct('supplier')}
              <select aria-label={ct('supplier')} value={supplier} onChange={(event) => setSupplier(event.target.value)}>
                {data.suppliers.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name} ({s.code})
                  </option>
                ))}
              </select>
            </label>
          )}
          {scopeType === 'SKU' && (
            <label>
              {ct('sku')}
              <input value={sku} onChange={(event) => setSku(event.target.value)} />
            </label>
          )}
        </fieldset>
        <fieldset>
          <legend>{ct('change')}</legend>
          <label className="option">
            <input type="radio" name="change" checked={changeKind === 'daysLate'} onChange={() => setChangeKind('daysLate')} />
            {ct('daysLate')}
          </label>
          <label className="option">
            <input type="radio" name="change" checked={changeKind === 'newDate'} onChange={() => setChangeKind('newDate')} />
            {ct('newDate')}
          </label>
          {changeKind === 'daysLate' ? (
            <label>
              {ct('daysLate')}
              <input type="number" min={1} max={365} value={daysLate} onChange={(event) => setDaysLate(event.target.value)} />
            </label>
          ) : (
            <label>
              {ct('newDate')}
              <input type="date" value={newDate} onChange={(event) => setNewDate(event.target.value)} />
            </label>
          )}
        </fieldset>
        <label>
          {ct('reason')}
          <select aria-label={ct('reason')} value={reasonCode} onChange={(event) => setReasonCode(event.target.value)}>
            {data.delayReasons.map((reason) => (
              <option key={reason.code} value={reason.code}>
                {english(reason)}
              </option>
            ))}
            <option value="">{ct('reasonOther')}</option>
          </select>
        </label>
        {!reasonCode && (
          <label>
            {ct('reasonText')}
            <textarea value={reasonText} onChange={(event) => setReasonText(event.target.value)} />
          </label>
        )}
        <label>
          {ct('note')}
          <textarea value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <div className="actions">
          <button type="submit">{ct('preview')}</button>
        </div>
      </form>
      {errors.length > 0 && (
        <ul className="error" role="alert">
          {errors.map((error) => (
            <li key={error.code + error.field}>{error.message}</li>
          ))}
        </ul>
      )}
      {preview && !current && (
        <p role="status" data-testid="preview-stale">
          {ct('previewStale')}
        </p>
      )}
      {current && (
        <section aria-labelledby="preview-title" className="preview">
          <h2 id="preview-title">{ct('previewTitle')}</h2>
          <p data-testid="preview-figures">
            {ct('previewFigures', {
              orders: current.figures.orders,
              lines: current.figures.lines,
              customers: current.figures.customers,
              nowLate: current.figures.linesNowLate,
            })}
          </p>
          <p>{ct('previewValue', { value: current.figures.orderValue.map((v) => `${v.amount} ${v.currency}`).join(', ') })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{ct('sampleOrder')}</th>
                <th scope="col">{ct('sampleCustomer')}</th>
                <th scope="col">{ct('sampleLine')}</th>
                <th scope="col">{ct('sampleFrom')}</th>
                <th scope="col">{ct('sampleTo')}</th>
              </tr>
            </thead>
            <tbody>
              {current.figures.sample.map((row) => (
                <tr key={row.orderNumber + row.lineName}>
                  <td>{row.orderNumber}</td>
                  <td>{row.customerName}</td>
                  <td>{row.lineName}</td>
                  <td>{row.from}</td>
                  <td>{row.to}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="danger" onClick={() => confirm(current.input)}>
              {ct('confirm', { customers: current.figures.customers })}
            </button>
          </div>
        </section>
      )}
      {report && (
        <section aria-labelledby="progress-title" className="progress">
          <h2 id="progress-title">{ct('progressTitle')}</h2>
          <progress max={report.totalOrders} value={report.processedOrders} aria-label={ct('progressTitle')} />
          <p aria-live="polite" data-testid="delay-progress">
            {report.state === 'DONE'
              ? ct('done', { moved: report.movedLines, total: report.totalOrders })
              : ct('progress', { processed: report.processedOrders, total: report.totalOrders, moved: report.movedLines })}
          </p>
        </section>
      )}
    </section>
  );
}
