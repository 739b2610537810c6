import { useEffect, useId, useRef, useState } from 'react';
import { focusLost } from '../focusLost';
import type { DeliveryPreference } from '../generated/graphql';
import { formatMoney, formatWindow, type Translate } from '../i18n/i18n';
import type { Language, MessageKey } from '../i18n/messages';
import { extraShippingEnd } from '../money';
import { chooseDelivery, type CustomerOrder } from './api';
import { CodeConfirmation } from './CodeConfirmation';
import { beforeChristmas, christmasOf } from './christmas';
import { itemsOf, parcelKey } from './parcels';
import { Heading } from './Heading';

type Props = {
  order: CustomerOrder;
  token: string;
  language: Language;
  t: Translate;
  onChange: (order: CustomerOrder) => void;
};

/**
 * Wait for one delivery, or have ready items shipped now: what each means, chosen with one click, or, where ready
 * items first costs extra shipping, confirmed with a one-time code after the page says what will be reserved.
 */
export function ChoicePanel({ order, token, language, t, onChange }: Props) {
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  // The items still to come as the choice left them: "Saved" speaks of those, not of an order changed since (an item
  // cancelled). Not the order's revision, which moves on by itself too (the extra shipping authorised, say).
  const [savedFor, setSavedFor] = useState<string | null>(null);
  // The option the customer just picked shows as chosen while it is being saved.
  const [pending, setPending] = useState<DeliveryPreference | null>(null);
  // Ready items first at a cost, picked and not yet confirmed.
  const [confirming, setConfirming] = useState(false);
  // An option reached with the arrow keys, which move through the options as they pick: it is only looked at until
  // the customer saves it, so that hearing the other option out changes nothing (nor lets go of money reserved).
  const [browsed, setBrowsed] = useState<DeliveryPreference | null>(null);
  const arrowing = useRef(false);
  const { choice } = order;
  const waitItems = useId();
  const splitItems = useId();
  const confirmTitle = useId();
  const confirmation = useRef<HTMLHeadingElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  const options = useRef<HTMLFieldSetElement>(null);
  // The options wait while a choice is saved, which takes the focus from a customer who saved one by keyboard: it
  // goes back to the option chosen once it is saved.
  const refocus = useRef(false);
  const focusInOptions = () => options.current?.contains(document.activeElement) ?? false;
  useEffect(() => {
    if (status !== 'saving' && refocus.current) {
      refocus.current = false;
      if (focusLost()) {
        options.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
      }
    }
  }, [status]);
  // What became of the choice is said under the options, below the fold on a phone once the parcels are listed: it is
  // brought into view as far as it takes, so that a customer who tapped an option sees that it was kept.
  useEffect(() => {
    if (status === 'saved' || status === 'failed') {
      said.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }, [status]);
  // Opened below the options, perhaps below the fold on a phone: brought into view, focus at its title.
  useEffect(() => {
    if (confirming) {
      confirmation.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      confirmation.current?.focus();
    }
  }, [confirming]);
  const money = (amount: string) => formatMoney(amount, order.currency, language);
  const agreed = order.extraShipping;
  const reserved = agreed
    ? t(EXTRA_SHIPPING[extraShippingEnd(agreed)], {
        authorised: money(agreed.authorised),
        charged: money(agreed.charged),
      })
    : null;

  if (!choice.open) {
    const reason = choice.closedReason;
    // Once nothing is left to send, the headline says the order has shipped; "part of it" would be wrong.
    const anythingLeft = order.lines.some((line) => ['RESERVED', 'AWAITING_SUPPLIER', 'READY'].includes(line.status));
    // A supplier's own parcel comes apart whatever the shop's rule: the rule is then said of the shop's items.
    const fromSupplier = order.lines.some(
      (line) => line.source === 'DROPSHIP' && ['AWAITING_SUPPLIER', 'READY'].includes(line.status),
    );
    const closed =
      anythingLeft && (reason === 'ALREADY_SHIPPED' || reason === 'POLICY_SHIPS_COMPLETE')
        ? t(
            reason === 'POLICY_SHIPS_COMPLETE' && fromSupplier
              ? 'choice.closed.POLICY_SHIPS_COMPLETE.fromShop'
              : (`choice.closed.${reason}` as MessageKey),
          )
        : null;
    return closed || reserved ? (
      <div className="choice-closed">
        {closed && <p>{closed}</p>}
        {reserved && <p data-testid="extra-shipping">{reserved}</p>}
      </div>
    ) : null;
  }

  const choose = (preference: DeliveryPreference) => {
    setBrowsed(null);
    if (preference === (pending ?? order.deliveryPreference)) {
      setConfirming(false);
      return;
    }
    if (preference === 'SHIP_AS_AVAILABLE' && choice.splitNeedsCode) {
      setStatus('idle');
      setConfirming(true);
      return;
    }
    setConfirming(false);
    refocus.current = focusInOptions();
    setStatus('saving');
    setPending(preference);
    chooseDelivery(token, preference)
      .then((outcome) => {
        if ('order' in outcome) {
          onChange(outcome.order);
          setSavedFor(stillToCome(outcome.order));
          setStatus('saved');
        } else {
          setStatus('failed');
        }
      })
      .catch(() => setStatus('failed'))
      .finally(() => setPending(null));
  };
  // A click or the space bar picks and saves; an arrow key only moves to the option.
  const picked = (preference: DeliveryPreference) => {
    if (arrowing.current) {
      setConfirming(false);
      setStatus('idle');
      setBrowsed(preference === (pending ?? order.deliveryPreference) ? null : preference);
    } else {
      choose(preference);
    }
  };
  const shown = confirming ? 'SHIP_AS_AVAILABLE' : (browsed ?? pending ?? order.deliveryPreference);

  // The options wait while the paid choice is saved: a second choice made meanwhile would cross it on its way.
  const confirmSplit = async (code: string) => {
    // Once saved, the option chosen takes the focus; a refused code keeps it in the code's field (CodeConfirmation).
    const hadFocus = focusInOptions();
    setStatus('saving');
    try {
      const outcome = await chooseDelivery(token, 'SHIP_AS_AVAILABLE', code);
      if (!('order' in outcome)) {
        setStatus('idle');
        return outcome.errors;
      }
      onChange(outcome.order);
      setSavedFor(stillToCome(outcome.order));
      setConfirming(false);
      refocus.current = hadFocus;
      setStatus('saved');
      return undefined;
    } catch (error) {
      setStatus('idle');
      throw error;
    }
  };

  const window = (eta: { earliest: string; latest: string }) => formatWindow(eta.earliest, eta.latest, language);
  // Dropshipped items come from their suppliers in parcels of their own: the choice is not about them, and says so.
  const dropshipped = new Set(order.lines.filter((line) => line.source === 'DROPSHIP').map((line) => line.id));
  // The options number the shop's parcels: a supplier's parcel sent already is not one of them.
  const sent = order.shipments.filter((shipment) => shipment.lineIds.some((id) => !dropshipped.has(id))).length;
  const items = (lineIds: string[]) => itemsOf(lineIds, order, language);
  // In December, what having items as they are ready brings before Christmas where waiting for all does not.
  const waitComes = choice.waitWindow ? christmasOf([{ ...choice.waitWindow, names: [] }]) : null;
  const soonerForChristmas =
    waitComes && waitComes.kind !== 'before'
      ? beforeChristmas(choice.splitParcels.map((parcel) => ({ ...parcel.eta, lineIds: parcel.lineIds }))).flatMap(
          (parcel) => parcel.lineIds,
        )
      : [];
  const allItems = choice.splitParcels.flatMap((parcel) => parcel.lineIds);
  const fromSuppliers = order.parcels.filter((parcel) => parcel.lineIds.every((id) => dropshipped.has(id)));
  const extra =
    Number(choice.extraCost) > 0 ? t('choice.extraCost', { amount: money(choice.extraCost) }) : t('choice.noExtraCost');
  const releasing =
    agreed && !agreed.released && order.deliveryPreference === 'SHIP_AS_AVAILABLE'
      ? t('choice.releases', { amount: money(agreed.authorised) })
      : null;

  return (
    <fieldset
      className="choice"
      disabled={status === 'saving'}
      ref={options}
      onKeyDown={(event) => (arrowing.current = event.key.startsWith('Arrow'))}
      onKeyUp={() => (arrowing.current = false)}
    >
      <legend>{t('choice.title')}</legend>
      <label className="option">
        <input
          type="radio"
          name="delivery"
          value="WAIT_FOR_ALL"
          aria-describedby={waitItems}
          checked={shown === 'WAIT_FOR_ALL'}
          onChange={() => picked('WAIT_FOR_ALL')}
        />
        <span>
          {choice.waitWindow && t('choice.wait', { range: window(choice.waitWindow) })}
          {releasing && (
            <>
              <span className="visually-hidden">.</span>{' '}
            </>
          )}
          {releasing && <small className="extra-cost">{releasing}</small>}
        </span>
      </label>
      <ul className="option-parcels" id={waitItems} data-testid="wait-parcels">
        {choice.waitWindow && (
          <li>{t('parcels.parcel', { n: sent + 1, range: window(choice.waitWindow), items: items(allItems) })}</li>
        )}
      </ul>
      <label className="option">
        <input
          type="radio"
          name="delivery"
          value="SHIP_AS_AVAILABLE"
          aria-describedby={splitItems}
          checked={shown === 'SHIP_AS_AVAILABLE'}
          onChange={() => picked('SHIP_AS_AVAILABLE')}
        />
        <span>
          {t('choice.split', { count: choice.splitParcels.length })}
          {/* Heard as one name with the option, the cost is a sentence of its own. */}
          <span className="visually-hidden">.</span>{' '}
          <small className="extra-cost">{extra}</small>
        </span>
      </label>
      <ul className="option-parcels" id={splitItems} data-testid="split-parcels">
        {choice.splitParcels.map((parcel, index) => (
          <li key={parcel.lineIds.join()}>
            {t(parcelKey(parcel.lineIds, order), {
              n: sent + index + 1,
              range: window(parcel.eta),
              items: items(parcel.lineIds),
            })}
          </li>
        ))}
      </ul>
      {soonerForChristmas.length > 0 && (
        <p className="hint" data-testid="split-christmas">
          {t('choice.christmas', { items: items(soonerForChristmas) })}
        </p>
      )}
      {fromSuppliers.map((parcel) => (
        <p key={parcel.lineIds.join()} className="from-supplier" data-testid="supplier-parcel">
          {t('choice.fromSupplier', { items: items(parcel.lineIds), range: window(parcel.eta) })}
        </p>
      ))}
      {browsed && (
        <button type="button" onClick={() => choose(browsed)}>
          {t('choice.save')}
        </button>
      )}
      {confirming && (
        <section className="cancel extra-shipping-confirm" aria-labelledby={confirmTitle}>
          <Heading level={4} id={confirmTitle} ref={confirmation} tabIndex={-1}>
            {t('choice.confirmTitle', { amount: money(choice.extraCost) })}
          </Heading>
          <p>{t('choice.confirmExplain', { amount: money(choice.extraCost) })}</p>
          <CodeConfirmation
            token={token}
            contact={order.contact}
            t={t}
            confirmLabel={t('choice.confirm', { amount: money(choice.extraCost) })}
            onConfirm={confirmSplit}
          />
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t('choice.keepOne')}
          </button>
        </section>
      )}
      {reserved && <p data-testid="extra-shipping">{reserved}</p>}
      <p className="choice-status" aria-live="polite" ref={said}>
        {status === 'saved' && savedFor === stillToCome(order) && t('choice.saved')}
        {status === 'failed' && t('error.generic')}
      </p>
    </fieldset>
  );
}

/** The sentence for each end of the extra shipping the customer agreed to. */
const EXTRA_SHIPPING = {
  reserved: 'choice.reserved',
  released: 'choice.extraShippingReleased',
  taken: 'choice.extraShippingCharged',
  partly: 'choice.extraShippingDone',
} as const;

/** The items of the order still to come, by id: what a choice of delivery is about. */
function stillToCome(order: CustomerOrder): string {
  return order.lines
    .filter((line) => ['RESERVED', 'AWAITING_SUPPLIER', 'READY'].includes(line.status))
    .map((line) => line.id)
    .join(' ');
}
