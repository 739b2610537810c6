import { formatDay, formatItems, formatMoment, formatMoney, type Translate } from '../i18n/i18n';
import { choiceExtraShipping } from '../money';
import type { Language, MessageKey } from '../i18n/messages';
import { CATALOGUES } from '../i18n/messages';
import type { CustomerOrder } from './api';
import { Heading } from './Heading';

const KNOWN = CATALOGUES.en;

type Event = CustomerOrder['timeline'][number];

/** What happened to the order, in the customer's words, newest first, each at its day and time. */
export function Timeline({ order, language, t }: { order: CustomerOrder; language: Language; t: Translate }) {
  const events = [...order.timeline].reverse();
  return (
    <section aria-labelledby="timeline-title">
      <Heading level={2} id="timeline-title">{t('timeline.title')}</Heading>
      <ol className="timeline">
        {events
          .filter((event) => describe(event, order, language, t) !== '')
          .map((event, index) => (
          <li key={`${event.at}-${index}`} data-event={event.type}>
            <time dateTime={event.at}>{formatMoment(event.at, language)}</time>
            <span>{describe(event, order, language, t)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The reason a date moved, as this page reads it: one of the shop's reasons in the page's language, whichever it was
 * told in; words typed for one delay as written; empty for a move without one.
 */
/** An item that only waits to leave our warehouse (in stock, or come in): running late is not the supplier's doing. */
export function waitsOnlyForUs(line: CustomerOrder['lines'][number]): boolean {
  return line.source === 'STOCK' || line.status === 'RESERVED' || line.status === 'READY';
}

export function reasonOf(event: Event, language: Language): string {
  const typed = event.details.find((detail) => detail.key === 'reason')?.value ?? '';
  return event.reasonTexts.find((text) => text.language === language)?.text ?? typed;
}

function describe(event: Event, order: CustomerOrder, language: Language, t: Translate): string {
  const details = Object.fromEntries(event.details.map((detail) => [detail.key, detail.value]));
  const params: Record<string, string> = { ...details };
  for (const key of ['latest', 'from', 'to']) {
    if (details[key]) {
      params[key] = formatDay(details[key], language);
    }
  }
  if (details.amount) {
    params.amount = formatMoney(details.amount, order.currency, language);
  }
  // Events this page does not know yet are left out rather than shown as codes.
  if (!(`event.${event.type}` in KNOWN) && event.type !== 'CHOICE_MADE' && event.type !== 'REFUND_DECIDED') {
    return '';
  }
  switch (event.type) {
    case 'CHOICE_MADE': {
      // A paid choice says what it reserved on the card; going back, what that released.
      const choice = t(`event.CHOICE_MADE.${details.preference}` as MessageKey);
      const extra = choiceExtraShipping(details);
      if (extra) {
        return t(extra.change === 'reserved' ? 'event.CHOICE_MADE.extraReserved' : 'event.CHOICE_MADE.extraReleased', {
          choice,
          amount: formatMoney(extra.amount, order.currency, language),
        });
      }
      return choice;
    }
    case 'REFUND_DECIDED':
      if (details.decision === 'REJECTED') {
        return t('event.REFUND_DECIDED.REJECTED', params);
      }
      // What the agent wrote to the customer with an approval, as the e-mail says it too.
      return t(details.reason ? 'event.REFUND_DECIDED.APPROVED.reason' : 'event.REFUND_DECIDED.APPROVED', params);
    case 'GOODS_RECEIVED': {
      // Name what arrived: when only some items did, "your items arrived" would say too much.
      const names = namesOf(details.lines, order);
      return names.length > 0
        ? t('event.GOODS_RECEIVED.named', { names: formatItems(names, language) })
        : t('event.GOODS_RECEIVED');
    }
    case 'SHIPPED': {
      // Which parcel: an order that leaves in several says what went in each, as the shipped message does.
      const names = namesOf(details.lines, order);
      return names.length > 0
        ? t('event.SHIPPED.named', { ...params, names: formatItems(names, language) })
        : t('event.SHIPPED', params);
    }
    case 'RUNNING_LATE': {
      const line = order.lines.find((candidate) => candidate.id === details.line);
      return t(line && waitsOnlyForUs(line) ? 'event.RUNNING_LATE.warehouse' : 'event.RUNNING_LATE', params);
    }
    case 'ETA_MOVED':
      // One of the shop's reasons reads in the page's language, whichever it was told in; words typed for one delay
      // read as written. A delay withdrawn says that the one told before was a mistake, as its message does.
      if (details.correction === 'DELAY_WITHDRAWN') {
        return t('event.ETA_MOVED.withdrawn', params);
      }
      if (details.correction === 'PURCHASE_ORDER_CANCELLED') {
        return t('event.ETA_MOVED.purchaseOrderCancelled', params);
      }
      params.reason = reasonOf(event, language);
      return t(details.reason ? 'event.ETA_MOVED' : 'event.ETA_MOVED.noReason', params);
    default:
      return t(`event.${event.type}` as MessageKey, params);
  }
}

/** The names of the order's lines an event names by id ("L1,L2"), in that order; none it cannot find. */
function namesOf(lineIds: string | undefined, order: CustomerOrder): string[] {
  return (lineIds ?? '')
    .split(',')
    .map((id) => order.lines.find((line) => line.id === id)?.name)
    .filter((name): name is string => Boolean(name));
}
