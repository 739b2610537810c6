import { useCallback, useEffect, useRef, useState } from 'react';
import type { DecideRefundMutation, RefundQueueQuery } from '../generated/graphql';
import { graphql } from '../graphql';
import CONSOLE from './console.graphql?raw';
import { ct } from './messages';
import { useOrderChanges } from './useOrderChanges';

/** Open refund requests, oldest first: approve (refunds through the payment provider) or reject, with a reason. */
export function RefundsPanel({ token }: { token: string }) {
  const [queue, setQueue] = useState<RefundQueueQuery['refundQueue'] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(
    () => graphql<RefundQueueQuery, object>(CONSOLE, {}, 'RefundQueue', token).then((data) => setQueue(data.refundQueue)),
    [token],
  );
  useEffect(() => {
    load();
  }, [load]);

  // A customer asking for a refund (or another agent deciding one) shows by itself: at most one reload a second,
  // however many orders change (a delay moves thousands).
  const reloading = useRef<number | null>(null);
  useOrderChanges(token, () => {
    if (reloading.current === null) {
      reloading.current = window.setTimeout(() => {
        reloading.current = null;
        load();
      }, 1000);
    }
  });
  useEffect(() => () => window.clearTimeout(reloading.current ?? undefined), []);

  const decide = (orderNumber: string, refundId: string, approve: boolean) =>
    graphql<DecideRefundMutation, object>(
      CONSOLE,
      { input: { orderNumber, refundId, approve, reason: reasons[refundId] ?? '' } },
      'DecideRefund',
      token,
    ).then((data) => {
      setFailure(data.decideRefund.errors[0]?.message ?? null);
      return load();
    });

  return (
    <section aria-labelledby="refunds-title" className="panel">
      <h1 id="refunds-title">{ct('tabRefunds')}</h1>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {queue && queue.length === 0 && <p>{ct('noRefunds')}</p>}
      <ul className="found">
        {queue?.map((item) => (
          <li key={item.refund.id}>
            <p>
              {ct('refundLine', {
                order: item.orderNumber,
                customer: item.customerName,
                amount: item.refund.amount,
                currency: item.currency,
                lines: item.refund.lineIds.join(', '),
                at: item.refund.requestedAt.slice(0, 10),
              })}
            </p>
            {item.delayReasons.length > 0 && <p>{ct('delayBehind', { reasons: item.delayReasons.join('; ') })}</p>}
            <label>
              {ct('decisionReason')}
              <input
                value={reasons[item.refund.id] ?? ''}
                onChange={(event) => setReasons({ ...reasons, [item.refund.id]: event.target.value })}
              />
            </label>
            <div className="actions">
              <button type="button" onClick={() => decide(item.orderNumber, item.refund.id, true)}>
                {ct('approve')}
              </button>
              <button type="button" className="danger" onClick={() => decide(item.orderNumber, item.refund.id, false)}>
                {ct('reject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
