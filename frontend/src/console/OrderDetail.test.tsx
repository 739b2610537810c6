import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { OrderDetail } from './OrderDetail';
import { aReadyLine, anAgentOrder, anEvent, aSystemNote } from './testOrders';
import { anOrder as aCustomerOrder } from '../tracking/testOrders';
import { request } from './__mocks__/client';
import { setConsoleLanguage } from './messages';

vi.mock('./client');

const order = anAgentOrder({
  deliveryPreference: 'SHIP_AS_AVAILABLE',
  totalCharged: '0.00',
  lines: [aReadyLine('L1', 'Glass vase'), aReadyLine('L2', 'Oak stool')],
});

/** The next request answers when the test says so. */
function pending() {
  let answer: (data: unknown) => void = () => {};
  request.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
  return (data: unknown) => act(async () => answer(data));
}

beforeEach(() => {
  request.mockImplementation(() => Promise.resolve({}));
});

const suppliers = [{ code: 'BALTIC-WOOD', name: 'Baltic Woodcraft' }];

afterEach(() => {
  cleanup();
  request.mockReset();
});

it("names a line's supplier as agents know it, beside the purchase order it waits for", async () => {
  const waiting = { ...aReadyLine('L3', 'Aarhus chair'), supplier: 'BALTIC-WOOD', purchaseOrder: 'PO-BW-0877' };
  render(<OrderDetail order={anAgentOrder({ lines: [waiting] })} onChanged={() => {}} suppliers={suppliers} />);

  expect(
    await screen.findByText(
      (_, element) => element?.tagName === 'TD' && element.textContent === 'Baltic Woodcraft / PO-BW-0877',
    ),
  ).toBeTruthy();
  // The purchase order's number is kept whole: on a phone it does not break at its hyphens.
  expect(screen.getByText('PO-BW-0877').className).toBe('nowrap');
});

it('names no purchase order nor expected days for a line the customer cancelled; a line refunded after it shipped keeps both', async () => {
  const cancelled = {
    ...aReadyLine('L3', 'Aarhus chair'),
    status: 'CANCELLED' as const,
    supplier: 'BALTIC-WOOD',
    purchaseOrder: 'PO-BW-0877',
  };
  const refundedAfterShipping = {
    ...aReadyLine('L4', 'Oak stool'),
    status: 'REFUNDED' as const,
    supplier: 'BALTIC-WOOD',
    purchaseOrder: 'PO-BW-0878',
  };
  const order = anAgentOrder({
    lines: [cancelled, refundedAfterShipping],
    shipments: [
      {
        carrier: 'GLS',
        trackingNumber: 'GLS-1',
        shippedAt: '2026-12-10T10:00:00Z',
        deliveredAt: null,
        lineIds: ['L4'],
      },
    ],
  });
  render(<OrderDetail order={order} onChanged={() => {}} suppliers={suppliers} />);

  const cells = (lineId: string) =>
    [...document.querySelectorAll(`tr[data-line="${lineId}"] td`)].map((cell) => cell.textContent);
  await screen.findByText('Aarhus chair', { exact: false });
  expect(cells('L3').slice(-2)).toEqual(['Baltic Woodcraft', '—']);
  expect(cells('L4')[6]).toBe('Baltic Woodcraft / PO-BW-0878');
  // Its window and promise stay, as they were when it shipped.
  expect(cells('L4')[7]).toMatch(/^\S.* \(promised by \w{3} 20 Dec\)$/);
});

it('says of a backordered line no purchase order covers yet that it is not ordered yet', async () => {
  const toOrder = {
    ...aReadyLine('L3', 'Aarhus chair'),
    source: 'BACKORDER' as const,
    status: 'AWAITING_SUPPLIER' as const,
    supplier: 'BALTIC-WOOD',
  };
  render(<OrderDetail order={anAgentOrder({ lines: [toOrder] })} onChanged={() => {}} suppliers={suppliers} />);

  expect(await screen.findByText('Baltic Woodcraft / not ordered yet')).toBeTruthy();
});

it('says when a line waiting for the order’s one delivery reaches the customer, as their page does, and its own days apart', async () => {
  const vase = { ...aReadyLine('L1', 'Glass vase'), arrival: { earliest: '2027-01-06', latest: '2027-01-19' } };
  const chair = {
    ...aReadyLine('L2', 'Aarhus chair'),
    source: 'BACKORDER' as const,
    status: 'AWAITING_SUPPLIER' as const,
    eta: { earliest: '2027-01-06', latest: '2027-01-19' },
    arrival: { earliest: '2027-01-06', latest: '2027-01-19' },
  };
  render(<OrderDetail order={anAgentOrder({ lines: [vase, chair] })} onChanged={() => {}} suppliers={suppliers} />);

  const expected = (id: string) =>
    document.querySelector(`tr[data-line="${id}"] td[data-label="Expected"]`)?.textContent?.replace(/\s+/g, ' ');
  await waitFor(() =>
    expect(expected('L1')).toBe(
      'Wed 6 Jan – Tue 19 Jan with the rest of the order (on its own Tue 15 Dec – Fri 18 Dec) (promised by Sun 20 Dec)',
    ),
  );
  expect(expected('L2')).toBe('Wed 6 Jan – Tue 19 Jan (promised by Sun 20 Dec)');
});

it('says a move nobody gave customers a reason for without an empty reason, and its note after it', async () => {
  const corrected = anAgentOrder({
    timeline: [
      anEvent(
        'ETA_MOVED',
        { line: 'L1', name: 'Oslo sofa', from: '2026-12-10', to: '2026-12-28', reason: '' },
        {
          systemNote: aSystemNote('RECEIPT_TAKEN_BACK', {
            purchaseOrder: 'PO-NS-2041',
            receivedOn: '2026-12-04',
            'units:SOFA-OSLO-3': '12',
          }),
        },
      ),
    ],
  });
  render(<OrderDetail order={corrected} onChanged={() => {}} suppliers={suppliers} />);

  const event = (await screen.findByText(/^Oslo sofa: latest day moved from /)).closest('li');
  expect(event?.textContent).toMatch(
    / to Mon 28 Dec — Note: Receipt of 12 × SOFA-OSLO-3 on purchase order PO-NS-2041 \(arrived Fri 4 Dec\) taken back\.$/,
  );
  expect(event?.textContent).not.toMatch(/Reason/);
});

it("words the notes Leadline wrote in the agent's language, an agent's own note as written", async () => {
  const noted = anAgentOrder({
    lines: [aReadyLine('L1', 'Oslo sofa'), aReadyLine('L2', 'Aarhus chair')],
    timeline: [
      anEvent(
        'GOODS_RECEIVED',
        { lines: 'L1,L2' },
        {
          systemNote: aSystemNote('TOOK_SPARE_UNITS', { purchaseOrder: 'PO-2', 'waited:L1': 'PO-1', 'waited:L2': '' }),
        },
      ),
      anEvent(
        'ETA_MOVED',
        { line: 'L1', name: 'Oslo sofa', from: '2026-12-10', to: '2026-12-28', reason: '' },
        { at: '2026-12-06T03:40:00Z', internalNote: 'Ringede til leverandøren' },
      ),
    ],
  });
  setConsoleLanguage('da');
  try {
    render(<OrderDetail order={noted} onChanged={() => {}} suppliers={suppliers} />);
    const notes = (await screen.findByRole('heading', { name: 'Interne noter' })).nextElementSibling;
    expect(
      [...(notes?.querySelectorAll('li') ?? [])].map((note) => note.textContent?.replace(/^.*?\d{2}[.:]\d{2} /, '')),
    ).toEqual([
      'Tog overskydende enheder på indkøbsordre PO-2: Oslo sofa ventede på indkøbsordre PO-1; Aarhus chair ventede på at blive bestilt.',
      'Ringede til leverandøren',
    ]);
  } finally {
    setConsoleLanguage('en');
  }
});

it('names the items a parcel took and the items goods made ready in the timeline', async () => {
  const told = anAgentOrder({
    lines: [aReadyLine('L1', 'Glass vase'), aReadyLine('L2', 'Oak stool')],
    timeline: [
      anEvent('GOODS_RECEIVED', { lines: 'L2' }),
      anEvent('SHIPPED', { lines: 'L1,L2', carrier: 'GLS', trackingNumber: 'GLS-4711' }),
    ],
  });
  render(<OrderDetail order={told} onChanged={() => {}} suppliers={suppliers} />);

  expect((await screen.findByText(/^Goods arrived from the supplier; ready: /)).textContent).toBe(
    'Goods arrived from the supplier; ready: Oak stool',
  );
  expect(screen.getByText(/^Shipped with GLS/).textContent).toBe(
    'Shipped with GLS, tracking number GLS-4711: Glass vase and Oak stool',
  );
});

it('says in German who chose the delivery as German says it: the customer, or an agent by name', async () => {
  setConsoleLanguage('de');
  try {
    const { unmount } = render(
      <OrderDetail order={anAgentOrder({ deliveryChosenBy: 'customer' })} onChanged={() => {}} />,
    );
    expect(await screen.findByText(/^Lieferung: .+, vom Kunden gewählt$/)).toBeTruthy();
    unmount();
    render(<OrderDetail order={anAgentOrder({ deliveryChosenBy: 'anna' })} onChanged={() => {}} />);
    expect(await screen.findByText(/^Lieferung: .+, gewählt von anna$/)).toBeTruthy();
  } finally {
    setConsoleLanguage('en');
  }
});

it('refuses a tracking number with markup or symbols beside its field, and reviews one without the spaces typed around it', () => {
  render(<OrderDetail order={order} onChanged={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Ship by hand' }));
  fireEvent.click(screen.getByRole('checkbox', { name: /^Glass vase / }));
  fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: ' GLS ' } });
  const tracking = screen.getByLabelText('Tracking number');
  fireEvent.change(tracking, { target: { value: '<b>ZZ 123 \u{1F600}</b>' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  expect(tracking.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(tracking.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
    "Letters and digits, with a space or '-' between them, at most 40 characters.",
  );
  expect(screen.queryByRole('button', { name: 'Record the shipment and tell the customer' })).toBeNull();

  fireEvent.change(tracking, { target: { value: '  GLS-12 345  ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  expect(screen.getByText(/with GLS, tracking number GLS-12 345,/)).toBeTruthy();
});

it("says in a shipment's review that the parcel ends the customer's choice of delivery while it is open", () => {
  const undecided = anAgentOrder({
    deliveryChoiceOpen: true,
    lines: [aReadyLine('L1', 'Glass vase'), aReadyLine('L2', 'Oak stool')],
  });
  render(<OrderDetail order={undecided} onChanged={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Ship by hand' }));
  fireEvent.click(screen.getByRole('checkbox', { name: /^Glass vase / }));
  fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: 'GLS' } });
  fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: 'GLS-1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  expect(screen.getByTestId('shipment-review').textContent).toContain(
    'The customer can still choose one delivery or items as they are ready; this parcel ends that choice.',
  );
});

it('lets nothing start or change another parcel while a shipment is being recorded, and then says it was', async () => {
  render(<OrderDetail order={order} onChanged={() => {}} />);
  const byHand = screen.getByRole('button', { name: 'Ship by hand', expanded: false });
  fireEvent.click(byHand);
  // A screen reader hears that the button opened the shipment's form.
  expect(byHand.getAttribute('aria-expanded')).toBe('true');
  expect(document.getElementById(byHand.getAttribute('aria-controls') ?? '')?.tagName).toBe('FORM');
  fireEvent.click(screen.getByRole('checkbox', { name: /^Glass vase / }));
  fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: 'GLS' } });
  fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: 'GLS-1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  const answer = pending();
  fireEvent.click(screen.getByRole('button', { name: 'Record the shipment and tell the customer' }));

  // The live refresh may show the shipment before this answer; a parcel started now would be closed by it.
  expect((screen.getByRole('button', { name: 'Ship by hand' }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole('checkbox', { name: /^Oak stool / }) as HTMLInputElement).disabled).toBe(true);
  expect((screen.getByLabelText('Tracking number') as HTMLInputElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: 'Review' }) as HTMLButtonElement).disabled).toBe(true);

  await answer({ recordShipment: { errors: [], order: { ...order, revision: 4 } } });

  expect(screen.getByTestId('shipment-done').textContent).toBe(
    'Shipment recorded for order N-1001: Glass vase with GLS.',
  );
  expect((screen.getByRole('button', { name: 'Ship by hand' }) as HTMLButtonElement).disabled).toBe(false);
});

it('offers neither reissuing nor revoking the tracking link while one of them is on its way', async () => {
  render(<OrderDetail order={order} onChanged={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Reissue tracking link' }));
  const answer = pending();
  fireEvent.click(screen.getByRole('button', { name: 'Issue the new link' }));

  expect((screen.getByRole('button', { name: 'Revoke tracking link' }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: 'Reissue tracking link' }) as HTMLButtonElement).disabled).toBe(true);

  await answer({ reissueTrackingLink: { errors: [], trackingUrl: 'http://localhost/t/NEW' } });

  expect((screen.getByRole('button', { name: 'Revoke tracking link' }) as HTMLButtonElement).disabled).toBe(false);
  expect(screen.getByText(/http:\/\/localhost\/t\/NEW/)).toBeTruthy();
});

it('says when the customer cannot open their link, and offers no revoking of a link that opens nothing', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      String(document).includes('query CustomerView')
        ? { customerView: aCustomerOrder({ number: order.number, locale: 'da' }) }
        : {},
    ),
  );
  render(<OrderDetail order={{ ...order, trackingLinkOpens: false }} onChanged={() => {}} />);

  expect(
    screen.getByText(/The customer's link does not open the order now: it was revoked or has expired/),
  ).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Revoke tracking link' }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: 'Reissue tracking link' }) as HTMLButtonElement).disabled).toBe(false);
  fireEvent.click(screen.getByRole('button', { name: "Show the customer's page" }));
  await screen.findByTestId('customer-view');
  expect(
    screen.getByText('The customer cannot open this page now: their tracking link was revoked or has expired.'),
  ).toBeTruthy();
});

it('says which button opened the shipment form, closes it with that button or Escape, and gives it the keyboard back', () => {
  render(
    <OrderDetail
      order={anAgentOrder({ ...order, proposedShipment: { lineIds: ['L1', 'L2'] } })}
      onChanged={() => {}}
    />,
  );
  const proposed = screen.getByRole('button', { name: 'Ship the proposed parcel' });
  const byHand = screen.getByRole('button', { name: 'Ship by hand' });

  fireEvent.click(proposed);
  expect(screen.getByRole('form', { name: 'Record a shipment' })).toBeTruthy();
  expect(proposed.getAttribute('aria-expanded')).toBe('true');
  expect(byHand.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(proposed);
  expect(screen.queryByRole('form', { name: 'Record a shipment' })).toBeNull();
  expect(proposed.getAttribute('aria-expanded')).toBe('false');

  fireEvent.click(byHand);
  fireEvent.keyDown(screen.getByLabelText('Carrier'), { key: 'Escape' });
  expect(screen.queryByRole('form', { name: 'Record a shipment' })).toBeNull();
  expect(document.activeElement).toBe(byHand);

  // From the button just pressed, with the keyboard still on it, too.
  fireEvent.click(proposed);
  fireEvent.keyDown(proposed, { key: 'Escape' });
  expect(screen.queryByRole('form', { name: 'Record a shipment' })).toBeNull();
  expect(proposed.getAttribute('aria-expanded')).toBe('false');
});

it('gives the keyboard back to the button that asked for a review when it is left, and to the outcome once confirmed', async () => {
  render(<OrderDetail order={order} onChanged={() => {}} />);
  const revoke = screen.getByRole('button', { name: 'Revoke tracking link' });
  revoke.focus();
  fireEvent.click(revoke);
  expect(document.activeElement).toBe(screen.getByTestId('revoke-review'));
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(document.activeElement).toBe(revoke));

  const reissue = screen.getByRole('button', { name: 'Reissue tracking link' });
  reissue.focus();
  fireEvent.click(reissue);
  const answer = pending();
  fireEvent.click(screen.getByRole('button', { name: 'Issue the new link' }));
  await answer({ reissueTrackingLink: { errors: [], trackingUrl: 'http://localhost/t/NEW' } });

  const said = screen.getByRole('status');
  expect(said.textContent).toMatch(/http:\/\/localhost\/t\/NEW/);
  await waitFor(() => expect(document.activeElement).toBe(said));
});

it("records a supplier's parcel of a dropshipped item without the shop's extra shipping, leaving nothing behind", () => {
  const lamp = { ...aReadyLine('L3', 'Rhein lamp'), source: 'DROPSHIP', status: 'AWAITING_SUPPLIER' } as const;
  const mixed = anAgentOrder({
    deliveryPreference: 'WAIT_FOR_ALL',
    nextParcelExtraShipping: '49.00',
    lines: [aReadyLine('L1', 'Glass vase'), aReadyLine('L2', 'Oak stool'), lamp],
  });
  const review = (item: RegExp) => {
    render(<OrderDetail order={mixed} onChanged={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ship by hand' }));
    fireEvent.click(screen.getByRole('checkbox', { name: item }));
    fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: 'DHL' } });
    fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: 'DHL-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  };

  // The lamp's supplier sent it: not one of the shop's parcels, and the customer's one delivery is the shop's.
  review(/^Rhein lamp /);
  expect(screen.queryByText(/extra shipping/)).toBeNull();
  expect(screen.queryByText(/stays? behind/)).toBeNull();
  cleanup();

  // The vase alone leaves the stool behind, not the lamp, which never was to come with it.
  review(/^Glass vase /);
  expect(screen.getByText(/extra shipping/)).toBeTruthy();
  expect(screen.getByText(/stays behind/).textContent).toMatch(/; Oak stool stays behind/);
  expect(screen.queryByText(/sent by the supplier in a parcel of its own/)).toBeNull();
  cleanup();

  // The lamp ticked into the shop's parcel: the review says its supplier sends it apart, before the card is charged.
  render(<OrderDetail order={mixed} onChanged={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Ship by hand' }));
  fireEvent.click(screen.getByRole('checkbox', { name: /^Glass vase / }));
  fireEvent.click(screen.getByRole('checkbox', { name: /^Rhein lamp / }));
  fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: 'DHL' } });
  fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: 'DHL-1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  expect(screen.getByText(/sent by the supplier in a parcel of its own/).textContent).toMatch(
    /^Rhein lamp is sent by the supplier in a parcel of its own: recorded in the shop's parcel, it is said to have left with it\./,
  );
});

it('says of a refund decided which way it went, for how much and what the customer reads', async () => {
  const decided = (decision: string, reason: string) =>
    anEvent('REFUND_DECIDED', { decision, amount: '449.00', reason });
  render(
    <OrderDetail
      order={anAgentOrder({
        timeline: [decided('APPROVED', 'Late beyond the promise'), decided('REJECTED', 'Delivered')],
      })}
      onChanged={() => {}}
      suppliers={suppliers}
    />,
  );

  expect(
    await screen.findByText(
      /^Refund of DKK\s?449\.00 approved and paid back; the customer reads: Late beyond the promise$/,
    ),
  ).toBeTruthy();
  expect(screen.getByText(/^Refund of DKK\s?449\.00 declined; the customer reads: Delivered$/)).toBeTruthy();
});

it('says an item late leaving our warehouse is ours to send, not the supplier’s', async () => {
  const late = anEvent('RUNNING_LATE', { line: 'L1', name: 'Glass vase', from: '2026-12-10', to: '2026-12-14' });
  render(
    <OrderDetail
      order={anAgentOrder({ lines: [aReadyLine('L1', 'Glass vase')], timeline: [late] })}
      onChanged={() => {}}
      suppliers={suppliers}
    />,
  );

  expect(
    await screen.findByText(/^Glass vase: running late, it has not left our warehouse; latest day moved from /),
  ).toBeTruthy();
});

it('lists the messages the customer was sent about this order, asking for that order’s only', async () => {
  request.mockImplementation((document: unknown, variables: { orderNumber?: string | null }) =>
    Promise.resolve(
      String(document).includes('query Outbox')
        ? {
            outbox: [
              {
                id: 'M1',
                channel: 'SMS',
                recipient: '+4520123456',
                orderNumber: variables.orderNumber,
                kind: 'ETA_MOVED',
                subject: 'New delivery window for order N-1',
                text: 'Order N-1: now expected 12-15 Jan.',
                status: 'SENT',
                createdAt: '2026-12-07T09:00:00Z',
                attempts: 1,
                error: null,
                deliveryStatus: 'delivered',
                uncertain: false,
              },
            ],
          }
        : {},
    ),
  );
  render(<OrderDetail order={order} onChanged={() => {}} suppliers={suppliers} />);

  // The list is there at once; its messages once they are read.
  await screen.findByText('New delivery window for order N-1');
  const sent = screen.getByRole('list', { name: 'Messages to the customer' });
  expect(sent.textContent).toMatch(/Order N-1: now expected 12-15 Jan\./);
  const asked = request.mock.calls.find(([document]) => String(document).includes('query Outbox'));
  expect(asked?.[1]).toEqual({ orderNumber: order.number });
});

it('says how many of an item a parcel holds, in its review and in what was recorded', async () => {
  const twoVases = anAgentOrder({
    deliveryPreference: 'SHIP_AS_AVAILABLE',
    totalCharged: '0.00',
    lines: [{ ...aReadyLine('L1', 'Glass vase'), quantity: 2 }, aReadyLine('L2', 'Oak stool')],
  });
  render(<OrderDetail order={twoVases} onChanged={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Ship by hand', expanded: false }));
  fireEvent.click(screen.getByRole('checkbox', { name: /^Glass vase / }));
  fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: 'GLS' } });
  fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: 'GLS-1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  expect(screen.getByTestId('shipment-review').textContent).toContain('holding 2 × Glass vase.');
  const answer = pending();
  fireEvent.click(screen.getByRole('button', { name: 'Record the shipment and tell the customer' }));
  await answer({ recordShipment: { errors: [], order: { ...twoVases, revision: 4 } } });
  expect(screen.getByTestId('shipment-done').textContent).toBe(
    'Shipment recorded for order N-1001: 2 × Glass vase with GLS.',
  );
});

it('names the order’s scrolling tables, each as a region a keyboard can reach and a screen reader names', () => {
  render(<OrderDetail order={order} onChanged={() => {}} />);

  const items = screen.getByRole('region', { name: 'Items' });
  expect(items.getAttribute('tabindex')).toBe('0');
  expect(screen.getByRole('table', { name: 'Items' })).toBe(items.querySelector('table'));
});

it("shows the customer's page as the customer reads it, in their language or another, without their buttons, and follows the order", async () => {
  const customerSees = aCustomerOrder({ number: order.number, locale: 'da' });
  request.mockImplementation((document: unknown) =>
    Promise.resolve(String(document).includes('query CustomerView') ? { customerView: customerSees } : {}),
  );
  const { rerender } = render(<OrderDetail order={order} onChanged={() => {}} suppliers={suppliers} />);
  const show = screen.getByRole('button', { name: "Show the customer's page" });
  expect(request.mock.calls.some(([document]) => String(document).includes('query CustomerView'))).toBe(false);

  fireEvent.click(show);

  const page = await screen.findByTestId('customer-view');
  expect(show.getAttribute('aria-expanded')).toBe('true');
  expect(screen.getByText(/What the customer reads behind their tracking link now, in Danish/)).toBeTruthy();
  // One page's top heading: the customer's order heading sits below this section's "The customer's page" (h3).
  expect(page.querySelector('h1, h2, h3')).toBeNull();
  expect(within(page).getByRole('heading', { level: 4 }).textContent).toBe(`Ordre ${order.number}`);
  expect(within(page).getByRole('heading', { level: 6, name: 'Rhein lamp' })).toBeTruthy();
  expect(screen.queryByText(/The customer cannot open this page now/)).toBeNull();
  expect(page.textContent).toContain('Rhein lamp');
  // The page as the customer has it, the late lamp's cancel button and all; none of it to use in their name here.
  expect(within(page).getByRole('button', { name: /^Annullér denne vare/ })).toBeTruthy();
  const controls = [...page.querySelectorAll('button, input, select, textarea')];
  expect(controls.length).toBeGreaterThan(0);
  expect(controls.every((control) => control.matches(':disabled'))).toBe(true);
  const asked = request.mock.calls.filter(([document]) => String(document).includes('query CustomerView'));
  expect(asked.map(([, variables]) => variables)).toEqual([{ orderNumber: order.number }]);

  fireEvent.change(screen.getByRole('combobox', { name: 'Language of the page' }), { target: { value: 'en' } });
  expect(page.querySelector('h4')?.textContent).toBe(`Order ${order.number}`);

  // A change of the order (a live update brings a new revision) asks for the page again; the page stays meanwhile.
  const next = pending();
  rerender(
    <OrderDetail order={{ ...order, revision: order.revision + 1 }} onChanged={() => {}} suppliers={suppliers} />,
  );
  expect(screen.getByTestId('customer-view').textContent).toContain('Rhein lamp');
  expect(screen.getByTestId('customer-view').textContent).not.toContain('Ready to ship');
  const [cushion, sofa, lamp] = customerSees.lines;
  await next({ customerView: { ...customerSees, lines: [cushion, { ...sofa, status: 'READY' }, lamp], revision: 4 } });
  await waitFor(() => expect(screen.getByTestId('customer-view').textContent).toContain('Ready to ship'));

  fireEvent.click(show);
  expect(screen.queryByTestId('customer-view')).toBeNull();
  expect(show.textContent).toBe("Show the customer's page");
});

it("gives the order's total as the customer's page does, with the extra shipping they agreed to", () => {
  const split = anAgentOrder({
    currency: 'PLN',
    deliveryPreference: 'SHIP_AS_AVAILABLE',
    lines: [
      {
        ...aReadyLine('L1', 'Glass vase'),
        amount: '1493.00',
        status: 'SHIPPED' as const,
        payment: 'CAPTURED' as const,
      },
      { ...aReadyLine('L2', 'Rhein lamp'), amount: '634.70', status: 'SHIPPED' as const, payment: 'CAPTURED' as const },
    ],
    extraShipping: { authorised: '29.99', charged: '29.99', released: true },
    totalCharged: '2157.69',
  });
  render(<OrderDetail order={split} onChanged={() => {}} suppliers={suppliers} />);

  // Items 2,127.70 and the extra parcel's 29.99: the sum the customer reads as their order's total.
  expect(screen.getByTestId('order-money').textContent).toMatch(
    /^Order total \(cancelled and refunded items left out\): PLN\s2,157\.69, of it PLN\s29\.99 extra shipping\. Charged so far: PLN\s2,157\.69, of it PLN\s29\.99 for extra parcels/,
  );
});

it('names who decided a refund approved without a word, with nothing after a colon', () => {
  const refund = (id: string, decisionReason: string | null) => ({
    id,
    lineIds: ['L1'],
    amount: '329.00',
    state: 'PAID' as const,
    requestedAt: '2026-12-07T09:00:00Z',
    decidedBy: 'agent',
    decisionReason,
  });
  render(
    <OrderDetail
      order={anAgentOrder({ refunds: [refund('R1', null), refund('R2', 'Sorry for the long wait')] })}
      onChanged={() => {}}
      suppliers={suppliers}
    />,
  );

  const decisions = [...document.querySelectorAll('td')]
    .filter((cell) => cell.dataset.label === 'Decision')
    .map((cell) => cell.textContent);
  expect(decisions).toEqual(['agent', 'agent: Sorry for the long wait']);
});

it("shows the customer's page in the language the customer changes to, unless the agent picked one", async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      String(document).includes('query CustomerView')
        ? { customerView: aCustomerOrder({ number: order.number, locale: 'da' }) }
        : {},
    ),
  );
  const { rerender } = render(<OrderDetail order={order} onChanged={() => {}} suppliers={suppliers} />);
  fireEvent.click(screen.getByRole('button', { name: "Show the customer's page" }));
  // The page's order heading sits below the section's own heading ("The customer's page", a level 3 heading).
  const heading = async () => (await screen.findByTestId('customer-view')).querySelector('h4')?.textContent;
  expect(await heading()).toBe(`Ordre ${order.number}`);

  /** The order as a live update brings it: the customer's language now, a revision later. */
  const updated = (customerLocale: string, revisions: number) =>
    rerender(
      <OrderDetail
        order={{ ...order, customerLocale, revision: order.revision + revisions }}
        onChanged={() => {}}
        suppliers={suppliers}
      />,
    );

  // The customer has their messages, and so their page, in German now.
  updated('de', 1);
  await waitFor(async () => expect(await heading()).toBe(`Bestellung ${order.number}`));

  fireEvent.change(screen.getByRole('combobox', { name: 'Language of the page' }), { target: { value: 'pl' } });
  updated('en', 2);
  await waitFor(async () => expect(await heading()).toBe(`Zamówienie ${order.number}`));
});

it('says what each payment operation was for: a parcel and the extra shipping it took, a cancelled item, a refund', async () => {
  const lamp = { ...aReadyLine('L1', 'Rhein lamp'), amount: '329.00' };
  const rug = { ...aReadyLine('L2', 'Oslo rug'), amount: '1200.00' };
  const operation = (id: string, kind: string, lineIds: string[], amount: string) => ({
    id,
    kind,
    lineIds,
    amount,
    currency: 'DKK',
    recordedAt: '2026-12-06T10:00:00Z',
  });
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      String(document).includes('query Payments')
        ? {
            payments: [
              operation('1', 'AUTHORIZE', [], '79.00'),
              operation('2', 'CAPTURE', ['L1'], '329.00'),
              operation('3', 'CAPTURE', ['L2'], '1279.00'),
              operation('4', 'VOID', ['L2'], '1200.00'),
              operation('5', 'REFUND', ['L1'], '329.00'),
              operation('6', 'VOID', [], '79.00'),
            ],
          }
        : {},
    ),
  );
  render(<OrderDetail order={anAgentOrder({ lines: [lamp, rug] })} onChanged={() => {}} />);

  fireEvent.click(screen.getByRole('button', { name: 'Show payment operations' }));

  const table = (await screen.findByRole('columnheader', { name: 'For' })).closest('table') as HTMLTableElement;
  const purposes = within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelectorAll('td')[1]?.textContent?.replace(/\s/g, ' '));
  expect(purposes).toEqual([
    'Extra shipping the customer agreed to',
    'Parcel: Rhein lamp',
    'Parcel: Oslo rug, with DKK 79.00 of extra shipping',
    'Cancelled, never charged: Oslo rug',
    'Refund: Rhein lamp',
    'Extra shipping not taken',
  ]);
});
