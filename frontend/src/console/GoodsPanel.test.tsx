import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import {
  ConsoleDataDocument,
  PreviewReceiveGoodsDocument,
  PurchaseOrderForReceiptDocument,
  ReadyOrdersDocument,
  ReceiveGoodsDocument,
} from '../generated/graphql';
import { GoodsPanel, ReceiptPreview } from './GoodsPanel';
import { request } from './__mocks__/client';

vi.mock('./client');

type Preview = Parameters<typeof ReceiptPreview>[0]['preview'];

/** A receipt's review as the API answers it: one order made ready and told so; a test sets what it is about. */
const aReview = (overrides: Partial<Preview>): Preview => ({
  linesReady: 1,
  ordersReady: ['N-1'],
  toldReadyToShip: ['N-1'],
  askedToChoose: [],
  unitsLeftOver: [],
  unitsHeldForWaiting: [],
  waitingLines: [],
  linesTakingSpareUnits: [],
  closes: false,
  ...overrides,
});

const consoleData = {
  purchaseOrders: [
    {
      number: 'PO-BW-0877',
      supplier: 'BALTIC-WOOD',
      skus: ['CHAIR-AARHUS'],
      expectedArrival: '2026-12-21',
      waitingLines: 2,
    },
  ],
  suppliers: [{ code: 'BALTIC-WOOD', name: 'Baltic Wood' }],
  delayReasons: [],
  delayReports: [],
};

const purchaseOrder = {
  purchaseOrder: {
    number: 'PO-BW-0877',
    supplier: 'BALTIC-WOOD',
    status: 'OPEN',
    expectedArrival: '2026-12-21',
    lines: [{ sku: 'CHAIR-AARHUS', ordered: 2, allocated: 2, received: 0 }],
    receipts: [],
  },
};

afterEach(() => {
  cleanup();
  request.mockReset();
});

async function partOfItArrived(
  receipts: unknown[] = [],
  more: (document: unknown) => unknown = () => ({}),
  data: typeof consoleData = consoleData,
) {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === ConsoleDataDocument
        ? data
        : document === PurchaseOrderForReceiptDocument
          ? { purchaseOrder: { ...purchaseOrder.purchaseOrder, receipts } }
          : document === PreviewReceiveGoodsDocument
            ? {
                previewReceiveGoods: {
                  errors: [],
                  preview: aReview({ linesReady: 0, ordersReady: [], toldReadyToShip: [] }),
                },
              }
            : more(document),
    ),
  );
  render(<GoodsPanel />);
  fireEvent.click(await screen.findByRole('radio', { name: 'Part of it arrived (units per SKU)' }));
  return screen.getByRole('spinbutton', { name: /^Units of CHAIR-AARHUS that arrived/ });
}

it('lists the receipts so far one per receipt, whatever its SKUs, as taking one back lists them', async () => {
  const receipt = (sku: string, quantity: number, recordedAt: string, receivedOn = '2026-12-01') => ({
    sku,
    quantity,
    receivedOn,
    recordedAt,
    by: 'anna',
  });
  await partOfItArrived([
    receipt('CHAIR-AARHUS', 2, '2026-12-01T09:00:00Z'),
    receipt('TABLE-RIGA', 1, '2026-12-01T09:00:00Z'),
    receipt('CHAIR-AARHUS', 1, '2026-12-01T15:00:00Z'),
    // Goods that came on Monday 30 November, booked only on Wednesday: listed on their day, first.
    receipt('TABLE-RIGA', 2, '2026-12-02T08:00:00Z', '2026-11-30'),
  ]);

  const receipts = screen.getByRole('heading', { name: 'Receipts so far' }).nextElementSibling;
  expect([...(receipts?.querySelectorAll('li') ?? [])].map((item) => item.textContent)).toEqual([
    'Mon 30 Nov: 2 × TABLE-RIGA, recorded by anna',
    'Tue 1 Dec: 2 × CHAIR-AARHUS, 1 × TABLE-RIGA, recorded by anna',
    'Tue 1 Dec: 1 × CHAIR-AARHUS, recorded by anna',
  ]);
});

it('asks for the day the goods arrived, next to its field, and asks the API nothing without it', async () => {
  await partOfItArrived();
  fireEvent.change(screen.getByLabelText('Arrived on'), { target: { value: '' } });

  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  const date = screen.getByLabelText('Arrived on');
  expect(date.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(date.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
    'Give the day the goods arrived.',
  );
  expect(request.mock.calls.some(([document]) => document === PreviewReceiveGoodsDocument)).toBe(false);
});

it('says a part of a unit beside its SKU and the API’s refusal of another SKU beside that one, in one round', async () => {
  const twoSkus = {
    ...purchaseOrder.purchaseOrder,
    lines: [
      { sku: 'CHAIR-AARHUS', ordered: 2, allocated: 2, received: 0 },
      { sku: 'TABLE-RIGA', ordered: 1, allocated: 1, received: 0 },
    ],
    receipts: [],
  };
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === ConsoleDataDocument
        ? consoleData
        : document === PurchaseOrderForReceiptDocument
          ? { purchaseOrder: twoSkus }
          : {
              previewReceiveGoods: {
                preview: null,
                errors: [
                  { code: 'TOO_MANY', field: 'input.quantities[0].quantity', message: 'Only 1 is still to come.' },
                ],
              },
            },
    ),
  );
  render(<GoodsPanel />);
  fireEvent.click(await screen.findByRole('radio', { name: 'Part of it arrived (units per SKU)' }));
  const errorUnder = (sku: string) => {
    const field = screen.getByRole('spinbutton', { name: new RegExp(`^Units of ${sku} that arrived`) });
    return document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? null;
  };

  fireEvent.change(screen.getByRole('spinbutton', { name: /^Units of CHAIR-AARHUS that arrived/ }), {
    target: { value: '1.5' },
  });
  fireEvent.change(screen.getByRole('spinbutton', { name: /^Units of TABLE-RIGA that arrived/ }), {
    target: { value: '3' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  // Only the tables are asked about, so the API's first quantity is the tables'.
  await waitFor(() => expect(errorUnder('TABLE-RIGA')).toBe('Only 1 is still to come.'));
  expect(errorUnder('CHAIR-AARHUS')).toBe('Units are a whole number: 0 or more.');
  expect(screen.queryByTestId('receipt-review')).toBeNull();
});

it('takes a message away once the agent changes what it was about', async () => {
  const units = await partOfItArrived();
  fireEvent.change(units, { target: { value: '0' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  expect(screen.getByText('Enter what arrived: at least one unit.')).toBeTruthy();

  fireEvent.change(units, { target: { value: '1' } });

  expect(screen.queryByText('Enter what arrived: at least one unit.')).toBeNull();
  expect(units.getAttribute('aria-invalid')).toBeNull();
});

it('starts a partial receipt at nothing for each SKU, so that only what was counted is booked', async () => {
  const units = await partOfItArrived();
  expect((units as HTMLInputElement).value).toBe('');

  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  // Nothing typed is nothing arrived: no SKU is booked in full by default.
  expect(screen.getByText('Enter what arrived: at least one unit.')).toBeTruthy();
  expect(request.mock.calls.some(([document]) => document === PreviewReceiveGoodsDocument)).toBe(false);
});

it('names each purchase order by its supplier in the picker, not by the supplier code', async () => {
  await partOfItArrived();
  const picker = screen.getByRole('combobox', { name: 'Purchase order' });
  expect(picker.querySelector('option')?.textContent).toMatch(/^PO-BW-0877 — Baltic Wood, expected /);
});

it('says what no waiting line takes of a receipt, and what it keeps for a line that needs more, beside who is told what', () => {
  render(
    <ReceiptPreview
      preview={aReview({
        unitsLeftOver: [{ sku: 'CHAIR-NEW', quantity: 4 }],
        unitsHeldForWaiting: [{ sku: 'CHAIR-AARHUS', quantity: 3 }],
        waitingLines: ['N-2/L2'],
      })}
    />,
  );

  expect(screen.getByTestId('receipt-messages').textContent).toBe(
    '1 customer is told the items that arrived are ready to ship, and a shipment is proposed: N-1.',
  );
  expect(screen.getByTestId('receipt-left-over').textContent).toBe(
    'On the shelf once this is received, and taken by no line waiting here or on another purchase order (a line takes all its units at once); kept for orders yet to come while this purchase order stays open: 4 × CHAIR-NEW.',
  );
  // Three chairs for a line of four are not spare: they wait for the fourth.
  expect(screen.getByTestId('receipt-held').textContent).toBe(
    'On the shelf once this is received, too few for a line still waiting for them, and kept for it until the rest comes: 3 × CHAIR-AARHUS.',
  );
});

it('says that units left over on a purchase order the receipt closes are for the shop’s stock, not later orders', () => {
  render(<ReceiptPreview preview={aReview({ unitsLeftOver: [{ sku: 'CHAIR-NEW', quantity: 4 }], closes: true })} />);

  expect(screen.getByTestId('receipt-left-over').textContent).toBe(
    'On the shelf once this is received, and taken by no line waiting here or on another purchase order (a line takes all its units at once); the purchase order closes, so they are for the shop’s stock, and orders placed later do not take them: 4 × CHAIR-NEW.',
  );
});

it('names the lines waiting elsewhere that take units of a receipt, and what each waited for', () => {
  render(
    <ReceiptPreview
      preview={aReview({
        linesReady: 4,
        ordersReady: ['N-1', 'N-3', 'N-4'],
        toldReadyToShip: ['N-1', 'N-3'],
        askedToChoose: ['N-4'],
        linesTakingSpareUnits: [
          { orderNumber: 'N-3', sku: 'CHAIR-NEW', quantity: 1, from: 'PO-2' },
          { orderNumber: 'N-4', sku: 'CHAIR-NEW', quantity: 2, from: null },
        ],
        closes: true,
      })}
    />,
  );

  const taken = screen.getByTestId('receipt-taken');
  expect(taken.querySelector('p')?.textContent).toBe(
    '2 lines waiting elsewhere take units no line of this purchase order needs: they move to this purchase order and are ready, oldest order first.',
  );
  expect([...taken.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
    'N-3: 1 × CHAIR-NEW, was waiting for PO-2',
    'N-4: 2 × CHAIR-NEW, was waiting to be ordered',
  ]);
  expect([...taken.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
    '/console?order=N-3',
    '/console?order=N-4',
  ]);
  expect(screen.queryByTestId('receipt-left-over')).toBeNull();
  // Lines and orders both counted: an order may have more than one line made ready.
  expect(screen.getByText(/^4 lines of 3 orders become ready, oldest order first: N-1, N-3, N-4\.$/)).toBeTruthy();
});

it('names the orders each receipt made ready, a second receipt on the same purchase order too', async () => {
  const ready = [[{ number: 'N-1', customerName: 'Ann', proposedShipment: { lineIds: ['L2'] } }]];
  ready.push([...ready[0], { number: 'N-2', customerName: 'Bo', proposedShipment: { lineIds: ['L2'] } }]);
  let readAsked = 0;
  const units = await partOfItArrived([], (document) =>
    document === ReceiveGoodsDocument
      ? { receiveGoods: { errors: [], linesReady: 1, ordersReady: 1, askedToChoose: 0, waitingLines: [] } }
      : document === ReadyOrdersDocument
        ? { searchOrders: { orders: ready[Math.min(readAsked++, 1)] } }
        : {},
  );
  const receive = async () => {
    fireEvent.change(units, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Record the receipt' }));
  };

  await receive();
  expect(await screen.findByRole('link', { name: 'Open order N-1' })).toBeTruthy();
  await receive();

  expect(await screen.findByRole('link', { name: 'Open order N-2' })).toBeTruthy();
  expect(readAsked).toBe(2);
});

it('puts a receipt’s result away once the agent picks another purchase order, not to read as that one’s', async () => {
  const another = { ...consoleData.purchaseOrders[0], number: 'PO-BW-0900', expectedArrival: '2027-01-04' };
  const units = await partOfItArrived(
    [],
    (document) =>
      document === ReceiveGoodsDocument
        ? { receiveGoods: { errors: [], linesReady: 1, ordersReady: 1, askedToChoose: 0, waitingLines: [] } }
        : document === ReadyOrdersDocument
          ? {
              searchOrders: { orders: [{ number: 'N-1', customerName: 'Ann', proposedShipment: { lineIds: ['L2'] } }] },
            }
          : {},
    { ...consoleData, purchaseOrders: [...consoleData.purchaseOrders, another] },
  );
  fireEvent.change(units, { target: { value: '1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Record the receipt' }));
  expect(await screen.findByRole('link', { name: 'Open order N-1' })).toBeTruthy();

  fireEvent.change(screen.getByRole('combobox', { name: 'Purchase order' }), { target: { value: 'PO-BW-0900' } });

  expect(screen.queryByRole('link', { name: 'Open order N-1' })).toBeNull();
});
