import { useState } from 'react';
import type { Translate } from '../i18n/i18n';
import { chooseMessageChannels, type CustomerOrder } from './api';

type Props = {
  order: CustomerOrder;
  token: string;
  t: Translate;
  onChange: (order: CustomerOrder) => void;
};

/** How messages about the order reach the customer: e-mail, SMS, both or neither. */
export function MessagesPanel({ order, token, t, onChange }: Props) {
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const { contact } = order;

  const choose = (email: boolean, sms: boolean) => {
    setStatus('saving');
    chooseMessageChannels(token, email, sms)
      .then((outcome) => {
        if ('order' in outcome) {
          onChange(outcome.order);
          setStatus('saved');
        } else {
          setStatus('failed');
        }
      })
      .catch(() => setStatus('failed'));
  };

  return (
    <fieldset className="messages" disabled={status === 'saving'}>
      <legend>{t('messages.title')}</legend>
      <p>{t('messages.intro')}</p>
      <label className="option">
        <input
          type="checkbox"
          checked={contact.emailMessages}
          onChange={(event) => choose(event.target.checked, contact.smsMessages)}
        />
        <span>{t('messages.email', { email: contact.email })}</span>
      </label>
      {contact.phone && (
        <label className="option">
          <input
            type="checkbox"
            checked={contact.smsMessages}
            onChange={(event) => choose(contact.emailMessages, event.target.checked)}
          />
          <span>{t('messages.sms', { phone: contact.phone })}</span>
        </label>
      )}
      <p className="hint">{t('messages.codes')}</p>
      <p role="status" aria-live="polite">
        {status === 'saved' && t('messages.saved')}
        {status === 'failed' && t('messages.failed')}
      </p>
    </fieldset>
  );
}
