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
  // What the customer just ticked shows at once, while it is being saved; the boxes wait for that save, so that two
  // saves never cross (the first one's answer would untick what the second ticked).
  const [pending, setPending] = useState<{ email: boolean; sms: boolean } | null>(null);
  const { contact } = order;
  const shown = pending ?? { email: contact.emailMessages, sms: contact.smsMessages };
  // The boxes wait for a save without being disabled: a disabled box would drop the focus of the customer who just
  // ticked it, and their next Space or Tab would start from the top of the page.
  const saving = status === 'saving';

  const choose = (email: boolean, sms: boolean) => {
    if (saving) {
      return;
    }
    setStatus('saving');
    setPending({ email, sms });
    chooseMessageChannels(token, email, sms)
      .then((outcome) => {
        if ('order' in outcome) {
          onChange(outcome.order);
          setStatus('saved');
        } else {
          setStatus('failed');
        }
      })
      .catch(() => setStatus('failed'))
      .finally(() => setPending(null));
  };

  return (
    <fieldset className="messages">
      <legend>{t('messages.title')}</legend>
      <p>{t('messages.intro')}</p>
      <label className="option">
        <input
          type="checkbox"
          checked={shown.email}
          aria-disabled={saving || undefined}
          onChange={(event) => choose(event.target.checked, shown.sms)}
        />
        <span>{t('messages.email', { email: contact.email })}</span>
      </label>
      {contact.phone && (
        <label className="option">
          <input
            type="checkbox"
            checked={shown.sms}
            aria-disabled={saving || undefined}
            onChange={(event) => choose(shown.email, event.target.checked)}
          />
          <span>{t('messages.sms', { phone: contact.phone })}</span>
        </label>
      )}
      {!shown.email && !(contact.phone && shown.sms) && (
        <p className="hint" data-testid="no-messages">
          {t('messages.none')}
        </p>
      )}
      <p className="hint">{t('messages.codes')}</p>
      <p role="status" aria-live="polite">
        {/* What was saved, said back from the order as saved: "Saved." alone would not say which box changed. */}
        {status === 'saved' &&
          t(contact.phone ? 'messages.savedBoth' : 'messages.savedEmail', {
            email: t(contact.emailMessages ? 'messages.on' : 'messages.off'),
            sms: t(contact.smsMessages ? 'messages.on' : 'messages.off'),
          })}
        {status === 'failed' && t('messages.failed')}
      </p>
    </fieldset>
  );
}
