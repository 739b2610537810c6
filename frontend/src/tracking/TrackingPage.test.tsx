import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { CustomerOrder } from './api';
import { anOrder } from './testOrders';
import { TrackingPage } from './TrackingPage';

const trackOrder = vi.fn();
const chooseDelivery = vi.fn();
let liveUpdate: (order: CustomerOrder) => void = () => {};

vi.mock('./api', () => ({
  trackOrder: (...args: unknown[]) => trackOrder(...args),
  followOrder: (_token: string, onChange: (order: CustomerOrder) => void) => {
    liveUpdate = onChange;
    return () => {};
  },
  chooseDelivery: (...args: unknown[]) => chooseDelivery(...args),
  answerQuestion: vi.fn(),
  chooseMessageChannels: vi.fn(),
  requestCode: vi.fn(),
  cancelLines: vi.fn(),
}));

afterEach(cleanup);

const ready = { lineIds: ['L1'], eta: { earliest: '2026-11-26', latest: '2026-11-30' } };
const dropshipped = { lineIds: ['L3'], eta: { earliest: '2026-11-30', latest: '2026-12-09' } };
const backordered = { lineIds: ['L2'], eta: { earliest: '2026-12-17', latest: '2026-12-21' } };
const waiting = anOrder({
  choice: {
    open: true,
    closedReason: null,
    waitWindow: { earliest: '2026-12-17', latest: '2026-12-21' },
    splitParcels: [ready, dropshipped, backordered],
    extraCost: '0',
    splitNeedsCode: false,
  },
});
const split = {
  ...waiting,
  deliveryPreference: 'SHIP_AS_AVAILABLE' as const,
  parcels: [ready, dropshipped, backordered],
  revision: waiting.revision + 1,
};

/** The parcels the chosen option lists (while the choice is open, the page lists them there, once). */
function parcelsShown() {
  return screen.queryByTestId('split-parcels')?.querySelectorAll('li').length ?? 0;
}

it('keeps the customer’s choice when a live update read before it arrives after its answer', async () => {
  trackOrder.mockResolvedValue({ order: waiting, shop: null });
  chooseDelivery.mockResolvedValue({ order: split });
  render(<TrackingPage token="T" />);

  fireEvent.click(await screen.findByRole('radio', { name: /Ship each item as it is ready/ }));
  await screen.findByText('Saved. You can change your mind until we send the first item.');
  expect(parcelsShown()).toBe(3);

  // The live update the page subscribed to answers with the order as it was before the choice.
  act(() => liveUpdate(waiting));
  expect(parcelsShown()).toBe(3);
  expect(screen.getByRole<HTMLInputElement>('radio', { name: /Ship each item as it is ready/ }).checked).toBe(true);

  // A later change (the backordered sofa delayed into the same parcel as the lamp) does come through.
  const together = [ready, { ...backordered, lineIds: ['L3', 'L2'] }];
  act(() =>
    liveUpdate({
      ...split,
      parcels: together,
      choice: { ...split.choice, splitParcels: together },
      revision: split.revision + 1,
    }),
  );
  expect(parcelsShown()).toBe(2);
});

it('stays in the language it opened in when the customer has their messages come in another', async () => {
  window.localStorage.clear();
  const danish = anOrder({ locale: 'da' });
  trackOrder.mockResolvedValue({ order: danish, shop: null });
  const notYet = () => {};
  liveUpdate = notYet;
  render(<TrackingPage token="T" />);
  await screen.findByText('Beskeder om denne ordre');
  // The page follows the order once it found it: the live update goes to this page, not to an earlier test's.
  await waitFor(() => expect(liveUpdate).not.toBe(notYet));

  // Their messages now come in English (chosen here, or in another tab, which the live update brings).
  act(() => liveUpdate({ ...danish, locale: 'en', revision: danish.revision + 1 }));
  // The update arrived (the messages box says they come in English), and the page still reads Danish.
  expect(screen.getByText('Du læser siden på et andet sprog end beskederne: de kommer på engelsk.')).toBeTruthy();
  expect(screen.getByText('Beskeder om denne ordre')).toBeTruthy();
  expect(screen.queryByText('Messages about this order')).toBeNull();
  // The next visit on this device opens in Danish as well.
  expect(window.localStorage.getItem('leadline.language')).toBe('da');
});

it('says to a screen reader which items a live update moved on, as the page changes under the customer', async () => {
  window.localStorage.clear();
  const order = anOrder();
  trackOrder.mockResolvedValue({ order, shop: null });
  const notYet = () => {};
  liveUpdate = notYet;
  render(<TrackingPage token="T" />);
  await screen.findByText('Messages about this order');
  await waitFor(() => expect(liveUpdate).not.toBe(notYet));
  expect(screen.getByTestId('live-news').textContent).toBe('');

  // The goods came in: the sofa is ready to ship.
  act(() =>
    liveUpdate({
      ...order,
      lines: order.lines.map((line) => (line.id === 'L2' ? { ...line, status: 'READY' as const } : line)),
      revision: order.revision + 1,
    }),
  );

  expect(screen.getByTestId('live-news').textContent).toBe('Updated just now: Oslo sofa: Ready to ship.');
  expect(screen.getByTestId('live-news').getAttribute('role')).toBe('status');

  // The update after it (the message about it sent) moves no item on: the news stays to be read.
  act(() =>
    liveUpdate({
      ...order,
      lines: order.lines.map((line) => (line.id === 'L2' ? { ...line, status: 'READY' as const } : line)),
      revision: order.revision + 2,
    }),
  );
  expect(screen.getByTestId('live-news').textContent).toBe('Updated just now: Oslo sofa: Ready to ship.');
});
