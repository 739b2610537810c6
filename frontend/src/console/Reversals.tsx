import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  PreviewReverseReceiptDocument,
  PreviewWithdrawDelayDocument,
  ReceiptsOfDocument,
  ReverseReceiptDocument,
  WithdrawDelayDocument,
  type MoveBackFragment,
  type ReportFragment,
  type ReversalViewFragment,
  type ReverseReceiptMutation,
  type WithdrawalViewFragment,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { Failure, FormErrors, type UserError } from './errors';
import { day, receiptsOf, time, unitsList } from './format';
import { ct } from './messages';
import { LongList } from './LongList';
import { OrderLink } from './OrderLink';
import { Review } from './Review';
import { useReportUntilDone } from './reports';

/** The dates a correction (or a supplier's confirmed arrival) moves, one line each, with a link to the order. */
export function Moves({ preview }: { preview: MoveBackFragment }) {
  if (preview.sample.length === 0) {
    return null;
  }
  const unlisted = preview.lines - preview.sample.length;
  return (
    <>
      {/* A promise broken is said before the list, as a delay's review says it: those customers may cancel. */}
      {preview.linesNowLate > 0 && (
        <p data-testid="moves-now-late">{ct('movesNowLate', { count: preview.linesNowLate })}</p>
      )}
      <LongList count={preview.sample.length}>
        <ul className="links">
          {preview.sample.map((move) => (
            <li key={`${move.orderNumber}/${move.lineId}`}>
              <OrderLink order={move.orderNumber} />{' '}
              {ct('moveLine', {
                customer: move.customerName,
                line: move.lineName,
                from: day(move.from),
                to: day(move.to),
              })}
              {/* Its own date moves, the day its order arrives together does not: its customer is not told. */}
              {move.from === move.to && ct('notToldOneDelivery')}
            </li>
          ))}
        </ul>
      </LongList>
      {/* More than a review lists: said, so that the list is not taken for all of them. */}
      {unlisted > 0 && <p>{ct('movesMore', { count: unlisted })}</p>}
    </>
  );
}

/** What reversing a receipt does, said in full: the purchase order, the lines back to waiting, the dates that move. */
function ReversalSummary({ reversal }: { reversal: ReversalViewFragment }) {
  return (
    <>
      <p>
        {ct('reverseReceiptReview', {
          items: unitsList(reversal.quantities),
          day: day(reversal.receivedOn),
          po: reversal.purchaseOrder,
        })}{' '}
        {reversal.reopens && ct('reverseReopens', { po: reversal.purchaseOrder })}
      </p>
      {reversal.linesBack.length === 0 ? (
        <p>{ct('reverseNoLinesBack')}</p>
      ) : (
        <>
          <p>{ct('reverseLinesBack', { count: reversal.linesBack.length, po: reversal.purchaseOrder })}</p>
          <ul className="links" data-testid="lines-back">
            {reversal.linesBack.map((line) => (
              <li key={`${line.orderNumber}/${line.lineId}`}>
                <OrderLink order={line.orderNumber} /> {ct('lineBack', { name: line.lineName })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>{ct('reverseDates', { date: day(reversal.arrival), customers: reversal.preview.customers })}</p>
      <Moves preview={reversal.preview} />
    </>
  );
}

/**
 * The receipts of a purchase order, open or already received, each of which can be taken back when it was booked
 * against the wrong purchase order: reviewed first, naming every line that goes back to waiting and every customer told.
 */
export function ReceiptReversals({
  initial,
  onReversed,
  onSettled,
}: {
  initial: string;
  /** Called once the receipt is taken back (its lines then move back as its cascade runs). */
  onReversed?: () => void;
  /** Called once that cascade is done and every line waits again. */
  onSettled?: () => void;
}) {
  const [typed, setTyped] = useState(initial);
  const [number, setNumber] = useState(initial);
  const receipts = useQuery(ReceiptsOfDocument, { number }, { skip: number === '' });
  const [previewFor, previewing] = useMutation(PreviewReverseReceiptDocument);
  const [reverse, reversing] = useMutation(ReverseReceiptDocument);
  const [review, setReview] = useState<{ recordedAt: string; reversal: ReversalViewFragment } | null>(null);
  const [errors, setErrors] = useState<{ recordedAt: string; errors: UserError[] } | null>(null);
  const [done, setDone] = useState<ReverseReceiptMutation['reverseReceipt']['reversal']>(null);
  const po = receipts.data?.purchaseOrder;

  const groups = receiptsOf(po?.receipts ?? []);

  const ask = async (recordedAt: string) => {
    setDone(null);
    setReview(null);
    const input = { purchaseOrder: number, recordedAt };
    const result = await previewFor({ input });
    if (result) {
      setErrors({ recordedAt, errors: result.previewReverseReceipt.errors });
      const reversal = result.previewReverseReceipt.reversal;
      setReview(reversal ? { recordedAt, reversal } : null);
    }
  };

  return (
    <section aria-labelledby="reverse-receipt-title">
      <h2 id="reverse-receipt-title">{ct('reverseReceiptsTitle')}</h2>
      <p className="hint">{ct('reverseReceiptsHint')}</p>
      <form
        aria-labelledby="reverse-receipt-title"
        onSubmit={(event) => {
          event.preventDefault();
          setReview(null);
          setErrors(null);
          setNumber(typed.trim());
          receipts.reload();
        }}
      >
        <label>
          {ct('reversalPurchaseOrder')}
          <input value={typed} onChange={(event) => setTyped(event.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" className="secondary">
            {ct('showReceipts')}
          </button>
        </div>
      </form>
      <Failure error={receipts.error} />
      {number && receipts.data && !po && <p>{ct('noSuchPurchaseOrder', { po: number })}</p>}
      {po && groups.size === 0 && <p>{ct('noReceipts', { po: po.number })}</p>}
      {/* Cancelled (what was still to come), it is closed: what came against it stays as it is. */}
      {po && groups.size > 0 && po.status === 'CANCELLED' && <p>{ct('receiptsOfCancelled', { po: po.number })}</p>}
      {po && groups.size > 0 && (
        <ul>
          {[...groups.entries()].map(([recordedAt, lines]) => (
            <li key={recordedAt}>
              {ct('receiptGroup', {
                day: day(lines[0].receivedOn),
                items: unitsList(lines),
                by: lines[0].by,
                at: time(recordedAt),
              })}{' '}
              {po.status !== 'CANCELLED' && (
                <button
                  type="button"
                  className="secondary"
                  disabled={previewing.running}
                  // Two receipts of one day on one purchase order are told apart by what they brought and when.
                  aria-label={ct('reverseReceiptOf', {
                    day: day(lines[0].receivedOn),
                    po: po.number,
                    items: unitsList(lines),
                    at: time(recordedAt),
                  })}
                  onClick={() => void ask(recordedAt)}
                >
                  {ct('reverseReceipt')}
                </button>
              )}
              {errors?.recordedAt === recordedAt && <FormErrors errors={errors.errors} />}
              {review?.recordedAt === recordedAt && (
                <Review
                  testId="reverse-receipt-review"
                  confirm={ct('reverseConfirm', { customers: review.reversal.preview.customers })}
                  danger
                  running={reversing.running}
                  onCancel={() => setReview(null)}
                  onConfirm={async () => {
                    const result = await reverse({ input: { purchaseOrder: number, recordedAt } });
                    setReview(null);
                    if (!result) {
                      return;
                    }
                    setErrors({ recordedAt, errors: result.reverseReceipt.errors });
                    if (result.reverseReceipt.reversal) {
                      setDone(result.reverseReceipt.reversal);
                      receipts.reload();
                      onReversed?.();
                    }
                  }}
                >
                  <ReversalSummary reversal={review.reversal} />
                </Review>
              )}
            </li>
          ))}
        </ul>
      )}
      <Failure error={previewing.error ?? reversing.error} />
      {done?.report && onSettled && <AfterItsCascade id={done.report.id} onDone={onSettled} />}
      {done && (
        <div role="status" data-testid="reverse-receipt-result">
          <p>
            {ct('receiptReversed', {
              po: done.purchaseOrder,
              lines: done.linesBack.length,
              customers: done.preview.customers,
            })}
          </p>
          <ul className="links">
            {done.linesBack.map((line) => (
              <li key={`${line.orderNumber}/${line.lineId}`}>
                <OrderLink order={line.orderNumber} /> {ct('lineBack', { name: line.lineName })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** What withdrawing a delay does, said in full: the purchase orders expected as before, the lines that move back. */
function WithdrawalSummary({ withdrawal, scope }: { withdrawal: WithdrawalViewFragment; scope: string }) {
  return (
    <>
      <p>{ct('withdrawReview', { scope })}</p>
      {withdrawal.arrivals.map((arrival) => (
        <p key={arrival.purchaseOrder}>
          {ct('withdrawArrival', { po: arrival.purchaseOrder, from: day(arrival.from), to: day(arrival.to) })}
        </p>
      ))}
      <p>
        {withdrawal.preview.lines === 0
          ? ct('withdrawNothing')
          : ct('withdrawLines', { lines: withdrawal.preview.lines, customers: withdrawal.preview.customers })}
      </p>
      <Moves preview={withdrawal.preview} />
    </>
  );
}

/**
 * A delay logged by mistake, taken back: the button in its row of past delays, the review naming every date that moves
 * back and every customer told, then the withdrawal.
 */
export function WithdrawDelay({
  report,
  scope,
  open,
  onOpen,
  onDone,
  slot,
}: {
  report: ReportFragment;
  scope: string;
  open: boolean;
  onOpen: (id: string | null) => void;
  onDone: () => void;
  /** Where the review and the result are shown: a place as wide as the list, not the row's narrow cell. */
  slot: HTMLElement | null;
}) {
  const [previewFor, previewing] = useMutation(PreviewWithdrawDelayDocument);
  const [withdraw, withdrawing] = useMutation(WithdrawDelayDocument);
  const [review, setReview] = useState<WithdrawalViewFragment | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [done, setDone] = useState<WithdrawalViewFragment | null>(null);
  // The review and the result appear above the list, maybe far from the row's button (on a phone, off the screen):
  // they are brought into view and given the focus.
  const shown = open && (review !== null || done !== null);
  useEffect(() => {
    if (shown && slot) {
      slot.scrollIntoView?.({ block: 'start' });
      slot.focus({ preventScroll: true });
    }
  }, [shown, slot]);

  if (report.kind !== 'DELAY') {
    return null;
  }
  const result =
    open && done && slot
      ? createPortal(
          <p role="status" data-testid="withdraw-result">
            {ct('withdrawDone', { lines: done.preview.lines, customers: done.preview.customers })}
          </p>,
          slot,
        )
      : null;
  if (report.withdrawnBy || done) {
    return (
      <>
        {ct('withdrawn')}
        {result}
      </>
    );
  }
  if (report.state !== 'DONE') {
    return null;
  }
  const input = { delay: report.id };
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={previewing.running}
        aria-label={ct('withdrawOf', { scope, when: time(report.createdAt) })}
        onClick={async () => {
          setDone(null);
          onOpen(report.id);
          const result = await previewFor({ input });
          if (result) {
            setErrors(result.previewWithdrawDelay.errors);
            setReview(result.previewWithdrawDelay.withdrawal);
          }
        }}
      >
        {ct('withdraw')}
      </button>
      {open &&
        slot &&
        createPortal(
          <>
            <FormErrors errors={errors} />
            {review && (
              <Review
                testId="withdraw-review"
                confirm={ct('withdrawConfirm', { customers: review.preview.customers })}
                danger
                running={withdrawing.running}
                onCancel={() => {
                  setReview(null);
                  onOpen(null);
                }}
                onConfirm={async () => {
                  const result = await withdraw({ input });
                  setReview(null);
                  if (!result) {
                    return;
                  }
                  setErrors(result.withdrawDelay.errors);
                  if (result.withdrawDelay.withdrawal) {
                    setDone(result.withdrawDelay.withdrawal);
                    onDone();
                  }
                }}
              >
                <WithdrawalSummary withdrawal={review} scope={scope} />
              </Review>
            )}
            <Failure error={previewing.error ?? withdrawing.error} />
          </>,
          slot,
        )}
    </>
  );
}

/**
 * Follows a correction's cascade until it is done, then tells the screen once more: what it shows from other queries
 * (lines waiting on a purchase order) only changes as the cascade moves the orders.
 */
function AfterItsCascade({ id, onDone }: { id: string; onDone: () => void }) {
  useReportUntilDone(id, 1000, onDone);
  return null;
}
