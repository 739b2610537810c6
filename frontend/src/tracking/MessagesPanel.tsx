import { useState } from 'react';
import { languageIn, type Translate } from '../i18n/i18n';
import { LANGUAGES, NATIVE_NAMES, type Language } from '../i18n/messages';
import { chooseMessageChannels, chooseMessageLanguage, type CustomerOrder, type Outcome } from './api';

type Props = {
  order: CustomerOrder;
  token: string;
  /** The language the page is read in, which may not be the messages'. */
  language: Language;
  t: Translate;
  onChange: (order: CustomerOrder) => void;
};

/** How messages about the order reach the customer: e-mail, SMS, both or neither, and in which language. */
export function MessagesPanel({ order, token, language, t, onChange }: Props) {
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'savedLanguage' | 'failed'>('idle');
  // What the customer just ticked shows at once, while it is being saved; the boxes wait for that save, so that two
  // saves never cross (the first one's answer would untick what the second ticked).
  const [pending, setPending] = useState<{ email: boolean; sms: boolean } | null>(null);
  const { contact } = order;
  const shown = pending ?? { email: contact.emailMessages, sms: contact.smsMessages };
  // The boxes wait for a save without being disabled: a disabled box would drop the focus of the customer who just
  // ticked it, and their next Space or Tab would start from the top of the page.
  const saving = status === 'saving';

  /** One save at a time; the order as saved comes back to the page, and the status says what was saved. */
  const save = (call: () => Promise<Outcome>, saved: 'saved' | 'savedLanguage') => {
    if (saving) {
      return;
    }
    setStatus('saving');
    call()
      .then((outcome) => {
        if ('order' in outcome) {
          onChange(outcome.order);
          setStatus(saved);
        } else {
          setStatus('failed');
        }
      })
      .catch(() => setStatus('failed'))
      .finally(() => setPending(null));
  };
  const choose = (email: boolean, sms: boolean) => {
    if (!saving) {
      setPending({ email, sms });
    }
    save(() => chooseMessageChannels(token, email, sms), 'saved');
  };
  const chooseLanguage = (chosen: string) => save(() => chooseMessageLanguage(token, chosen), 'savedLanguage');
  // The messages' language named in the page's: "Polish" on an English page, not "Polski".
  const messagesIn = languageIn(order.locale, language);

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
      <label className="field">
        <span>{t('messages.language')}</span>
        <select value={order.locale} aria-disabled={saving || undefined} onChange={(event) => chooseLanguage(event.target.value)}>
          {LANGUAGES.map((option) => (
            <option key={option} value={option} lang={option}>
              {NATIVE_NAMES[option]}
            </option>
          ))}
        </select>
      </label>
      {language !== order.locale && status !== 'savedLanguage' && (
        <p className="hint" data-testid="messages-language-differs">
          {t('messages.languageDiffers', { language: messagesIn })}
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
        {/* With neither ticked, what that means is said with it, not only beside the boxes. */}
        {status === 'saved' && !contact.emailMessages && !(contact.phone && contact.smsMessages) && (
          <> {t('messages.none')}</>
        )}
        {status === 'savedLanguage' && t('messages.savedLanguage', { language: messagesIn })}
        {status === 'failed' && t('messages.failed')}
      </p>
    </fieldset>
  );
}

