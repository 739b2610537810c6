import { useId, useState } from 'react';
import type { Translate } from '../i18n/i18n';
import { requestTrackingLink } from './api';

/**
 * "Find my order" for a customer whose link is lost or dead: the order number and the e-mail or phone the order was
 * placed with. The link goes to that contact, never to the screen, and the page says the same whatever matched.
 */
export function FindOrder({ t }: { t: Translate }) {
  const [number, setNumber] = useState('');
  const [contact, setContact] = useState('');
  const [status, setStatus] = useState<'idle' | 'sending' | 'sent' | 'limited' | 'failed'>('idle');
  const titleId = useId();
  const numberId = useId();
  const contactId = useId();

  const submit = () => {
    setStatus('sending');
    requestTrackingLink(number.trim(), contact.trim())
      .then((outcome) => setStatus(outcome === 'accepted' ? 'sent' : outcome === 'RATE_LIMITED' ? 'limited' : 'failed'))
      .catch(() => setStatus('failed'));
  };

  return (
    <section className="find-order notice" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('find.title')}</h2>
      <p>{t('find.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor={numberId}>{t('find.number')}</label>
        <input id={numberId} required maxLength={200} value={number} onChange={(event) => setNumber(event.target.value)} />
        <label htmlFor={contactId}>{t('find.contact')}</label>
        <input
          id={contactId}
          required
          maxLength={200}
          autoComplete="email"
          value={contact}
          onChange={(event) => setContact(event.target.value)}
        />
        <div className="actions">
          <button type="submit" disabled={status === 'sending'}>
            {t('find.send')}
          </button>
        </div>
      </form>
      <p aria-live="polite" data-testid="find-status" className={status === 'sent' ? 'find-sent' : 'error'}>
        {status === 'sent' && t('find.sent')}
        {status === 'limited' && t('find.limited')}
        {status === 'failed' && t('error.generic')}
      </p>
    </section>
  );
}
