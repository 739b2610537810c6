import { useEffect, useRef, useState } from 'react';
import {
  DecideRefundDocument,
  DelayReasonTextsDocument,
  RefundQueueDocument,
  type RefundQueueQuery,
} from '../generated/graphql';
import { request } from './client';
import { useQuery } from './api';
import { Failure, FieldError } from './errors';
import { amounts, day, hasMarkup, itemList, money } from './format';
import { ct, customerLanguage } from './messages';
import { OrderLink } from './OrderLink';
import { reasonForAgent } from './reasons';
import { Review } from './Review';
import { useOrderChanges } from './useOrderChanges';

type Item = RefundQueueQuery['refundQueue'][number];
type Decision = { approve: boolean; refundIds: string[]; reason: string };
type Outcome = { decided: string[]; failed: { order: string; message: string }[]; approve: boolean };

/** What a set of refunds comes to, per currency: never added across currencies. */
function total(items: readonly Item[]): string {
  const sums = new Map<string, number>();
  items.forEach((item) => sums.set(item.currency, (sums.get(item.currency) ?? 0) + Number(item.refund.amount)));
  return amounts([...sums].map(([currency, amount]) => ({ currency, amount: amount.toFixed(2) })));
}

/**
 * Open refund requests, oldest first: approve (paying back through the payment provider) or reject, one or several
 * at once, with the reason the customers read, after saying exactly how much goes back to whom.
 */
export function RefundsPanel() {
  const queue = useQuery(RefundQueueDocument, {});
  const reasons = useQuery(DelayReasonTextsDocument, {}).data?.delayReasons ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<Decision | null>(null);
  const [missingReason, setMissingReason] = useState(false);
  const [taggedReason, setTaggedReason] = useState(false);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reasonField = useRef<HTMLInputElement>(null);
  const { reload } = queue;

  // A customer asking for a refund (or another agent deciding one) shows by itself: at most one reload a second,
  // however many orders change (a delay moves thousands).
  const reloading = useRef<number | null>(null);
  useOrderChanges(() => {
    if (reloading.current === null) {
      reloading.current = window.setTimeout(() => {
        reloading.current = null;
        reload();
      }, 1000);
    }
  });
  useEffect(() => () => window.clearTimeout(reloading.current ?? undefined), []);

  const items = queue.data?.refundQueue ?? [];
  const chosen = items.filter((item) => selected.includes(item.refund.id));
  // A review belongs to the refunds and reason it was made for. While it runs, the queue may already show some of
  // them decided; the review stays until the outcome replaces it, and nothing can be chosen meanwhile, as the outcome
  // clears the choice.
  const current =
    decision &&
    (running || (decision.reason === reason && decision.refundIds.join() === chosen.map((i) => i.refund.id).join()))
      ? decision
      : null;

  // Declining says why, in the agent's words; paying back may say only the amount, in each customer's language.
  const ask = (approve: boolean) => {
    setOutcome(null);
    const missing = !approve && reason.trim() === '';
    // What the customer reads is plain text: a tag would reach them as typed, and the API refuses it.
    const tagged = hasMarkup(reason);
    setMissingReason(missing);
    setTaggedReason(tagged);
    if (missing || tagged) {
      // Said under the field, where the keyboard goes to write it.
      reasonField.current?.focus();
    }
    setDecision(missing || tagged ? null : { approve, refundIds: chosen.map((item) => item.refund.id), reason });
  };

  const decide = async ({ approve, reason: told }: Decision) => {
    setRunning(true);
    const result: Outcome = { decided: [], failed: [], approve };
    for (const item of chosen) {
      try {
        const data = await request(DecideRefundDocument, {
          input: { orderNumber: item.orderNumber, refundId: item.refund.id, approve, reason: told },
        });
        const error = data.decideRefund.errors[0];
        if (error) {
          result.failed.push({ order: item.orderNumber, message: error.message });
        } else {
          result.decided.push(item.orderNumber);
        }
      } catch (error) {
        result.failed.push({ order: item.orderNumber, message: (error as Error).message });
      }
    }
    setRunning(false);
    setDecision(null);
    setSelected([]);
    setReason('');
    setOutcome(result);
    reload();
  };

  const single = chosen.length === 1 ? chosen[0] : null;
  // The reason goes to each customer as written: the languages they read are said before it is written.
  const languages = [...new Set(chosen.map((item) => customerLanguage(item.customerLocale)))];
  const readIn = ct('reasonLanguages', { count: chosen.length, languages: itemList(languages) });
  const reasonErrors = [
    ...(missingReason && !reason.trim() ? [{ code: 'REQUIRED', field: 'reason', message: ct('reasonNeeded') }] : []),
    ...(taggedReason && hasMarkup(reason) ? [{ code: 'MARKUP', field: 'reason', message: ct('reasonPlain') }] : []),
  ];
  const plain = (current?.reason ?? '').trim() === '';
  return (
    <section aria-labelledby="refunds-title" className="panel">
      <h1 id="refunds-title">{ct('tabRefunds')}</h1>
      <Failure error={queue.error} />
      {queue.data && items.length === 0 && <p>{ct('noRefunds')}</p>}
      {items.length > 0 && (
        <ul className="found">
          {items.map((item) => (
            <li key={item.refund.id}>
              <label className="option">
                <input
                  type="checkbox"
                  disabled={running}
                  aria-label={ct('selectRefund', {
                    order: item.orderNumber,
                    amount: money(item.refund.amount, item.currency),
                    lines: item.items.join('; '),
                  })}
                  checked={selected.includes(item.refund.id)}
                  onChange={(event) => {
                    // A new choice begins: the outcome of the last decision is not about it.
                    setOutcome(null);
                    setSelected(
                      event.target.checked
                        ? [...selected, item.refund.id]
                        : selected.filter((id) => id !== item.refund.id),
                    );
                  }}
                />
                <span>
                  {ct('refundLine', {
                    order: item.orderNumber,
                    customer: item.customerName,
                    language: customerLanguage(item.customerLocale),
                    amount: money(item.refund.amount, item.currency),
                    lines: item.items.join('; '),
                    at: day(item.refund.requestedAt.slice(0, 10)),
                  })}
                </span>
              </label>
              {/* Why it is asked for: how late against what the customer was promised. */}
              <p data-testid="refund-lateness">
                {item.daysLate > 0
                  ? ct('refundLate', { date: day(item.promisedBy), days: item.daysLate })
                  : ct('refundNotLate', { date: day(item.promisedBy) })}
              </p>
              {item.delayReasons.length > 0 && (
                <p>
                  {ct('delayBehind', {
                    reasons: item.delayReasons.map((reason) => reasonForAgent(reason, reasons)).join('; '),
                  })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && (
        <section aria-labelledby="bulk-title" className="subpanel">
          <h2 id="bulk-title">{ct('bulkTitle')}</h2>
          <p>{ct('bulkSelected', { count: chosen.length, amount: total(chosen) })}</p>
          <label>
            {ct('decisionReason')}
            <input
              ref={reasonField}
              value={reason}
              disabled={running}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={reasonErrors.length > 0 || undefined}
              aria-describedby={
                reasonErrors.length > 0 ? 'refund-reason-error refund-reason-languages' : 'refund-reason-languages'
              }
            />
          </label>
          <p className="hint" id="refund-reason-languages">
            {readIn}
          </p>
          <FieldError id="refund-reason-error" errors={reasonErrors} />
          <div className="actions">
            <button type="button" disabled={running} onClick={() => ask(true)}>
              {single ? ct('approve') : ct('bulkApprove')}
            </button>
            <button type="button" className="danger" disabled={running} onClick={() => ask(false)}>
              {single ? ct('reject') : ct('bulkReject')}
            </button>
          </div>
          {current && (
            <Review
              testId="refund-review"
              running={running}
              onCancel={() => setDecision(null)}
              onConfirm={() => void decide(current)}
              confirm={
                single
                  ? current.approve
                    ? ct('confirmApprove', { amount: money(single.refund.amount, single.currency) })
                    : ct('confirmReject')
                  : ct(current.approve ? 'bulkConfirmApprove' : 'bulkConfirmReject', { count: chosen.length })
              }
            >
              {endedOnce(
                single
                  ? ct(current.approve ? (plain ? 'approveReviewPlain' : 'approveReview') : 'rejectReview', {
                      amount: money(single.refund.amount, single.currency),
                      customer: single.customerName,
                      order: single.orderNumber,
                      reason: current.reason,
                    })
                  : ct(
                      current.approve ? (plain ? 'bulkApproveReviewPlain' : 'bulkApproveReview') : 'bulkRejectReview',
                      {
                        count: chosen.length,
                        amount: total(chosen),
                        reason: current.reason,
                      },
                    ),
              )}
              {languages.length > 1 && <p className="caveat">{readIn}</p>}
            </Review>
          )}
        </section>
      )}
      {outcome && (
        <div role="status" data-testid="refund-outcome">
          {outcome.decided.length > 0 && (
            <p>
              {ct('bulkDone', {
                count: outcome.decided.length,
                decision: ct(outcome.approve ? 'decidedApproved' : 'decidedRejected'),
              })}{' '}
              {outcome.decided.map((order, index) => (
                <span key={order + index}>
                  {index > 0 && ', '}
                  <OrderLink order={order} />
                </span>
              ))}
            </p>
          )}
          {outcome.failed.length > 0 && (
            <p className="error">
              {ct('bulkFailed', {
                orders: outcome.failed.map((failure) => `${failure.order} (${failure.message})`).join('; '),
              })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * A review that quotes the customer's reason at its end closes with a full stop after the quotation mark, unless the
 * reason ends a sentence itself: “Sorry for the long wait.” then needs no second one.
 */
function endedOnce(review: string): string {
  return review.replace(/([.!?…])([”“"»«])\.$/u, '$1$2');
}
