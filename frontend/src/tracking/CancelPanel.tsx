import { useEffect, useId, useRef, useState } from 'react';
import type { VerificationChannel } from '../generated/graphql';
import { formatMoney, type Translate } from '../i18n/i18n';
import type { Language, MessageKey } from '../i18n/messages';
import { cancelLines, requestCode, type CustomerOrder, type UserError } from './api';

type Line = CustomerOrder['lines'][number];

type Props = {
  order: CustomerOrder;
  line: Line;
  token: string;
  language: Language;
  t: Translate;
  onChange: (order: CustomerOrder) => void;
  onClose: () => void;
};

/** Cancelling a line: what happens to the money, then a one-time code to the customer's own contact. */
export function CancelPanel({ order, line, token, language, t, onChange, onClose }: Props) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [smsOff, setSmsOff] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const codeId = useId();
  const amount = formatMoney(line.amount, order.currency, language);
  const title = useRef<HTMLHeadingElement>(null);
  // Opened from the line's button: keyboard focus moves into the panel, at its title.
  useEffect(() => title.current?.focus(), []);

  const explain = (errors: UserError[]) => {
    const known = errors.find((e) => EXPLAINED.has(e.code));
    setError(known ? t(`error.${known.code}` as MessageKey) : t('error.generic'));
  };

  const send = (channel: VerificationChannel) => {
    setBusy(true);
    setError(null);
    requestCode(token, channel)
      .then((outcome) => {
        if ('sentTo' in outcome) {
          setSentTo(outcome.sentTo);
        } else if (outcome.errors.some((e) => e.code === 'SMS_OPTED_OUT')) {
          // Said beside the channel choice, where the e-mail button is the way on.
          setSmsOff(true);
        } else {
          explain(outcome.errors);
        }
      })
      .catch(() => setError(t('error.generic')))
      .finally(() => setBusy(false));
  };

  const confirm = () => {
    setBusy(true);
    setError(null);
    cancelLines(token, [line.id], code.trim())
      .then((outcome) => {
        if ('order' in outcome) {
          onChange(outcome.order);
          onClose();
        } else {
          explain(outcome.errors);
        }
      })
      .catch(() => setError(t('error.generic')))
      .finally(() => setBusy(false));
  };

  return (
    <section
      className="cancel"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h4 id={titleId} ref={title} tabIndex={-1}>
        {t('cancel.title', { name: line.name })}
      </h4>
      <p>{line.payment === 'CAPTURED' ? t('cancel.charged', { amount }) : t('cancel.uncharged', { amount })}</p>
      <p>{t('cancel.codeExplain')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => send('EMAIL')}>
          {t('cancel.sendEmail', { email: order.contact.email })}
        </button>
        {order.contact.phone && !smsOff && (
          <button type="button" disabled={busy} onClick={() => send('SMS')}>
            {t('cancel.sendSms', { phone: order.contact.phone })}
          </button>
        )}
      </div>
      {smsOff && (
        <p className="error" role="alert" data-testid="sms-off">
          {t('error.SMS_OPTED_OUT')}
        </p>
      )}
      {sentTo && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          <p aria-live="polite">{t('cancel.codeSent', { to: sentTo })}</p>
          <label htmlFor={codeId}>{t('cancel.codeLabel')}</label>
          <input
            id={codeId}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>
              {t('cancel.confirm')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {t('cancel.keep')}
      </button>
    </section>
  );
}

// The error codes the catalogue explains; anything else gets the generic sentence.
const EXPLAINED = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'CODE_LOCKED', 'CODE_RATE_LIMITED', 'LINE_NOT_CANCELLABLE']);
