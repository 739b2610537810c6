import { useEffect, useRef, useState } from 'react';
import { DecideRefundDocument, RefundQueueDocument } from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { Failure, FormErrors, type UserError } from './errors';
import { ct } from './messages';
import { useOrderChanges } from './useOrderChanges';

/** Open refund requests, oldest first: approve (refunds through the payment provider) or reject, with a reason. */
export function RefundsPanel() {
  const queue = useQuery(RefundQueueDocument, {});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<{ refundId: string; errors: UserError[] } | null>(null);
  const [decide, deciding] = useMutation(DecideRefundDocument);
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

  const decideOne = async (orderNumber: string, refundId: string, approve: boolean) => {
    const data = await decide({ input: { orderNumber, refundId, approve, reason: reasons[refundId] ?? '' } });
    if (data) {
      setRefused(data.decideRefund.errors.length > 0 ? { refundId, errors: data.decideRefund.errors } : null);
      reload();
    }
  };

  return (
    <section aria-labelledby="refunds-title" className="panel">
      <h1 id="refunds-title">{ct('tabRefunds')}</h1>
      <Failure error={queue.error} />
      <Failure error={deciding.error} />
      {queue.data && queue.data.refundQueue.length === 0 && <p>{ct('noRefunds')}</p>}
      <ul className="found">
        {queue.data?.refundQueue.map((item) => (
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
              <button
                type="button"
                disabled={deciding.running}
                onClick={() => void decideOne(item.orderNumber, item.refund.id, true)}
              >
                {ct('approve')}
              </button>
              <button
                type="button"
                className="danger"
                disabled={deciding.running}
                onClick={() => void decideOne(item.orderNumber, item.refund.id, false)}
              >
                {ct('reject')}
              </button>
            </div>
            {refused?.refundId === item.refund.id && <FormErrors errors={refused.errors} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
