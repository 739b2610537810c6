import { useState } from 'react';
import {
  HeldMessagesDocument,
  MessagePreviewsDocument,
  OutboxDocument,
  ResendMessageDocument,
  StuckOrdersDocument,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { Failure, FormErrors, type UserError } from './errors';
import { time, timeZone } from './format';
import type { Language } from '../i18n/messages';
import { CustomerLanguageSelect } from './CustomerLanguageSelect';
import { atStart, ct, label } from './messages';

/** Every message sent to customers and what became of it; admins also see the templates rendered. */
export function MessagesPanel({ admin }: { admin: boolean }) {
  // Refreshing reads the outbox, the held news and the orders set aside again.
  const [refreshes, setRefreshes] = useState(0);

  return (
    <section aria-labelledby="outbox-title" className="panel">
      <h1 id="outbox-title">{ct('outboxTitle')}</h1>
      <p>{ct('outboxIntro')}</p>
      <button type="button" className="secondary" onClick={() => setRefreshes((count) => count + 1)}>
        {ct('refresh')}
      </button>
      <Outbox key={`outbox-${refreshes}`} label={ct('outboxTitle')} />
      <HeldMessages key={`held-${refreshes}`} />
      <StuckOrders key={`stuck-${refreshes}`} />
      {admin && <TemplatePreviews />}
    </section>
  );
}

/**
 * The messages sent, newest first, and what became of each; a failed one can be sent again. All customers', or one
 * order's (on the order's page).
 */
export function Outbox({ orderNumber, label: name }: { orderNumber?: string; label: string }) {
  const loaded = useQuery(OutboxDocument, { orderNumber: orderNumber ?? null });
  const outbox = loaded.data?.outbox;
  const [resendMessage, resending] = useMutation(ResendMessageDocument);
  const [refused, setRefused] = useState<{ id: string; errors: UserError[] } | null>(null);

  const resend = async (id: string) => {
    const data = await resendMessage({ id });
    if (data) {
      setRefused({ id, errors: data.resendMessage.errors });
      loaded.reload();
    }
  };

  return (
    <>
      <Failure error={loaded.error} />
      <Failure error={resending.error} />
      {outbox && outbox.length === 0 && <p>{ct(orderNumber ? 'outboxEmptyOrder' : 'outboxEmpty')}</p>}
      {outbox && outbox.length >= OUTBOX_SHOWN && <p className="hint">{ct('outboxMore', { shown: OUTBOX_SHOWN })}</p>}
      {/* An empty list is not announced beside the sentence that says there is nothing. */}
      {outbox && outbox.length > 0 && (
        <ul className="found" aria-label={name}>
          {outbox.map((message) => (
            <li key={message.id} data-status={message.status}>
              <p>
                <strong>{message.subject}</strong>
              </p>
              <p>
                {ct('outboxLine', {
                  channel: label('channel', message.channel),
                  recipient: message.recipient,
                  order: message.orderNumber,
                  kind: label('messageKind', message.kind),
                })}
              </p>
              <p>
                {ct('outboxStatus', { status: label('outboxStatus', message.status) })}
                {message.attempts ? ` · ${ct('outboxAttempts', { attempts: message.attempts })}` : ''}
                {message.deliveryStatus ? ` · ${ct('outboxDelivery', { status: message.deliveryStatus })}` : ''}
                {message.error ? ` · ${message.error}` : ''}
              </p>
              {message.uncertain && <p className="warning">{ct('outboxUncertain')}</p>}
              <details>
                <summary>{ct('outboxRead', { time: time(message.createdAt) })}</summary>
                <p className="message-text">{message.text}</p>
              </details>
              {(message.status === 'FAILED' || message.status === 'RETRYING') && (
                <button type="button" disabled={resending.running} onClick={() => void resend(message.id)}>
                  {ct('resend')}
                </button>
              )}
              {refused?.id === message.id && <FormErrors errors={refused.errors} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const HELD_SHOWN = 100;

/** How many of the newest messages the list asks for (console.graphql's outbox query). */
const OUTBOX_SHOWN = 100;

/** News waiting for the end of a customer's quiet hours: not in the outbox until it goes. */
function HeldMessages() {
  const loaded = useQuery(HeldMessagesDocument, {});
  // One more is asked for than is shown, so that a list cut short says so.
  const held = loaded.data?.heldMessages.slice(0, HELD_SHOWN);
  const more = (loaded.data?.heldMessages.length ?? 0) > HELD_SHOWN;

  return (
    <section aria-labelledby="held-title">
      <h2 id="held-title">{ct('heldTitle')}</h2>
      <p>{ct('heldIntro')}</p>
      <p className="hint">{ct('timesLocal', { zone: timeZone() })}</p>
      <Failure error={loaded.error} />
      {held && held.length === 0 && <p>{ct('heldNone')}</p>}
      {held && held.length > 0 && (
        <ul className="found" aria-label={ct('heldTitle')}>
          {held.map((message) => (
            <li key={`${message.orderNumber}-${message.kind}-${message.createdAt}`} data-order={message.orderNumber}>
              {ct('heldLine', {
                order: message.orderNumber,
                customer: message.customerName,
                kind: label('messageKind', message.kind),
                held: time(message.createdAt),
                time: time(message.sendsAt),
                zone: message.timeZone,
              })}
            </li>
          ))}
        </ul>
      )}
      {more && <p className="hint">{ct('heldMore', { shown: HELD_SHOWN })}</p>}
    </section>
  );
}

/** Orders background work could not change: set aside, tried again later, named here so that someone looks. */
function StuckOrders() {
  const loaded = useQuery(StuckOrdersDocument, {});
  const stuck = loaded.data?.stuckOrders;

  return (
    <section aria-labelledby="stuck-title">
      <h2 id="stuck-title">{ct('stuckTitle')}</h2>
      <p>{ct('stuckIntro')}</p>
      <Failure error={loaded.error} />
      {stuck && stuck.length === 0 && <p>{ct('stuckNone')}</p>}
      {stuck && stuck.length > 0 && (
        <ul className="found" aria-label={ct('stuckTitle')}>
          {stuck.map((order) => (
            <li key={`${order.orderNumber}-${order.work}`} data-work={order.work}>
              <p>
                <strong>{order.orderNumber}</strong> · {ct(`stuckWork${order.work}`)}
              </p>
              <p>
                {ct('stuckFailures', {
                  failures: order.failures,
                  retry: new Date(order.retryAt).toLocaleString(),
                })}
              </p>
              <p className="message-text">{order.error}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TemplatePreviews() {
  const [language, setLanguage] = useState<Language>('en');
  const loaded = useQuery(MessagePreviewsDocument, { language });
  const previews = loaded.data?.messagePreviews;

  return (
    <section aria-labelledby="previews-title">
      <h2 id="previews-title">{ct('previewsTitle')}</h2>
      <p>{ct('previewsIntro')}</p>
      <Failure error={loaded.error} />
      <CustomerLanguageSelect label={ct('previewsLanguage')} value={language} onChange={setLanguage} />
      <ul className="found" aria-label={ct('previewsTitle')}>
        {previews?.map((preview) => (
          <li key={`${preview.kind}-${preview.channel}`}>
            <p>
              <strong data-kind={preview.kind}>{atStart(label('messageKind', preview.kind))}</strong> ·{' '}
              {preview.channel === 'SMS' ? ct('previewSegments', { segments: preview.segments }) : ct('previewEmail')}
            </p>
            {preview.channel === 'EMAIL' && <p>{preview.subject}</p>}
            <p className="message-text">{preview.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
