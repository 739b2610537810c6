import { useCallback, useEffect, useState } from 'react';
import type {
  MessagePreviewsQuery,
  OutboxQuery,
  ResendMessageMutation,
  StuckOrdersQuery,
} from '../generated/graphql';
import { graphql } from '../graphql';
import CONSOLE from './console.graphql?raw';
import { ct } from './messages';

const LANGUAGES = ['en', 'da', 'de', 'pl'];

/** Every message sent to customers and what became of it; admins also see the templates rendered. */
export function MessagesPanel({ token, admin }: { token: string; admin: boolean }) {
  const [outbox, setOutbox] = useState<OutboxQuery['outbox'] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(
    () =>
      graphql<OutboxQuery, object>(CONSOLE, {}, 'Outbox', token)
        .then((data) => setOutbox(data.outbox))
        .catch((error: Error) => setFailure(error.message)),
    [token],
  );
  useEffect(() => {
    load();
  }, [load]);

  const resend = (id: string) =>
    graphql<ResendMessageMutation, object>(CONSOLE, { id }, 'ResendMessage', token).then((data) => {
      setFailure(data.resendMessage.errors[0]?.message ?? null);
      return load();
    });

  return (
    <section aria-labelledby="outbox-title" className="panel">
      <h1 id="outbox-title">{ct('outboxTitle')}</h1>
      <p>{ct('outboxIntro')}</p>
      <button type="button" className="secondary" onClick={() => load()}>
        {ct('refresh')}
      </button>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {outbox && outbox.length === 0 && <p>{ct('outboxEmpty')}</p>}
      <ul className="found" aria-label={ct('outboxTitle')}>
        {outbox?.map((message) => (
          <li key={message.id} data-status={message.status}>
            <p>
              <strong>{message.subject}</strong>
            </p>
            <p>
              {ct('outboxLine', {
                channel: message.channel,
                recipient: message.recipient,
                order: message.orderNumber,
                kind: message.kind,
              })}
            </p>
            <p>
              {ct('outboxStatus', { status: message.status })}
              {message.attempts ? ` · ${ct('outboxAttempts', { attempts: message.attempts })}` : ''}
              {message.deliveryStatus ? ` · ${ct('outboxDelivery', { status: message.deliveryStatus })}` : ''}
              {message.error ? ` · ${message.error}` : ''}
            </p>
            {message.uncertain && <p className="warning">{ct('outboxUncertain')}</p>}
            <details>
              <summary>{message.createdAt.slice(0, 16).replace('T', ' ')}</summary>
              <p className="message-text">{message.text}</p>
            </details>
            {(message.status === 'FAILED' || message.status === 'RETRYING') && (
              <button type="button" onClick={() => resend(message.id)}>
                {ct('resend')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <StuckOrders token={token} />
      {admin && <TemplatePreviews token={token} />}
    </section>
  );
}

/** Orders background work could not change: set aside, tried again later, named here so that someone looks. */
function StuckOrders({ token }: { token: string }) {
  const [stuck, setStuck] = useState<StuckOrdersQuery['stuckOrders'] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    graphql<StuckOrdersQuery, object>(CONSOLE, {}, 'StuckOrders', token)
      .then((data) => setStuck(data.stuckOrders))
      .catch((error: Error) => setFailure(error.message));
  }, [token]);

  return (
    <section aria-labelledby="stuck-title">
      <h2 id="stuck-title">{ct('stuckTitle')}</h2>
      <p>{ct('stuckIntro')}</p>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
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

function TemplatePreviews({ token }: { token: string }) {
  const [language, setLanguage] = useState('en');
  const [previews, setPreviews] = useState<MessagePreviewsQuery['messagePreviews'] | null>(null);

  useEffect(() => {
    graphql<MessagePreviewsQuery, object>(CONSOLE, { language }, 'MessagePreviews', token).then((data) =>
      setPreviews(data.messagePreviews),
    );
  }, [language, token]);

  return (
    <section aria-labelledby="previews-title">
      <h2 id="previews-title">{ct('previewsTitle')}</h2>
      <p>{ct('previewsIntro')}</p>
      <label>
        {ct('previewsLanguage')}
        <select value={language} onChange={(event) => setLanguage(event.target.value)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <ul className="found" aria-label={ct('previewsTitle')}>
        {previews?.map((preview) => (
          <li key={`${preview.kind}-${preview.channel}`}>
            <p>
              <strong>{preview.kind}</strong> ·{' '}
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
