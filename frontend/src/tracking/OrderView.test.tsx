import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerOrder } from './api';
import { OrderView } from './OrderView';
import { anOrder } from './testOrders';
import { formatWindow } from '../i18n/i18n';

/** A timeline entry as the API gives it: its details in key order, no reason in other languages. */
const anEvent = (type: string, at: string, details: Record<string, string>) => ({
  type,
  at,
  details: Object.entries(details)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value })),
  reasonTexts: [],
});

const answerQuestion = vi.fn();
const requestCode = vi.fn();
const cancelLines = vi.fn();

vi.mock('./api', () => ({
  answerQuestion: (...args: unknown[]) => answerQuestion(...args),
  chooseDelivery: vi.fn(),
  chooseMessageChannels: vi.fn(),
  requestCode: (...args: unknown[]) => requestCode(...args),
  cancelLines: (...args: unknown[]) => cancelLines(...args),
}));

afterEach(cleanup);

/** A GLS parcel of the given lines, sent on 7 December and not yet delivered. */
const onItsWay = (lineIds: string[]) => ({
  carrier: 'GLS',
  trackingNumber: 'GLS-1',
  trackingUrl: null,
  shippedAt: '2026-12-07T09:00:00Z',
  deliveredAt: null,
  lineIds,
});

describe('the order as its customer reads it', () => {
  it('shows every line with its own window and tells backordered from dropshipped', () => {
    render(<OrderView order={anOrder()} language="en" />);
    const items = document.querySelectorAll<HTMLElement>('li.line');
    expect(items).toHaveLength(3);
    expect(within(items[1]).getByText('Bought in from the supplier for you')).toBeTruthy();
    expect(within(items[2]).getByText('Sent directly from the supplier')).toBeTruthy();
    expect(within(items[2]).queryByText(/backorder/i)).toBeNull();
    expect(within(items[1]).getByTestId('line-eta').textContent).toMatch(/Expected .*17.*21 Dec/);
  });

  it('says in December whether the order comes before Christmas, after it, or either, in the customer’s language', () => {
    // The tests' today is 7 December 2026; the order's last parcel comes 17 to 21 December.
    const { rerender } = render(<OrderView order={anOrder()} language="en" />);
    expect(screen.getByTestId('order-christmas').textContent).toBe('Before Christmas.');

    const order = anOrder();
    const across = {
      ...order,
      parcels: order.parcels.map((parcel, i) =>
        i === 1 ? { ...parcel, eta: { earliest: '2026-12-21', latest: '2026-12-29' } } : parcel,
      ),
    };
    rerender(<OrderView order={across} language="da" />);
    expect(screen.getByTestId('order-christmas').textContent).toBe(
      'Før eller efter jul: perioden går hen over julen, og der leveres intet på helligdagene.',
    );

    // The last parcel well after Christmas, the first before it: the items that come before are named.
    const split = {
      ...order,
      parcels: order.parcels.map((parcel, i) =>
        i === 1 ? { ...parcel, eta: { earliest: '2027-01-13', latest: '2027-01-25' } } : parcel,
      ),
    };
    rerender(<OrderView order={split} language="en" />);
    const [first] = order.parcels;
    const firstNames = order.lines.filter((line) => first.lineIds.includes(line.id)).map((line) => line.name);
    expect(screen.getByTestId('order-christmas').textContent).toBe(`${firstNames.join(', ')} before Christmas; the rest after it.`);

    // All of it after Christmas, however far after.
    rerender(<OrderView order={{ ...split, parcels: [split.parcels[1]] }} language="de" />);
    expect(screen.getByTestId('order-christmas').textContent).toBe('Nach Weihnachten.');

    // All of it sent and on its way, due on 10 to 11 December: still before Christmas.
    const sent = {
      ...order,
      lines: order.lines.map((line) => ({
        ...line,
        status: 'SHIPPED' as const,
        eta: { ...line.eta, earliest: '2026-12-10', latest: '2026-12-11' },
      })),
      parcels: [],
      shipments: [onItsWay(order.lines.map((line) => line.id))],
    };
    rerender(<OrderView order={sent} language="en" />);
    expect(screen.getByTestId('order-christmas').textContent).toBe('Before Christmas.');
  });

  it('says of an item that would come sooner that it comes with the rest, when the customer waits for everything', () => {
    render(<OrderView order={anOrder()} language="en" />);
    const items = document.querySelectorAll<HTMLElement>('li.line');

    // The cushion is in stock, but the order comes in one delivery with the sofa: it comes when that does, as its
    // date says in bold; when it could come on its own is said beside it.
    expect(within(items[0]).getByTestId('line-eta').textContent).toMatch(/^Expected .*17.*21 Dec$/);
    expect(within(items[0]).getByTestId('line-with-rest').textContent).toMatch(
      /^On its own it could come .*26.*30 Nov; it comes in one delivery with the other items we send\.$/,
    );
    // The sofa sets that delivery's date: nothing to add.
    expect(within(items[1]).queryByTestId('line-with-rest')).toBeNull();
    // The lamp comes from its supplier in a parcel of its own, sooner: it waits for nothing.
    expect(within(items[2]).queryByTestId('line-with-rest')).toBeNull();
    // The shop's items wait for one another; the lamp does not.
    expect(screen.getByText(/ · Delivery: our items in one delivery; sent separately by their supplier: Rhein lamp$/)).toBeTruthy();
    // Not one delivery, then: the shop's and the supplier's parcels, the last when the sofa comes.
    expect(screen.getByTestId('order-eta').textContent).toBe(
      `Your order arrives in 2 parcels, the last ${formatWindow('2026-12-17', '2026-12-21', 'en')}`,
    );
    cleanup();

    // Without a dropshipped item, the shop's one delivery is all there is.
    const fromShop = anOrder().lines.slice(0, 2);
    render(
      <OrderView
        order={anOrder({ lines: fromShop, parcels: [{ lineIds: ['L1', 'L2'], eta: anOrder().parcels[1].eta }] })}
        language="en"
      />,
    );
    expect(screen.getByTestId('order-eta').textContent).toMatch(/^Your order arrives in one delivery /);
    expect(screen.getByText(/Delivery: everything together$/)).toBeTruthy();
    cleanup();

    render(<OrderView order={anOrder({ deliveryPreference: 'SHIP_AS_AVAILABLE' })} language="en" />);
    expect(screen.queryByTestId('line-with-rest')).toBeNull();
  });

  it('says how to have an item sooner that waits for the one delivery, where the customer may still choose', () => {
    const open = anOrder({ choice: { ...anOrder().choice, open: true, closedReason: null } });
    render(<OrderView order={open} language="de" token="t" onChange={() => {}} />);
    // The cushion's: "Allein könnte er … kommen; er kommt in einer Lieferung … Wenn Sie …".
    expect(screen.getAllByTestId('line-eta')[0].textContent).toMatch(/^Voraussichtlich .*21\. Dez\.$/);
    expect(screen.getAllByTestId('line-with-rest')[0].textContent).toMatch(
      /^Allein könnte er .*30\. Nov\. kommen; er kommt in einer Lieferung mit den anderen Artikeln, die wir senden\. Wenn Sie ihn früher möchten, wählen Sie oben, jeden Artikel zu senden, sobald er bereit ist\.$/,
    );
    cleanup();

    // Delivered complete by the shop's rule, or part of it gone: nothing to choose, so nothing to point to.
    render(<OrderView order={anOrder()} language="de" token="t" onChange={() => {}} />);
    expect(screen.getAllByTestId('line-with-rest')[0].textContent).toMatch(/die wir senden\.$/);
  });

  it('flags a line that is now later than first promised, and only that one', () => {
    render(<OrderView order={anOrder()} language="en" />);
    const late = screen.getAllByText(/Later than first promised/);
    expect(late).toHaveLength(1);
    expect(late[0].closest('li')?.getAttribute('data-sku')).toBe('L3');
  });

  it('says in plain words, in each language, how many in 10 such orders arrive inside a learned window', () => {
    const sure = (order: CustomerOrder): CustomerOrder => ({
      ...order,
      lines: order.lines.map((l) => (l.id === 'L2' ? { ...l, eta: { ...l.eta, confidence: 0.8 } } : l)),
    });
    const expected = {
      en: /^8 in 10 orders like this arrive between .*17 Dec.* and .*21 Dec/,
      da: /^8 ud af 10 ordrer som denne når frem mellem .*17\. dec.* og .*21\. dec/,
      de: /^8 von 10 Bestellungen wie diese kommen zwischen .*17\. Dez.* und .*21\. Dez.* an$/,
      pl: /^8 na 10 takich zamówień dociera między .*17 gru.* a .*21 gru/,
    } as const;
    for (const [language, wording] of Object.entries(expected) as [keyof typeof expected, RegExp][]) {
      render(<OrderView order={sure(anOrder({ locale: language }))} language={language} />);
      const items = screen.getAllByRole('listitem').filter((item) => item.classList.contains('line'));
      expect(within(items[1]).getByTestId('line-eta').textContent).toMatch(wording);
      // A stock line states no confidence: only the carrier's spread, as a plain window.
      expect(within(items[0]).getByTestId('line-eta').textContent).not.toMatch(/(in|af|von|na) 10/);
      cleanup();
    }
  });

  it('speaks German with German dates', () => {
    render(<OrderView order={anOrder({ locale: 'de' })} language="de" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Bestellung DEMO-1001');
    expect(screen.getByTestId('order-eta').textContent).toMatch(/in 2 Paketen, das letzte .*17.*21.*Dez/);
  });

  it('words the order window by the delivery preference', () => {
    render(<OrderView order={anOrder({ deliveryPreference: 'SHIP_AS_AVAILABLE' })} language="en" />);
    expect(screen.getByTestId('order-eta').textContent).toMatch(/as they are ready/);
  });

  it('says what each line costs, that its amount is reserved on the card and that nothing is charged before it ships', () => {
    render(<OrderView order={anOrder()} language="en" />);
    expect(screen.getAllByTestId('line-money')[0].textContent).toBe('Not charged yet');
    expect(screen.getByTestId('total-charged').textContent).toMatch(/Charged so far: DKK\s?0\.00/);
    // Before anything is charged, the customer learns that the amounts are held on their card.
    expect(screen.getByTestId('total-charged').textContent).toMatch(
      /Each item's amount is reserved on your card when you order, and charged when it ships\.$/,
    );
  });

  it('tells the timeline in the customer’s words, with the reason for a delay', () => {
    render(<OrderView order={anOrder()} language="en" />);
    expect(screen.getByText(/Rhein lamp is now expected by Wed 9 Dec instead of Mon 7 Dec\. Reason: The factory is behind schedule/)).toBeTruthy();
    // The late item's card says why too, not only the timeline at the foot of the page.
    const lateReason = () => document.querySelector('[data-line="L3"] [data-testid="line-late-reason"]')?.textContent;
    expect(lateReason()).toBe('Why: The factory is behind schedule');
    expect(document.querySelectorAll('[data-testid="line-late-reason"]').length).toBe(1);
    cleanup();

    // A delay withdrawn moves the date back with no reason: the sentence ends with the date, not an empty "Reason:".
    const [placed, moved] = anOrder().timeline;
    const withdrawn = { ...moved, details: moved.details.map((d) => (d.key === 'reason' ? { ...d, value: '' } : d)) };
    render(<OrderView order={anOrder({ timeline: [placed, withdrawn] })} language="en" />);
    expect(document.querySelector('[data-event="ETA_MOVED"]')?.textContent).toMatch(
      /Rhein lamp is now expected by Wed 9 Dec instead of Mon 7 Dec$/,
    );
    expect(document.body.textContent).not.toMatch(/Reason:/);
    expect(lateReason()).toBeUndefined();
    cleanup();
    // Time overtook the delay's new date too: the item says so, not the supplier's reason of before.
    const overtaken = anEvent('RUNNING_LATE', '2026-11-25T09:00:00Z', {
      line: 'L3',
      name: 'Rhein lamp',
      from: '2026-12-09',
      to: '2026-12-11',
      daysOverdue: '2',
    });
    render(<OrderView order={anOrder({ timeline: [placed, moved, overtaken] })} language="en" />);
    expect(lateReason()).toBe('Why: The supplier has not confirmed a new date');
    cleanup();
    render(<OrderView order={anOrder({ locale: 'pl', timeline: [placed, moved, overtaken] })} language="pl" />);
    expect(lateReason()).toBe('Dlaczego: Dostawca nie potwierdził jeszcze nowej daty');
    cleanup();
    // The delay's reason ends with its withdrawal, though the item stays late for another cause.
    render(<OrderView order={anOrder({ timeline: [placed, moved, { ...withdrawn, at: '2026-11-24T09:00:00Z' }] })} language="en" />);
    expect(document.querySelector('[data-line="L3"]')?.textContent).toMatch(/Wed 9 Dec/);
    expect(lateReason()).toBeUndefined();
    cleanup();

    // Our purchase order for it called off: the timeline and the card say so, in the page's language.
    const calledOff = {
      ...withdrawn,
      details: [...withdrawn.details, { key: 'correction', value: 'PURCHASE_ORDER_CANCELLED' }],
    };
    render(<OrderView order={anOrder({ timeline: [placed, calledOff] })} language="en" />);
    expect(document.querySelector('[data-event="ETA_MOVED"]')?.textContent).toMatch(
      /Rhein lamp is now expected by Wed 9 Dec instead of Mon 7 Dec\. Reason: Our order with the supplier was cancelled\.$/,
    );
    expect(lateReason()).toBe('Why: Our order with the supplier was cancelled');
    cleanup();

    // One of the shop's reasons, told in German: a page switched to Danish says it in Danish.
    const told = {
      ...moved,
      details: moved.details.map((d) => (d.key === 'reason' ? { ...d, value: 'Die Fracht verspätet sich.' } : d)),
      reasonTexts: [
        { language: 'en', text: 'The freight is delayed.' },
        { language: 'da', text: 'Fragten er forsinket.' },
        { language: 'de', text: 'Die Fracht verspätet sich.' },
      ],
    };
    render(<OrderView order={anOrder({ locale: 'de', timeline: [placed, told] })} language="da" />);
    expect(document.querySelector('[data-event="ETA_MOVED"]')?.textContent).toMatch(/Fragten er forsinket\.$/);
    expect(lateReason()).toBe('Hvorfor: Fragten er forsinket.');
    cleanup();
    // Words typed for one delay have no other language: they read as written.
    render(<OrderView order={anOrder({ locale: 'de', timeline: [placed, { ...told, reasonTexts: [] }] })} language="da" />);
    expect(document.querySelector('[data-event="ETA_MOVED"]')?.textContent).toMatch(/Die Fracht verspätet sich\.$/);
    cleanup();

    // Goods in for one item of several: the timeline names that item, in the customer's language.
    const arrived = {
      type: 'GOODS_RECEIVED',
      at: '2026-11-23T09:00:00Z',
      details: [{ key: 'lines', value: 'L2' }],
      reasonTexts: [],
    };
    render(<OrderView order={anOrder({ locale: 'de', timeline: [placed, arrived] })} language="de" />);
    expect(document.querySelector('[data-event="GOODS_RECEIVED"]')?.textContent).toMatch(
      /Vom Lieferanten eingetroffen und versandbereit: Oslo sofa$/,
    );
    cleanup();
    // A parcel shipped says what went in it, as the shipped message does: an order may leave in several.
    const shipped = {
      type: 'SHIPPED',
      at: '2026-11-23T09:00:00Z',
      details: [
        { key: 'lines', value: 'L1,L2' },
        { key: 'carrier', value: 'GLS' },
        { key: 'trackingNumber', value: 'GLS-4711' },
      ],
      reasonTexts: [],
    };
    render(<OrderView order={anOrder({ timeline: [placed, shipped] })} language="en" />);
    expect(document.querySelector('[data-event="SHIPPED"]')?.textContent).toMatch(
      /Shipped with GLS, tracking number GLS-4711: .+ and Oslo sofa$/,
    );
    cleanup();
    render(<OrderView order={anOrder({ locale: 'de', timeline: [placed, arrived] })} language="de" />);
    // Each entry says when in the day, in the reader's time zone: two on one day read in the order they happened.
    const at = new Date('2026-11-23T09:00:00Z');
    const hour = String(at.getHours()).padStart(2, '0');
    expect(document.querySelector('[data-event="GOODS_RECEIVED"] time')?.textContent).toMatch(
      new RegExp(`^${at.getDate()}\\. November 2026.* ${hour}:00$`),
    );
  });

  it('says in the timeline what a paid delivery choice reserved on the card, and what going back released', () => {
    const choice = (at: string, preference: string, key: string) =>
      anEvent('CHOICE_MADE', at, { by: 'customer', [key]: '49.00', preference });
    const order = anOrder({
      timeline: [
        choice('2026-11-23T10:00:00Z', 'SHIP_AS_AVAILABLE', 'extraShippingReserved'),
        choice('2026-11-24T10:00:00Z', 'WAIT_FOR_ALL', 'extraShippingReleased'),
      ],
    });
    render(<OrderView order={order} language="en" token="T" onChange={() => {}} />);

    const told = screen.getAllByRole('listitem').filter((item) => item.dataset.event === 'CHOICE_MADE');
    expect(told.map((item) => item.querySelector('span')?.textContent?.replace(/\s/g, ' '))).toEqual([
      'Delivery set to one complete delivery: the DKK 49.00 reserved for extra shipping is released',
      'Delivery set to ship items as they are ready: DKK 49.00 reserved on your card for extra shipping',
    ]);
  });

  it('says in the timeline why a refund was approved or declined, as the message said it', () => {
    const decided = (at: string, decision: string, reason: string) =>
      anEvent('REFUND_DECIDED', at, { amount: '249.00', decision, reason });
    const order = anOrder({
      timeline: [
        decided('2026-11-23T10:00:00Z', 'APPROVED', 'Sorry for the long wait.'),
        decided('2026-11-24T10:00:00Z', 'APPROVED', ''),
        decided('2026-11-25T10:00:00Z', 'REJECTED', 'The lamp has shipped.'),
      ],
    });
    render(<OrderView order={order} language="en" />);

    const told = screen.getAllByRole('listitem').filter((item) => item.dataset.event === 'REFUND_DECIDED');
    expect(told.map((item) => item.querySelector('span')?.textContent?.replace(/\s/g, ' '))).toEqual([
      'Refund declined: The lamp has shipped.',
      'Refund of DKK 249.00 approved',
      'Refund of DKK 249.00 approved: Sorry for the long wait.',
    ]);
  });

  it('words Polish timeline entries so that they agree with any item’s name, not only masculine ones', () => {
    const order = anOrder({
      locale: 'pl',
      timeline: [
        anEvent('DROPSHIPPED', '2026-11-23T10:00:00Z', { line: 'L3', name: 'Lampa Mosel', latest: '2026-12-09' }),
        anEvent('ETA_MOVED', '2026-11-24T10:00:00Z', { line: 'L3', name: 'Lampa Mosel', from: '2026-12-09', to: '2026-12-11', reason: '' }),
      ],
    });
    render(<OrderView order={order} language="pl" />);

    const told = (type: string) => document.querySelector(`[data-event="${type}"] span`)?.textContent?.replace(/\s/g, ' ');
    expect(told('DROPSHIPPED')).toMatch(/^Lampa Mosel: wyśle bezpośrednio dostawca, dostawa do /);
    expect(told('ETA_MOVED')).toMatch(/^Lampa Mosel: nowy termin dostawy to .* zamiast /);
    expect(document.body.textContent).not.toMatch(/Lampa Mosel (zostanie wysłany|jest teraz oczekiwany)/);
  });

  it('says of a date moved back by a delay withdrawn that the delay told before was a mistake', () => {
    const moved = { line: 'L2', name: 'Oslo sofa', from: '2026-12-30', to: '2026-12-21' };
    const order = anOrder({
      timeline: [
        anEvent('ETA_MOVED', '2026-11-24T10:00:00Z', { ...moved, from: '2026-12-21', to: '2026-12-30', reason: 'The factory is behind.' }),
        anEvent('ETA_MOVED', '2026-11-25T10:00:00Z', { ...moved, correction: 'DELAY_WITHDRAWN' }),
      ],
    });
    render(<OrderView order={order} language="en" />);

    const entries = [...document.querySelectorAll('[data-event="ETA_MOVED"] span')].map((entry) => entry.textContent);
    expect(entries).toContainEqual(
      expect.stringMatching(
        /^Oslo sofa is now expected by .*21 Dec.* instead of .*30 Dec.*\. Reason: The delay we told you about was recorded by mistake\.$/,
      ),
    );
  });

  it('says of an item not yet ordered from the supplier that it is being ordered, not that it is on its way to us', () => {
    const [cushion, sofa, lamp] = anOrder().lines;
    render(<OrderView order={anOrder({ lines: [cushion, { ...sofa, toBeOrdered: true }, lamp] })} language="pl" />);
    expect(document.querySelector('[data-line="L2"] .status')?.textContent).toBe('Zamawiamy u dostawcy');
    cleanup();
    render(<OrderView order={anOrder()} language="en" />);
    expect(document.querySelector('[data-line="L2"] .status')?.textContent).toBe('Waiting for the supplier’s delivery to us');
  });

  it('offers no actions without the link’s token', () => {
    render(<OrderView order={anOrder()} language="en" />);
    expect(screen.queryByRole('button', { name: /^Cancel this item: / })).toBeNull();
  });

  it('speaks of the rest of the order when part of it left ahead of a customer who waits for one delivery', () => {
    const [vase, ...waiting] = anOrder().lines;
    const partLeft = anOrder({
      lines: [{ ...vase, status: 'SHIPPED', payment: 'CAPTURED', cancellable: false }, ...waiting],
      parcels: [{ lineIds: waiting.map((line) => line.id), eta: { earliest: '2026-12-17', latest: '2026-12-21' } }],
    });
    render(<OrderView order={partLeft} language="en" />);
    expect(screen.getByTestId('order-eta').textContent).toMatch(/^The rest of your order arrives in one delivery /);
  });

  it('says the order has shipped once every item has, not that part of it has, and when it arrives', () => {
    const shipped = anOrder({
      lines: [
        {
          ...anOrder().lines[0],
          status: 'SHIPPED',
          payment: 'CAPTURED',
          cancellable: false,
          eta: { earliest: '2026-12-09', latest: '2026-12-10', confidence: null },
        },
      ],
      parcels: [],
      choice: { open: false, closedReason: 'ALREADY_SHIPPED', waitWindow: null, splitParcels: [], extraCost: '0', splitNeedsCode: false },
    });
    render(<OrderView order={shipped} language="en" token="T" onChange={() => {}} />);
    expect(screen.getByTestId('order-eta').textContent).toBe(
      `Your order has shipped and arrives ${formatWindow('2026-12-09', '2026-12-10', 'en')}`,
    );
    expect(screen.queryByText(/Part of your order/)).toBeNull();
    cleanup();

    // Paid back after it left: the parcel still travels, so it is still said to be on its way.
    const paidBack = anOrder({
      ...shipped,
      lines: shipped.lines.map((line) => ({ ...line, status: 'REFUNDED' as const, payment: 'REFUNDED' as const })),
      shipments: [onItsWay(['L1'])],
    });
    render(<OrderView order={paidBack} language="en" token="T" onChange={() => {}} />);
    // Paid back, it is no longer late: the refund settled that.
    expect(screen.queryByText(/Later than first promised/)).toBeNull();
    expect(screen.getByTestId('order-eta').textContent).toBe(
      `Your order has shipped and arrives ${formatWindow('2026-12-09', '2026-12-10', 'en')}`,
    );
  });

  it('says what became of closed lines and when, a shipped one when it arrives, and heads the order by the open lines only', () => {
    const [cushion, sofa, lamp] = anOrder().lines;
    const partly = anOrder({
      lines: [
        { ...cushion, status: 'SHIPPED', payment: 'CAPTURED', closedAt: '2026-11-24T10:00:00Z' },
        { ...sofa, status: 'REFUNDED', payment: 'REFUNDED', late: true, closedAt: '2026-12-01T12:00:00Z' },
        lamp,
      ],
      parcels: [{ lineIds: ['L3'], eta: lamp.eta }],
    });
    render(<OrderView order={partly} language="en" />);
    const items = screen.getAllByRole('listitem').filter((item) => item.classList.contains('line'));
    expect(within(items[0]).getByTestId('line-closed').textContent).toBe('Shipped 24 November 2026');
    expect(within(items[1]).getByTestId('line-closed').textContent).toBe('Refunded 1 December 2026');
    // On its way, the cushion says when the carrier brings it; the refunded sofa comes no more.
    expect(within(items[0]).getByTestId('line-eta').textContent).toBe(
      `Expected ${formatWindow(cushion.eta.earliest, cushion.eta.latest, 'en')}`,
    );
    expect(within(items[1]).queryByTestId('line-eta')).toBeNull();
    for (const closed of items.slice(0, 2)) {
      expect(closed.textContent).not.toMatch(/first promised/);
    }
    expect(items[0].textContent, 'a shipped item left: where it was to come from is no news').not.toMatch(/In stock/);
    expect(items[1].textContent, 'a refunded item is no longer ordered for anyone').not.toMatch(/Bought in from the supplier/);
    expect(within(items[2]).getByTestId('line-eta').textContent).toMatch(/^Expected /);
    expect(screen.getByTestId('order-eta').textContent).toMatch(/one delivery .*30 Nov.*9 Dec/);
    cleanup();

    // A cancelled item that was never charged says what was reserved for it is released.
    const cancelled = anOrder({
      lines: [{ ...sofa, status: 'CANCELLED', payment: 'VOIDED', closedAt: '2026-12-01T12:00:00Z' }, cushion, lamp],
    });
    render(<OrderView order={cancelled} language="en" />);
    expect(screen.getAllByTestId('line-money')[0].textContent).toMatch(
      /^Not charged — cancelled; the DKK\s499\.00 reserved on your card is released$/,
    );
    cleanup();

    const refunded = anOrder({
      eta: null,
      lines: anOrder().lines.map((line) => ({ ...line, status: 'REFUNDED' as const, payment: 'REFUNDED' as const })),
      parcels: [],
    });
    render(<OrderView order={refunded} language="en" />);
    expect(screen.getByTestId('order-eta').textContent).toBe(
      'Nothing more is on its way: every item was cancelled or refunded',
    );
    expect(document.body.textContent).not.toMatch(/arrives in one delivery/);
  });

  it('dates the last of the split parcels in the headline, in the style of every other date', () => {
    const split = anOrder({
      deliveryPreference: 'SHIP_AS_AVAILABLE',
      eta: { earliest: '2026-12-02', latest: '2027-01-06' },
      parcels: [
        { lineIds: ['L1'], eta: { earliest: '2026-12-02', latest: '2026-12-04' } },
        { lineIds: ['L2', 'L3'], eta: { earliest: '2026-12-30', latest: '2027-01-06' } },
      ],
    });
    render(<OrderView order={split} language="en" />);
    expect(screen.getByTestId('order-eta').textContent).toBe(
      'Your items arrive as they are ready, the last Wed 30 Dec\u2009–\u2009Wed 6 Jan',
    );
  });

  it('never writes two full stops where a Danish date ends a sentence', () => {
    render(<OrderView order={anOrder({ locale: 'da' })} language="da" />);
    const moved = document.querySelector('[data-event="ETA_MOVED"]')?.textContent ?? '';
    expect(moved).toMatch(/7\. dec\. Årsag: The factory/);
    expect(document.body.textContent).not.toMatch(/[^.]\.\.[^.]/);
  });

  it('says why a refund was declined and does not offer to cancel the item again', () => {
    const declined = anOrder({
      lines: [
        {
          ...anOrder().lines[2],
          status: 'SHIPPED',
          payment: 'CAPTURED',
          cancellable: false,
          refund: 'REJECTED',
          refundReason: 'The lamp was already delivered.',
        },
      ],
    });
    render(<OrderView order={declined} language="en" token="T" onChange={() => {}} />);
    expect(screen.getByTestId('refund-declined').textContent).toMatch(
      /^The shop declined the refund: The lamp was already delivered\. The item stays yours.*customer service\.$/,
    );
    expect(screen.queryByRole('button', { name: /^Cancel this item: / })).toBeNull();
  });

  it('gives keyboard focus back to the button that opened the cancel panel when it closes, also on Esc', () => {
    render(<OrderView order={anOrder()} language="en" token="T" onChange={() => {}} />);
    // Heard among the page's buttons, the button names its item.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel this item: Rhein lamp' }));
    expect(document.activeElement?.textContent).toBe('Cancel Rhein lamp');

    fireEvent.click(screen.getByRole('button', { name: 'Keep the item' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Cancel this item: / }));

    fireEvent.click(screen.getByRole('button', { name: /^Cancel this item: / }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'Keep the item' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Cancel this item: / }));
  });

  it('offers a refund, not a cancellation, for a late item already charged, and says the shop decides', () => {
    const order = anOrder();
    order.lines[2] = { ...order.lines[2], status: 'SHIPPED', payment: 'CAPTURED', late: true, cancellable: true };
    render(<OrderView order={order} language="en" token="T" onChange={() => {}} />);
    const shipped = screen.getAllByRole('listitem').filter((item) => item.classList.contains('line'))[2];
    expect(within(shipped).queryByRole('button', { name: /^Cancel this item: / })).toBeNull();
    // Why a refund is offered: it is later than first promised, on its way too.
    expect(within(shipped).getByText(/^First promised by /).textContent).toMatch(/ · Later than first promised$/);

    fireEvent.click(within(shipped).getByRole('button', { name: /^Ask for a refund: / }));

    expect(within(shipped).getByRole('heading', { name: 'A refund for Rhein lamp' })).toBeTruthy();
    expect(within(shipped).getByRole('region').textContent).toMatch(
      /You were charged DKK\s499\.00 for this item\. Your request goes to the shop, which decides on the refund and tells you\./,
    );
    fireEvent.click(within(shipped).getByRole('button', { name: 'Not now' }));
    expect(document.activeElement).toBe(within(shipped).getByRole('button', { name: /^Ask for a refund: / }));
  });

  it('closes an item’s refund panel when another tab has asked for that refund, and says the request is with the shop', () => {
    const order = anOrder();
    order.lines[2] = { ...order.lines[2], status: 'SHIPPED', payment: 'CAPTURED', late: true, cancellable: true };
    const { rerender } = render(<OrderView order={order} language="en" token="T" onChange={() => {}} />);
    const shipped = () => screen.getAllByRole('listitem').filter((item) => item.classList.contains('line'))[2];
    fireEvent.click(within(shipped()).getByRole('button', { name: /^Ask for a refund: / }));
    expect(within(shipped()).getByRole('heading', { name: 'A refund for Rhein lamp' })).toBeTruthy();

    // The live update of the request made in the other tab.
    const asked = { ...order, lines: [...order.lines], revision: order.revision + 1 };
    asked.lines[2] = { ...order.lines[2], cancellable: false, refund: 'REQUESTED' };
    rerender(<OrderView order={asked} language="en" token="T" onChange={() => {}} />);

    expect(within(shipped()).queryByRole('heading', { name: 'A refund for Rhein lamp' })).toBeNull();
    expect(within(shipped()).queryByRole('button', { name: /^Ask for a refund: / })).toBeNull();
    expect(within(shipped()).getByTestId('line-money').textContent).toMatch(/Refund requested/);
  });

  it('says a delivered item came later than first promised', () => {
    const order = anOrder();
    order.lines[2] = {
      ...order.lines[2],
      status: 'DELIVERED',
      payment: 'CAPTURED',
      late: true,
      closedAt: '2026-12-04T10:00:00Z',
    };
    render(<OrderView order={order} language="en" token="T" onChange={() => {}} />);
    const delivered = screen.getAllByRole('listitem').filter((item) => item.classList.contains('line'))[2];
    expect(within(delivered).getByTestId('line-came-late').textContent).toMatch(
      /^First promised by .+ · Later than first promised$/,
    );
  });

  it('keeps the panel of a second item open when the first item’s cancellation is answered after it was opened', async () => {
    const order = anOrder();
    order.lines[1] = { ...order.lines[1], late: true, cancellable: true };
    requestCode.mockResolvedValue({ sentTo: 'm•••@example.com' });
    let answer: (outcome: unknown) => void = () => {};
    cancelLines.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    render(<OrderView order={order} language="en" token="T" onChange={() => {}} />);

    fireEvent.click(screen.getAllByRole('button', { name: /^Cancel this item: / })[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Send code to m•••@example.com' }));
    fireEvent.change(await screen.findByLabelText('6-digit code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the item' }));
    // The sofa's cancellation is on its way; the customer opens the lamp's panel meanwhile.
    fireEvent.click(screen.getByRole('button', { name: /^Cancel this item: / }));
    expect(screen.getByRole('heading', { name: 'Cancel Rhein lamp' })).toBeTruthy();

    await act(async () => answer({ order }));

    expect(cancelLines).toHaveBeenCalledWith('T', ['L2'], '123456');
    expect(screen.getByRole('heading', { name: 'Cancel Rhein lamp' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Keep the item' })).toBeTruthy();
  });

  it('sums the order up: each item’s price, the total, what was charged and paid back, and where it goes', () => {
    // The cushion shipped and was charged, then paid back: charged less paid back is the total of what is kept.
    const [cushion, ...others] = anOrder().lines;
    const partlyRefunded = anOrder({
      lines: [{ ...cushion, status: 'REFUNDED', payment: 'REFUNDED' }, ...others],
      orderTotal: '998.00',
      totalCharged: '499.00',
      totalRefunded: '499.00',
    });
    render(<OrderView order={partlyRefunded} language="en" />);
    const summary = within(screen.getByTestId('summary'));
    expect(summary.getByRole('row', { name: /Oslo sofa 1 DKK\s?499\.00/ })).toBeTruthy();
    expect(summary.getByRole('row', { name: /Linen cushion cover 1 DKK\s?499\.00 paid back, not in the total/ })).toBeTruthy();
    expect(summary.getByTestId('order-total').textContent).toMatch(/Order total\s*DKK\s?998\.00/);
    expect(summary.getByTestId('total-charged').textContent).toMatch(/Charged so far: DKK\s?499\.00/);
    expect(summary.getByTestId('total-refunded').textContent).toMatch(/Paid back to you: DKK\s?499\.00/);
    expect(summary.getByTestId('delivery-address').textContent).toBe('Delivery address: N••• 1, 1165 København, Denmark');
  });

  it('counts the extra shipping the customer agreed to in the total: reserved, then what was taken', () => {
    const agreed = (charged: string, released: boolean) =>
      anOrder({ orderTotal: '998.00', extraShipping: { authorised: '79.00', charged, released } });
    render(<OrderView order={agreed('0.00', false)} language="en" />);
    let summary = within(screen.getByTestId('summary'));
    expect(summary.getByTestId('extra-shipping-charged').textContent).toMatch(
      /Extra shipping, reserved on your card\s*DKK\s?79\.00/,
    );
    expect(summary.getByTestId('order-total').textContent).toMatch(/Order total\s*DKK\s?1,077\.00/);
    cleanup();

    // Back to one delivery before anything was taken: the reservation is released and costs nothing.
    render(<OrderView order={agreed('0.00', true)} language="en" />);
    summary = within(screen.getByTestId('summary'));
    expect(summary.queryByTestId('extra-shipping-charged')).toBeNull();
    expect(summary.getByTestId('order-total').textContent).toMatch(/Order total\s*DKK\s?998\.00/);
    cleanup();

    render(<OrderView order={agreed('79.00', false)} language="en" />);
    summary = within(screen.getByTestId('summary'));
    expect(summary.getByTestId('extra-shipping-charged').textContent).toMatch(/^Extra shipping\s*DKK\s?79\.00/);
    expect(summary.getByTestId('order-total').textContent).toMatch(/Order total\s*DKK\s?1,077\.00/);
  });

  it('keeps an item whose name has a comma one item in a parcel’s list', () => {
    const [cushion, ...others] = anOrder().lines;
    const split = anOrder({
      deliveryPreference: 'SHIP_AS_AVAILABLE',
      lines: [{ ...cushion, name: 'Linen cushion cover, 2 pcs' }, ...others],
      parcels: [
        { lineIds: ['L3', 'L1'], eta: { earliest: '2026-11-26', latest: '2026-11-30' } },
        { lineIds: ['L2'], eta: { earliest: '2026-12-17', latest: '2026-12-21' } },
      ],
    });
    render(<OrderView order={split} language="en" />);
    expect(screen.getByTestId('parcels').querySelector('li')?.textContent).toMatch(
      /: Rhein lamp and Linen cushion cover, 2 pcs$/,
    );
  });

  it('numbers the parcels still to come after those already sent', () => {
    const [cushion, ...others] = anOrder().lines;
    const partlySent = anOrder({
      deliveryPreference: 'SHIP_AS_AVAILABLE',
      lines: [{ ...cushion, status: 'SHIPPED', payment: 'CAPTURED', cancellable: false }, ...others],
      parcels: [
        { lineIds: ['L3'], eta: { earliest: '2026-11-26', latest: '2026-11-30' } },
        { lineIds: ['L2'], eta: { earliest: '2026-12-17', latest: '2026-12-21' } },
      ],
      shipments: [
        {
          carrier: 'PostNord',
          trackingNumber: '00370712345678901234',
          trackingUrl: null,
          shippedAt: '2026-11-24T10:00:00Z',
          deliveredAt: null,
          lineIds: ['L1'],
        },
      ],
    });
    render(<OrderView order={partlySent} language="en" />);
    expect(screen.getByRole('heading', { name: 'Parcels still to come' })).toBeTruthy();
    const coming = [...screen.getByTestId('parcels').querySelectorAll('li')].map((item) => item.textContent);
    expect(coming).toEqual([expect.stringMatching(/^Parcel 2, .*: Rhein lamp$/), expect.stringMatching(/^Parcel 3, .*: Oslo sofa$/)]);
    // The parcel that left is parcel 1, with what went in it.
    expect(screen.getByTestId('shipment').textContent).toMatch(
      /^Parcel 1 \(Linen cushion cover\): PostNord, tracking number 00370712345678901234, /,
    );
    cleanup();

    // The last parcel still to come is listed too, with its number, once one has left.
    render(<OrderView order={{ ...partlySent, parcels: partlySent.parcels.slice(1) }} language="en" />);
    expect(screen.getByRole('heading', { name: 'Parcels still to come' })).toBeTruthy();
    expect(screen.getByTestId('parcels').textContent).toMatch(/^Parcel 2, .*: Oslo sofa$/);
  });

  it('lists which items go in which parcel under each delivery option before one is chosen', () => {
    const open = anOrder({
      choice: {
        open: true,
        closedReason: null,
        waitWindow: { earliest: '2026-12-17', latest: '2026-12-21' },
        splitParcels: [
          { lineIds: ['L1'], eta: { earliest: '2026-11-26', latest: '2026-11-30' } },
          { lineIds: ['L3'], eta: { earliest: '2026-11-30', latest: '2026-12-09' } },
          { lineIds: ['L2'], eta: { earliest: '2026-12-17', latest: '2026-12-21' } },
        ],
        extraCost: '0',
        splitNeedsCode: false,
      },
    });
    render(<OrderView order={open} language="en" token="T" onChange={() => {}} />);
    const split = screen.getByTestId('split-parcels').querySelectorAll('li');
    expect(Array.from(split, (item) => item.textContent)).toEqual([
      expect.stringMatching(/^Parcel 1, around .*26.*30 Nov: Linen cushion cover$/),
      // The supplier's own parcel says whose it is: not one to wait for from the shop.
      expect.stringMatching(/^Parcel 2, from the supplier, around .*: Rhein lamp$/),
      expect.stringMatching(/^Parcel 3, around .*: Oslo sofa$/),
    ]);
    expect(screen.getByTestId('wait-parcels').textContent).toMatch(
      /^Parcel 1, around .*21 Dec: Linen cushion cover, Rhein lamp and Oslo sofa$/,
    );
    expect(
      screen.getByRole('radio', { name: /Ship each item as it is ready/ }).getAttribute('aria-describedby'),
    ).toBe(screen.getByTestId('split-parcels').id);
    cleanup();

    // German dates a window, never "um" it ("um" is for the hour).
    render(<OrderView order={{ ...open, locale: 'de' }} language="de" token="T" onChange={() => {}} />);
    expect(screen.getByTestId('wait-parcels').textContent).toMatch(/^Paket 1, voraussichtlich .*21\. Dez.*: /);
    // The option says how many parcels; its list, once, says when each comes with what.
    expect(screen.getByRole('radio', { name: /^Jeden Artikel senden, sobald er bereit ist, in 3 Paketen/ })).toBeTruthy();
    expect(screen.getByTestId('split-parcels').textContent).toMatch(
      /Paket 1, voraussichtlich .*Paket 2, vom Lieferanten, voraussichtlich .*Paket 3, voraussichtlich /,
    );
    expect(document.body.textContent).not.toMatch(/\bum \w{2}\.? \d/);
  });

  it('links a shipped parcel to the carrier’s own page and says when it was delivered', () => {
    const delivered = anOrder({
      lines: [
        {
          ...anOrder().lines[0],
          status: 'DELIVERED',
          payment: 'CAPTURED',
          cancellable: false,
          closedAt: '2026-11-29T12:00:00Z',
        },
      ],
      parcels: [],
      shipments: [
        {
          carrier: 'PostNord',
          trackingNumber: '00370712345678901234',
          trackingUrl: 'https://tracking.postnord.com/?id=00370712345678901234',
          shippedAt: '2026-11-27T10:00:00Z',
          deliveredAt: '2026-11-29T12:00:00Z',
          lineIds: ['L1'],
        },
      ],
    });
    render(<OrderView order={delivered} language="en" />);
    const link = screen.getByRole('link', { name: /^PostNord, tracking number 00370712345678901234/ });
    expect(link.getAttribute('href')).toBe('https://tracking.postnord.com/?id=00370712345678901234');
    expect(screen.getByTestId('delivered').textContent).toMatch(/Delivered 29 November 2026/);
    expect(screen.getByTestId('order-eta').textContent).toBe('Your order has been delivered');
    // Said once, with its day: not "Delivered" and then "Delivered 29 November 2026".
    expect(document.querySelector('li.line .status')?.textContent).toBe('Delivered 29 November 2026');
    expect(document.querySelector('li.line')?.textContent?.match(/Delivered/g)).toHaveLength(1);
  });

  it('asks the one question at the end only once everything is delivered, and sends the answer', async () => {
    const delivered = anOrder({
      lines: [{ ...anOrder().lines[0], status: 'DELIVERED', payment: 'CAPTURED', cancellable: false }],
      parcels: [],
      question: { asked: true, score: null, comment: null, changeableUntil: null },
    });
    answerQuestion.mockResolvedValue({
      order: { ...delivered, question: { asked: true, score: 4, comment: 'Clear', changeableUntil: '2099-01-01T00:00:00Z' } },
    });
    const onChange = vi.fn();
    render(<OrderView order={delivered} language="en" token="T" onChange={onChange} />);

    const question = within(screen.getByTestId('question'));
    fireEvent.click(question.getByRole('radio', { name: '4' }));
    fireEvent.change(question.getByLabelText('Anything to add? (optional)'), { target: { value: ' Clear ' } });
    fireEvent.click(question.getByRole('button', { name: 'Send answer' }));

    await question.findByText('Thank you. You can change your answer for a week.');
    expect(answerQuestion).toHaveBeenCalledWith('T', 4, 'Clear');
    cleanup();
    render(<OrderView order={anOrder()} language="en" token="T" onChange={() => {}} />);
    expect(screen.queryByTestId('question')).toBeNull();
  });
});

describe('an item running late', () => {
  it('is blamed on the supplier only where the supplier has it, not where it waits to leave our warehouse', () => {
    const late = (line: string, name: string) => ({
      type: 'RUNNING_LATE',
      at: '2026-12-05T09:00:00Z',
      details: [
        { key: 'line', value: line },
        { key: 'name', value: name },
        { key: 'from', value: '2026-11-30' },
        { key: 'to', value: '2026-12-09' },
      ],
      reasonTexts: [],
    });
    render(
      <OrderView
        order={anOrder({ timeline: [late('L1', 'Linen cushion cover'), late('L3', 'Rhein lamp')] })}
        language="en"
      />,
    );

    expect(screen.getByText(/^Linen cushion cover is running late: it has not left our warehouse yet\./)).toBeTruthy();
    expect(screen.getByText(/^Rhein lamp is running late: the supplier has not confirmed a new date\./)).toBeTruthy();
  });
});

describe('a shop that always delivers complete', () => {
  it('says its rule of the items it sends when a supplier sends one apart, not of the whole order', () => {
    const closed = { ...anOrder().choice, open: false, closedReason: 'POLICY_SHIPS_COMPLETE' as const };
    render(<OrderView order={anOrder({ choice: closed })} language="en" token="T" onChange={() => {}} />);
    expect(
      screen.getByText('The items we send always come together in one delivery; the supplier sends its own apart.'),
    ).toBeTruthy();
    expect(screen.queryByText('Your order is always delivered complete.')).toBeNull();
    cleanup();

    // Without a supplier's parcel, the whole order comes complete.
    const ours = anOrder({ choice: closed, lines: anOrder().lines.filter((line) => line.source !== 'DROPSHIP') });
    render(<OrderView order={ours} language="en" token="T" onChange={() => {}} />);
    expect(screen.getByText('Your order is always delivered complete.')).toBeTruthy();
  });
});
