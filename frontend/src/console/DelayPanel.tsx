import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  ConsoleDataDocument,
  LogDelayDocument,
  PreviewDelayDocument,
  type ConsoleDataQuery,
  type DelayInput,
  type DelayScopeType,
  type PreviewDelayQuery,
  SupplierSkusDocument,
  type ReportFragment,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { errorsAt, errorsBesides, Failure, FieldError, FormErrors, invalidProps, type UserError } from './errors';
import { doneWith, useBroughtIntoView } from './focus';
import { amounts, apiInt, dateWindow, day, time, timeZone } from './format';
import { ct, label, reasonText } from './messages';
import { noteText } from './notes';
import { OrderLink, PickedPurchaseOrder, PurchaseOrderOptions, SupplierOptions, supplierName } from './OrderLink';
import { ReasonFields } from './ReasonFields';
import { WithdrawDelay } from './Reversals';
import { useRemembered } from './remembered';
import { useReportUntilDone } from './reports';
import { WholeCodes } from './WholeCodes';

type Preview = NonNullable<PreviewDelayQuery['previewDelay']['preview']>;

const emptyForm = {
  scopeType: 'PURCHASE_ORDER' as DelayScopeType,
  purchaseOrder: '',
  supplier: '',
  sku: '',
  changeKind: 'daysLate' as 'daysLate' | 'newDate',
  daysLate: '7',
  newDate: '',
  reasonCode: null as string | null,
  reasonText: '',
  note: '',
};
type Form = typeof emptyForm;

function delayInput(form: Form, data: ConsoleDataQuery): DelayInput {
  const reasonCode = form.reasonCode ?? data.delayReasons[0]?.code ?? '';
  return {
    scope: {
      type: form.scopeType,
      purchaseOrder: form.scopeType === 'PURCHASE_ORDER' ? form.purchaseOrder || data.purchaseOrders[0]?.number : null,
      supplier: form.scopeType === 'PURCHASE_ORDER' ? null : form.supplier || data.suppliers[0]?.code,
      sku: form.scopeType === 'SKU' ? form.sku : null,
    },
    daysLate: form.changeKind === 'daysLate' ? apiInt(form.daysLate) : null,
    newDate: form.changeKind === 'newDate' ? form.newDate || null : null,
    reasonCode: reasonCode || null,
    reasonText: reasonCode ? null : form.reasonText,
    internalNote: form.note || null,
  };
}

/**
 * Whether a line of the sample moves by other than the days the delay adds: its window is counted again from the new
 * arrival in working days, so a weekend or a public holiday makes it a day or two more or less.
 */
function movesOtherThan(sample: Preview['sample'], daysLate: number): boolean {
  const DAY_MS = 86_400_000;
  return sample.some((row) => (Date.parse(row.to) - Date.parse(row.from)) / DAY_MS !== daysLate);
}

/** Log a supplier delay: scope, how late, the customer's reason; preview, confirm, and watch it apply. */
export function DelayPanel() {
  const loaded = useQuery(ConsoleDataDocument, {});
  const { reload } = loaded;
  const [form, setForm] = useRemembered('delay.form', emptyForm);
  // A preview belongs to the exact input it was made for: any edit of the form hides it, and confirming sends that
  // input, never the form as it is now.
  const [preview, setPreview] = useState<{ input: string; figures: Preview } | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [reportId, setReportId] = useState<string | null>(null);
  const [runPreview, previewing] = useMutation(PreviewDelayDocument);
  const [logDelay, logging] = useMutation(LogDelayDocument);

  const data = loaded.data;
  if (!data) {
    return (
      <section aria-labelledby="delay-title" className="panel">
        <h1 id="delay-title">{ct('delayTitle')}</h1>
        <Failure error={loaded.error} />
        {loaded.loading && <p aria-live="polite">{ct('loading')}</p>}
      </section>
    );
  }
  const input = delayInput(form, data);
  const current = preview && preview.input === JSON.stringify(input) ? preview : null;
  // An edit of the form takes the messages about the input away: they said what was wrong before it.
  const change = (patch: Partial<Form>) => {
    setErrors([]);
    setForm({ ...form, ...patch });
  };
  const at = (field: string) => errorsAt(errors, field);
  const FIELDS = [
    'scope.purchaseOrder',
    'scope.supplier',
    'scope.sku',
    'daysLate',
    'newDate',
    'reasonText',
    'internalNote',
  ];

  const askPreview = async () => {
    setReportId(null);
    // A part of a day goes as the largest number the API takes (apiInt), which it refuses beside the field by its own
    // rule, with what else it refuses (a reason with a tag, say) in the same round.
    const asked = JSON.stringify(input);
    const result = await runPreview({ input, listed: null });
    if (result) {
      setErrors(result.previewDelay.errors);
      const figures = result.previewDelay.preview;
      setPreview(figures ? { input: asked, figures } : null);
    }
  };

  // Every line the delay moves, with the window its customer will read, before they are told: the same input asked
  // again for its whole list (up to the API's most).
  const listAll = async (shown: { input: string; figures: Preview }) => {
    const result = await runPreview({
      input: JSON.parse(shown.input) as DelayInput,
      listed: Math.min(shown.figures.lines, MOST_LISTED),
    });
    const figures = result?.previewDelay.preview;
    if (figures) {
      setPreview({ input: shown.input, figures });
    }
  };

  const confirm = async (previewed: string) => {
    const result = await logDelay({ input: JSON.parse(previewed) as DelayInput });
    if (result) {
      setErrors(result.logDelay.errors);
      if (result.logDelay.report) {
        // The delay is logged: the form starts empty, so that it cannot be confirmed twice by mistake.
        setPreview(null);
        setForm(emptyForm);
        setReportId(result.logDelay.report.id);
        reload();
      }
    }
  };

  return (
    <section aria-labelledby="delay-title" className="panel">
      <h1 id="delay-title">{ct('delayTitle')}</h1>
      <form
        // The range is checked by the API and said next to the field in the console's language, not in the browser's.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void askPreview();
        }}
      >
        <fieldset>
          <legend>{ct('scope')}</legend>
          {(['PURCHASE_ORDER', 'SKU', 'SUPPLIER'] as DelayScopeType[]).map((type) => (
            <label key={type} className="option">
              <input
                type="radio"
                name="scope"
                checked={form.scopeType === type}
                onChange={() => change({ scopeType: type })}
              />
              {ct(type === 'PURCHASE_ORDER' ? 'scopePurchaseOrder' : type === 'SKU' ? 'scopeSku' : 'scopeSupplier')}
            </label>
          ))}
          {form.scopeType === 'PURCHASE_ORDER' ? (
            <label>
              {ct('purchaseOrder')}
              <select
                aria-label={ct('purchaseOrder')}
                value={input.scope.purchaseOrder ?? ''}
                onChange={(event) => change({ purchaseOrder: event.target.value })}
                {...invalidProps(at('scope.purchaseOrder'), 'delay-po-error')}
              >
                <PurchaseOrderOptions orders={data.purchaseOrders} suppliers={data.suppliers} />
              </select>
              <PickedPurchaseOrder
                orders={data.purchaseOrders}
                suppliers={data.suppliers}
                picked={input.scope.purchaseOrder}
              />
            </label>
          ) : (
            <label>
              {ct('supplier')}
              <select
                aria-label={ct('supplier')}
                value={input.scope.supplier ?? ''}
                onChange={(event) => change({ supplier: event.target.value })}
                {...invalidProps(at('scope.supplier'), 'delay-supplier-error')}
              >
                <SupplierOptions suppliers={data.suppliers} />
              </select>
            </label>
          )}
          <FieldError id="delay-po-error" errors={at('scope.purchaseOrder')} />
          <FieldError id="delay-supplier-error" errors={at('scope.supplier')} />
          {form.scopeType === 'SKU' && (
            <>
              <label>
                {ct('sku')}
                <input
                  value={form.sku}
                  list="delay-skus"
                  onChange={(event) => change({ sku: event.target.value })}
                  {...invalidProps(at('scope.sku'), 'delay-sku-error')}
                />
              </label>
              <SkuSuggestions id="delay-skus" supplier={input.scope.supplier ?? null} />
              <FieldError id="delay-sku-error" errors={at('scope.sku')} />
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{ct('change')}</legend>
          <label className="option">
            <input
              type="radio"
              name="change"
              checked={form.changeKind === 'daysLate'}
              onChange={() => change({ changeKind: 'daysLate' })}
            />
            {ct('changeByDays')}
          </label>
          <label className="option">
            <input
              type="radio"
              name="change"
              checked={form.changeKind === 'newDate'}
              onChange={() => change({ changeKind: 'newDate' })}
            />
            {ct('changeToDate')}
          </label>
          {form.changeKind === 'daysLate' ? (
            <>
              <label>
                {ct('daysLate')}
                <input
                  type="number"
                  min={1}
                  max={365}
                  value={form.daysLate}
                  onChange={(event) => change({ daysLate: event.target.value })}
                  aria-describedby="delay-days-hint"
                  {...invalidProps(at('daysLate'), 'delay-days-error delay-days-hint')}
                />
              </label>
              <span id="delay-days-hint" className="hint">
                {ct('daysLateHint')}
              </span>
              <FieldError id="delay-days-error" errors={at('daysLate')} />
            </>
          ) : (
            <>
              <label>
                {ct('newDate')}
                <input
                  type="date"
                  value={form.newDate}
                  onChange={(event) => change({ newDate: event.target.value })}
                  {...invalidProps(at('newDate'), 'delay-date-error')}
                />
              </label>
              <FieldError id="delay-date-error" errors={at('newDate')} />
            </>
          )}
        </fieldset>
        <ReasonFields
          id="delay"
          reasons={data.delayReasons}
          reasonCode={input.reasonCode ?? ''}
          reasonText={form.reasonText}
          note={form.note}
          errors={at('reasonText')}
          onChange={change}
        />
        <div className="actions">
          <button type="submit" disabled={previewing.running}>
            {ct('preview')}
          </button>
        </div>
        <FormErrors errors={errorsBesides(errors, FIELDS)} />
        <Failure error={previewing.error} />
      </form>
      {preview && !current && (
        <p role="status" data-testid="preview-stale">
          {ct('previewStale')}
        </p>
      )}
      {current && (
        <PreviewSection>
          {current.figures.lines === 0 ? (
            <p role="status" data-testid="preview-nothing">
              {current.figures.linesKept > 0
                ? ct('previewAllKept', { count: current.figures.linesKept })
                : ct('previewNothing')}
            </p>
          ) : (
            <>
              <Reach
                figures={current.figures}
                daysLate={input.daysLate}
                listing={previewing.running}
                onListAll={() => void listAll(current)}
              />
              <div className="actions">
                <button
                  type="button"
                  className="danger"
                  disabled={logging.running}
                  onClick={(event) => {
                    doneWith(event.currentTarget);
                    void confirm(current.input);
                  }}
                >
                  {ct('confirm', { customers: current.figures.customers })}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={(event) => {
                    // As a review's Cancel: focus goes back to what asked for the preview, even after a failed confirm.
                    doneWith(event.currentTarget, false);
                    setPreview(null);
                  }}
                >
                  {ct('cancel')}
                </button>
              </div>
            </>
          )}
          <Failure error={logging.error} />
        </PreviewSection>
      )}
      {reportId && <DelayProgress id={reportId} onDone={reload} />}
      <PastDelays
        reports={data.delayReports}
        reasons={data.delayReasons}
        suppliers={data.suppliers}
        onChanged={reload}
        onWithdrawn={() => {
          // The progress of the delay just logged would still say it is done, beside its withdrawal.
          setReportId(null);
          reload();
        }}
      />
    </section>
  );
}

/** The SKUs a supplier's open purchase orders carry, sorted. */
/**
 * The SKUs a delay of one SKU at the supplier could reach, offered as the agent types: those of its open purchase
 * orders and of its dropshipped items customers wait for, codes as they are.
 */
function SkuSuggestions({ id, supplier }: { id: string; supplier: string | null }) {
  const skus = useQuery(SupplierSkusDocument, { supplier: supplier ?? '' }, { skip: !supplier });
  return (
    <datalist id={id}>
      {(skus.data?.supplierSkus ?? []).map((sku) => (
        <option key={sku} value={sku} />
      ))}
    </datalist>
  );
}

/** The preview of a delay, brought into view with focus as it appears: the agent reads it, then confirms or edits. */
function PreviewSection({ children }: { children: ReactNode }) {
  const section = useBroughtIntoView<HTMLElement>();
  return (
    <section ref={section} tabIndex={-1} aria-labelledby="preview-title" className="preview">
      <h2 id="preview-title">{ct('previewTitle')}</h2>
      {children}
    </section>
  );
}

/** The most lines a preview lists (the API's limit). */
const MOST_LISTED = 2000;

/**
 * What a previewed delay reaches: its figures, the value of its orders, and the lines it moves with the window each
 * customer will read: a few, or on asking every one (the first line that came then takes the focus).
 */
function Reach({
  figures,
  daysLate,
  listing = false,
  onListAll,
}: {
  figures: Preview;
  daysLate: number | null | undefined;
  listing?: boolean;
  onListAll?: () => void;
}) {
  const rows = useRef<HTMLTableSectionElement>(null);
  const listedBefore = useRef<number | null>(null);
  useEffect(() => {
    const from = listedBefore.current;
    if (from !== null && figures.sample.length > from) {
      rows.current?.querySelectorAll<HTMLElement>('tr')[from]?.querySelector<HTMLElement>('a')?.focus();
      listedBefore.current = null;
    }
  }, [figures.sample.length]);
  const unlisted = figures.lines - figures.sample.length;
  return (
    <>
      <p data-testid="preview-figures">
        {ct('previewFigures', {
          orders: figures.orders,
          lines: figures.lines,
          customers: figures.customers,
          nowLate: figures.linesNowLate,
        })}
      </p>
      {figures.linesKept > 0 && <p data-testid="preview-kept">{ct('previewKept', { count: figures.linesKept })}</p>}
      <p>
        {ct('previewValue', {
          value: amounts(figures.orderValue),
        })}
      </p>
      <div className="scroll" tabIndex={0}>
        <table className="stacks">
          <thead>
            <tr>
              <th scope="col">{ct('sampleOrder')}</th>
              <th scope="col">{ct('sampleCustomer')}</th>
              <th scope="col">{ct('sampleLine')}</th>
              <th scope="col">{ct('sampleFrom')}</th>
              <th scope="col">{ct('sampleTo')}</th>
              <th scope="col">{ct('sampleWindow')}</th>
            </tr>
          </thead>
          <tbody ref={rows} data-testid="preview-rows">
            {figures.sample.map((row) => (
              <tr key={row.orderNumber + row.lineName}>
                <td data-label={ct('sampleOrder')}>
                  <OrderLink order={row.orderNumber} />
                </td>
                <td data-label={ct('sampleCustomer')}>{row.customerName}</td>
                <td data-label={ct('sampleLine')}>{row.lineName}</td>
                <td data-label={ct('sampleFrom')}>{day(row.from)}</td>
                <td data-label={ct('sampleTo')}>{day(row.to)}</td>
                <td data-label={ct('sampleWindow')}>{row.toEarliest ? dateWindow(row.toEarliest, row.to) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unlisted > 0 && (
        <p data-testid="preview-more">
          {ct('sampleMore', { count: unlisted })}{' '}
          {onListAll && figures.sample.length < MOST_LISTED && (
            <button
              type="button"
              className="secondary"
              disabled={listing}
              onClick={() => {
                listedBefore.current = figures.sample.length;
                onListAll();
              }}
            >
              {ct('sampleListAll', { count: Math.min(figures.lines, MOST_LISTED) })}
            </button>
          )}
        </p>
      )}
      {figures.sample.some((row) => row.to < row.from) && <p data-testid="preview-earlier">{ct('sampleEarlier')}</p>}
      {daysLate != null && movesOtherThan(figures.sample, daysLate) && (
        <p data-testid="preview-working-days">{ct('sampleWorkingDays', { days: daysLate })}</p>
      )}
    </>
  );
}

/** A logged delay's cascade as it runs, read again until it is done. */
function DelayProgress({ id, onDone }: { id: string; onDone: () => void }) {
  // Once done, the list of delays shows it done too (and offers to withdraw it).
  const progress = useReportUntilDone(id, 400, onDone);
  const report: ReportFragment | null | undefined = progress.data?.delayReport;

  return (
    <section aria-labelledby="progress-title" className="progress">
      {/* It appears as the delay is confirmed: the agent follows it from here. */}
      <h2 id="progress-title" ref={useBroughtIntoView<HTMLHeadingElement>('nearest')} tabIndex={-1}>
        {ct(report?.state === 'DONE' ? 'progressTitleDone' : 'progressTitle')}
      </h2>
      <Failure error={progress.error} />
      {report && (
        <>
          <progress
            max={report.totalOrders}
            value={report.processedOrders}
            aria-label={ct(report.state === 'DONE' ? 'progressTitleDone' : 'progressTitle')}
          />
          <p aria-live="polite" data-testid="delay-progress">
            {report.state === 'DONE'
              ? ct('done', { moved: report.movedLines, orders: report.movedOrders, total: report.totalOrders })
              : ct('progress', {
                  processed: report.processedOrders,
                  total: report.totalOrders,
                  moved: report.movedLines,
                  orders: report.movedOrders,
                })}
          </p>
        </>
      )}
    </section>
  );
}

/** The delays logged, newest first, with what they changed and how far their cascade got. */
function PastDelays({
  reports,
  reasons,
  suppliers,
  onChanged,
  onWithdrawn,
}: {
  reports: ReportFragment[];
  reasons: ConsoleDataQuery['delayReasons'];
  suppliers: ConsoleDataQuery['suppliers'];
  onChanged: () => void;
  onWithdrawn: () => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  // A withdrawal's review and result take the list's width, above it, rather than its row's last cell.
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);

  const supplier = (report: ReportFragment) => supplierName(report.scope.supplier ?? '', suppliers);
  const where = (report: ReportFragment) =>
    report.scope.type === 'PURCHASE_ORDER'
      ? ct('scopePO', { po: report.scope.purchaseOrder ?? '' })
      : report.scope.type === 'SKU'
        ? ct('scopeSKU', { sku: report.scope.sku ?? '', supplier: supplier(report) })
        : ct('scopeSUPPLIER', { supplier: supplier(report) });
  // A correction (a delay withdrawn, a receipt reversed) ran through the same cascade and is listed with the delays.
  const scope = (report: ReportFragment) =>
    report.kind === 'DELAY' ? where(report) : `${label('kind', report.kind)}: ${where(report)}`;
  const change = (report: ReportFragment) =>
    report.kind !== 'DELAY'
      ? ct('changeBack')
      : report.daysLate !== null
        ? ct('changeDays', { days: report.daysLate })
        : ct('changeDate', { day: report.newDate ? day(report.newDate) : ct('none') });
  // A correction gives customers no reason: its note alone says what it did.
  const reason = (report: ReportFragment) => {
    if (report.kind !== 'DELAY' && noteText(report)) {
      return null;
    }
    const known = reasons.find((r) => r.code === report.reasonCode);
    return known ? reasonText(known) : report.reasonText || ct('none');
  };
  return (
    <section aria-labelledby="past-delays-title">
      <h2 id="past-delays-title">{ct('pastDelays')}</h2>
      {reports.length === 0 ? (
        <p>{ct('noDelays')}</p>
      ) : (
        <>
          <p className="hint">{ct('timesLocal', { zone: timeZone() })}</p>
          <div ref={setSlot} className="withdrawal" tabIndex={-1} />
          <div className="scroll" tabIndex={0} role="region" aria-labelledby="past-delays-title">
            <table aria-labelledby="past-delays-title" className="stacks">
              <thead>
                <tr>
                  <th scope="col">{ct('colWhen')}</th>
                  <th scope="col">{ct('colScope')}</th>
                  <th scope="col">{ct('colChange')}</th>
                  <th scope="col">{ct('colReason')}</th>
                  <th scope="col">{ct('colBy')}</th>
                  <th scope="col">{ct('colProgress')}</th>
                  <th scope="col">{ct('colCorrect')}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((report) => (
                  <tr key={report.id}>
                    <td data-label={ct('colWhen')}>{time(report.createdAt)}</td>
                    <td data-label={ct('colScope')}>
                      <WholeCodes text={scope(report)} />
                    </td>
                    <td data-label={ct('colChange')}>{change(report)}</td>
                    <td data-label={ct('colReason')}>
                      {reason(report)}
                      {noteText(report) && (
                        <em>
                          {reason(report) === null ? '' : ' — '}
                          {ct('noteShort')}: {noteText(report)}
                        </em>
                      )}
                    </td>
                    <td data-label={ct('colBy')} className="nowrap">
                      {report.createdBy}
                    </td>
                    <td data-label={ct('colProgress')}>
                      {report.state === 'DONE' ? (
                        <Progress report={report} />
                      ) : (
                        <RunningProgress id={report.id} initial={report} onDone={onChanged} />
                      )}
                      <Reached report={report} />
                    </td>
                    <td>
                      <WithdrawDelay
                        report={report}
                        scope={`${scope(report)}, ${change(report)}, ${time(report.createdAt)}, ${report.createdBy}`}
                        open={open === report.id}
                        onOpen={setOpen}
                        onDone={onWithdrawn}
                        slot={slot}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** How far a cascade got, in the list of delays. */
function Progress({ report }: { report: ReportFragment }) {
  return (
    <>
      {ct('reportProgress', {
        processed: report.processedOrders,
        total: report.totalOrders,
        moved: report.movedLines,
        orders: report.movedOrders,
      })}{' '}
      ({ct(report.state === 'DONE' ? 'reportDone' : 'reportRunning')})
    </>
  );
}

/**
 * A cascade still running in the list of delays (a withdrawal, say, that runs in the background): its report alone
 * is read again until it is done, and then the list.
 */
function RunningProgress({ id, initial, onDone }: { id: string; initial: ReportFragment; onDone: () => void }) {
  const progress = useReportUntilDone(id, 1000, onDone);
  return <Progress report={progress.data?.delayReport ?? initial} />;
}

/** Whom a delay reached: the orders of its preview's sample, each a link, and how many more there were. */
function Reached({ report }: { report: ReportFragment }) {
  const orders = [...new Map(report.preview.sample.map((moved) => [moved.orderNumber, moved])).values()];
  if (orders.length === 0) {
    return null;
  }
  return (
    <details>
      <summary>{ct('reportReached')}</summary>
      <ul>
        {orders.map((moved) => (
          <li key={moved.orderNumber}>
            <OrderLink order={moved.orderNumber} /> — {moved.customerName}: {moved.lineName}
          </li>
        ))}
      </ul>
      {report.movedOrders > orders.length && <p>{ct('reportMore', { count: report.movedOrders - orders.length })}</p>}
    </details>
  );
}
