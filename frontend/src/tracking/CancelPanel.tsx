import { useEffect, useId, useRef } from 'react';
import { formatMoney, type Translate } from '../i18n/i18n';
import type { Language } from '../i18n/messages';
import { cancelLines, type CustomerOrder } from './api';
import { CodeConfirmation } from './CodeConfirmation';
import { Heading } from './Heading';

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

/**
 * Cancelling a line, or asking for a refund of one already charged (it has shipped): what happens to the money, then
 * a one-time code to the customer's own contact.
 */
export function CancelPanel({ order, line, token, language, t, onChange, onClose }: Props) {
  const titleId = useId();
  const amount = formatMoney(line.amount, order.currency, language);
  const charged = line.payment === 'CAPTURED';
  const title = useRef<HTMLHeadingElement>(null);
  // Opened from the line's button: keyboard focus moves into the panel, at its title.
  useEffect(() => title.current?.focus(), []);
  // The item may show as cancelled (a live update) before the answer arrives, and the customer may meanwhile open
  // another item's panel, which closes this one: the late answer must not close that one too.
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  const confirm = async (code: string) => {
    const outcome = await cancelLines(token, [line.id], code);
    if (!('order' in outcome)) {
      return outcome.errors;
    }
    onChange(outcome.order);
    if (open.current) {
      onClose();
    }
    return undefined;
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
      <Heading level={4} id={titleId} ref={title} tabIndex={-1}>
        {t(charged ? 'refund.title' : 'cancel.title', { name: line.name })}
      </Heading>
      <p>{charged ? t('refund.explain', { amount }) : t('cancel.uncharged', { amount })}</p>
      {/* Money the cancellation moves besides the item's: said before the code is asked for. */}
      {!charged && line.cancelReleasesExtraShipping && (
        <p>
          {t('cancel.extraShipping', {
            amount: formatMoney(line.cancelReleasesExtraShipping, order.currency, language),
          })}
        </p>
      )}
      <CodeConfirmation
        token={token}
        contact={order.contact}
        t={t}
        confirmLabel={t(charged ? 'refund.confirm' : 'cancel.confirm')}
        danger
        onConfirm={confirm}
      />
      <button type="button" className="secondary" onClick={onClose}>
        {t(charged ? 'refund.keep' : 'cancel.keep')}
      </button>
    </section>
  );
}
