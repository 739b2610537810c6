import { useEffect, useId, useRef, useState } from 'react';
import { focusLost } from '../focusLost';
import type { VerificationChannel } from '../generated/graphql';
import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { requestCode, type CustomerOrder, type UserError } from './api';

type Props = {
  token: string;
  contact: CustomerOrder['contact'];
  t: Translate;
  /** The words on the button that confirms, saying what it does. */
  confirmLabel: string;
  /** Whether confirming gives something up (a cancelled item) rather than adds something (a paid choice). */
  danger?: boolean;
  /** Confirms with the code: resolves with nothing once done, or with the errors that refused it. */
  onConfirm: (code: string) => Promise<UserError[] | undefined>;
};

/**
 * A one-time code to the customer's own e-mail or phone, then the code and the button that confirms: every request
 * that moves money goes through it. Errors sit under the code they concern.
 */
export function CodeConfirmation({ token, contact, t, confirmLabel, danger = false, onConfirm }: Props) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  // A code sent before (from this page before it was reloaded, say) is typed without asking for another: codes asked
  // for are counted, and a customer back from their mailbox has one.
  const [haveCode, setHaveCode] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  // What was wrong with the code typed (wrong, expired, locked): said under the code, until it is typed again.
  const [codeError, setCodeError] = useState<string | null>(null);
  const [smsOff, setSmsOff] = useState(false);
  const [busy, setBusy] = useState(false);
  const codeId = useId();
  const codeErrorId = useId();
  const codeField = useRef<HTMLInputElement>(null);
  const sendButton = useRef<HTMLButtonElement>(null);
  // A code refused (each refusal counted), and a request for one that came back without sending it.
  const [refused, setRefused] = useState(0);
  const [notSent, setNotSent] = useState(0);
  // The code is what the customer does next: where it was sent is said, and the keyboard waits in its field (the
  // button pressed is out of reach while the code is on its way, which leaves the focus nowhere).
  useEffect(() => {
    if (sentTo || haveCode) {
      codeField.current?.focus();
    }
  }, [sentTo, haveCode]);
  // A refused code: back to its field, selected, to type it again; once the page is ready for it again (a choice
  // being saved holds every field of the choice until it is answered).
  useEffect(() => {
    if (refused > 0) {
      codeField.current?.focus();
      codeField.current?.select();
    }
  }, [refused]);
  // No code sent (too many asked for, say): the keyboard stays on the button, under which the page says why.
  useEffect(() => {
    if (notSent > 0 && focusLost()) {
      sendButton.current?.focus();
    }
  }, [notSent]);

  const explain = (errors: UserError[]) => {
    const known = errors.find((e) => EXPLAINED.has(e.code));
    const text = known ? t(`error.${known.code}` as MessageKey) : t('error.generic');
    if (known && OF_THE_CODE.has(known.code)) {
      setCodeError(text);
    } else {
      setError(text);
    }
  };

  const send = (channel: VerificationChannel) => {
    setBusy(true);
    setError(null);
    setCodeError(null);
    requestCode(token, channel)
      .then((outcome) => {
        if ('sentTo' in outcome) {
          setSentTo(outcome.sentTo);
          return;
        }
        if (outcome.errors.some((e) => e.code === 'SMS_OPTED_OUT')) {
          // Said beside the channel choice, where the e-mail button is the way on.
          setSmsOff(true);
        } else {
          explain(outcome.errors);
        }
        setNotSent((count) => count + 1);
      })
      .catch(() => {
        setError(t('error.generic'));
        setNotSent((count) => count + 1);
      })
      .finally(() => setBusy(false));
  };

  const confirm = () => {
    setBusy(true);
    setError(null);
    setCodeError(null);
    onConfirm(code.trim())
      .then((errors) => {
        if (errors?.length) {
          explain(errors);
          setRefused((count) => count + 1);
        }
      })
      .catch(() => setError(t('error.generic')))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <p>{t('cancel.codeExplain')}</p>
      <div className="actions">
        <button type="button" ref={sendButton} disabled={busy} onClick={() => send('EMAIL')}>
          {t('cancel.sendEmail', { email: contact.email })}
        </button>
        {contact.phone && !smsOff && (
          <button type="button" disabled={busy} onClick={() => send('SMS')}>
            {t('cancel.sendSms', { phone: contact.phone })}
          </button>
        )}
        {!sentTo && (
          <button
            type="button"
            className="secondary"
            aria-expanded={haveCode}
            disabled={busy}
            onClick={() => setHaveCode(true)}
          >
            {t('code.haveOne')}
          </button>
        )}
      </div>
      {smsOff && (
        <p className="error" role="alert" data-testid="sms-off">
          {t('error.SMS_OPTED_OUT')}
        </p>
      )}
      {(sentTo || haveCode) && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          {sentTo && <p aria-live="polite">{t('cancel.codeSent', { to: sentTo })}</p>}
          <label htmlFor={codeId}>{t('cancel.codeLabel')}</label>
          <input
            id={codeId}
            ref={codeField}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            required
            value={code}
            aria-invalid={codeError ? true : undefined}
            aria-describedby={codeError ? codeErrorId : undefined}
            // The browser's own words for a wrong format are in its language and say nothing of six digits.
            onInvalid={(event) => event.currentTarget.setCustomValidity(t('code.format'))}
            onChange={(event) => {
              event.currentTarget.setCustomValidity('');
              // Digits only, the first six: a code pasted as "123 456" or "123-456" is the code.
              setCode(event.target.value.replace(/\D/g, '').slice(0, 6));
              setCodeError(null);
            }}
          />
          {codeError && (
            <p className="error" role="alert" id={codeErrorId} data-testid="code-error">
              {codeError}
            </p>
          )}
          <div className="actions">
            <button type="submit" className={danger ? 'danger' : undefined} disabled={busy}>
              {confirmLabel}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

// What is wrong with the code typed, said under it; the others under the buttons.
const OF_THE_CODE = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'CODE_LOCKED']);

// The error codes the catalogue explains; anything else gets the generic sentence.
const EXPLAINED = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'CODE_LOCKED', 'CODE_RATE_LIMITED', 'LINE_NOT_CANCELLABLE']);
