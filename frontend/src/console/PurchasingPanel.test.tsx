import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { PreviewReceiveGoodsDocument } from '../generated/graphql';
import { ct, setConsoleLanguage } from './messages';
import { CancelForm, CsvImport, expectedArrival, ReceiveForm, reorderWorkedOut } from './PurchasingPanel';
import { importChangeText } from './imports';
import { Moves, ReceiptReversals } from './Reversals';
import { request } from './__mocks__/client';

vi.mock('./client');

afterEach(() => {
  cleanup();
  request.mockReset();
});

const confirmed = { arrival: '2027-01-12', at: '2026-12-01T09:30:00Z', by: 'anna' };

it('says on whose word a purchase order is expected: the supplier, a delay since, or neither', () => {
  expect(expectedArrival({ expectedArrival: '2027-01-12', confirmations: [] })).toBe(
    'Tue 12 Jan (not confirmed by the supplier)',
  );
  expect(expectedArrival({ expectedArrival: '2027-01-12', confirmations: [confirmed] })).toMatch(
    /^Tue 12 Jan \(the supplier's date, recorded by anna, 1 Dec 2026, \d{2}:\d{2}\)$/,
  );
  expect(expectedArrival({ expectedArrival: '2027-01-21', confirmations: [confirmed] })).toBe(
    'Thu 21 Jan (moved by a delay; the supplier had confirmed Tue 12 Jan)',
  );
});

it('says how a reorder point was worked out in the console’s language, its numbers written as that language writes them', () => {
  const point = { unitsOrdered: 67, workingDays: 20, leadTimeDays: 15, safetyStock: 2, reorderPoint: 53 };
  try {
    setConsoleLanguage('da');
    expect(reorderWorkedOut(point, 'Nordic Sofa Works')).toBe(
      '67 stk. bestilt de seneste 28 dage (20 arbejdsdage) er 3,35 pr. arbejdsdag; × 15 arbejdsdage (den længste ' +
        'leveringstid hos Nordic Sofa Works) = 51, rundet op; + sikkerhedslager 2 = 53.',
    );
    setConsoleLanguage('en');
    expect(reorderWorkedOut(point, 'Nordic Sofa Works')).toBe(
      '67 units ordered in the last 28 days (20 working days) is 3.35 a working day; × 15 working days (the slowest ' +
        'lead time of Nordic Sofa Works) = 51, rounded up; + safety stock 2 = 53.',
    );
  } finally {
    setConsoleLanguage('en');
  }
});

const twoSkus = {
  number: 'PO-BW-0878',
  supplier: 'BALTIC-WOOD',
  sentOn: '2026-12-01',
  expectedArrival: '2026-12-30',
  estimated: false,
  status: 'OPEN',
  lines: [
    { sku: 'TABLE-RIGA-180', ordered: 40, allocated: 12, received: 0 },
    { sku: 'CHAIR-AARHUS', ordered: 20, allocated: 20, received: 0 },
  ],
  confirmations: [],
  receipts: [],
};

/** The message under the units field of this SKU, if any. */
function errorUnder(sku: string) {
  const field = screen.getByLabelText(new RegExp(`^Units of ${sku} arrived`));
  return document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? null;
}

it('says next to its SKU what units it cannot take, and a refusal of the API next to the SKU it names', async () => {
  request.mockResolvedValue({
    previewReceiveGoods: {
      preview: null,
      errors: [{ code: 'TOO_MANY', field: 'input.quantities[0].quantity', message: 'Only 20 are still to come.' }],
    },
  });
  render(<ReceiveForm po={twoSkus} onClose={() => {}} onDone={() => {}} />);

  fireEvent.change(screen.getByLabelText(/^Units of TABLE-RIGA-180 arrived/), { target: { value: '2.5' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  expect(errorUnder('TABLE-RIGA-180')).toBe('Units are a whole number: 0 or more.');
  expect(errorUnder('CHAIR-AARHUS')).toBeNull();
  // Nothing is asked of the API for a form the form itself refuses (the warehouse's day is asked as the form opens).
  expect(request.mock.calls.filter(([document]) => String(document).includes('PreviewReceiveGoods'))).toHaveLength(0);

  // Only the chairs are sent, so the API's first quantity is the chairs', not the tables'.
  fireEvent.change(screen.getByLabelText(/^Units of TABLE-RIGA-180 arrived/), { target: { value: '' } });
  fireEvent.change(screen.getByLabelText(/^Units of CHAIR-AARHUS arrived/), { target: { value: '21' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  expect(await screen.findByText('Only 20 are still to come.')).toBeTruthy();
  expect(errorUnder('CHAIR-AARHUS')).toBe('Only 20 are still to come.');
  expect(errorUnder('TABLE-RIGA-180')).toBeNull();

  // Both in one round: the part of a unit said by the form beside the tables, the API's refusal beside the chairs.
  fireEvent.change(screen.getByLabelText(/^Units of TABLE-RIGA-180 arrived/), { target: { value: '2.5' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  await waitFor(() => expect(errorUnder('CHAIR-AARHUS')).toBe('Only 20 are still to come.'));
  expect(errorUnder('TABLE-RIGA-180')).toBe('Units are a whole number: 0 or more.');
  expect(screen.queryByTestId('purchase-receipt-review')).toBeNull();
});

it('receives on a purchase order only what the agent counted: every SKU starts at nothing, and nothing is not everything', () => {
  request.mockResolvedValue({});
  render(<ReceiveForm po={twoSkus} onClose={() => {}} onDone={() => {}} />);

  for (const field of screen.getAllByRole('spinbutton')) {
    expect((field as HTMLInputElement).value).toBe('');
  }
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  // Left empty, the API would read the receipt as everything still to come: it is refused before it is asked.
  expect(screen.getByText('Enter what arrived: at least one unit.')).toBeTruthy();
  expect(request.mock.calls.some(([document]) => document === PreviewReceiveGoodsDocument)).toBe(false);
});

it('offers no field for a SKU whose every unit came, and says so', () => {
  request.mockResolvedValue({});
  const partly = {
    ...twoSkus,
    lines: [twoSkus.lines[0], { ...twoSkus.lines[1], received: 20 }],
  };
  render(<ReceiveForm po={partly} onClose={() => {}} onDone={() => {}} />);

  expect(screen.getAllByRole('spinbutton')).toHaveLength(1);
  expect(screen.getByLabelText('Units of TABLE-RIGA-180 arrived (40 still to come)')).toBeTruthy();
  expect(screen.getByTestId('receive-all-in').textContent).toBe('CHAIR-AARHUS: all 20 received');
});

it('says everything the receipt form lacks at once, each next to its field: no units and no day', () => {
  request.mockResolvedValue({});
  render(<ReceiveForm po={twoSkus} onClose={() => {}} onDone={() => {}} />);

  fireEvent.change(screen.getByLabelText(/^Arrived on/), { target: { value: '' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  expect(screen.getByText('Enter what arrived: at least one unit.')).toBeTruthy();
  expect(document.getElementById('receive-on-error')?.textContent).toBe('Give the day the goods arrived.');
  expect(request.mock.calls.some(([document]) => document === PreviewReceiveGoodsDocument)).toBe(false);
});

/** A line a cancellation's review moves back to waiting, its customer told of a later date. */
const released = (orderNumber: string) => ({
  orderNumber,
  sku: 'CHAIR-AARHUS',
  quantity: 1,
  nextPurchaseOrder: null,
  readyAtOnce: false,
  latestBefore: '2027-01-29',
  latestAfter: '2027-02-12',
  customerTold: true,
});

it('folds a long list of the lines a cancellation moves under its count, so the review keeps its buttons near', async () => {
  request.mockResolvedValue({
    previewCancelPurchaseOrder: {
      lines: [1, 2, 3, 4, 5, 6].map((n) => released(`N-${n}`)),
      customersTold: 6,
      errors: [],
    },
  });
  render(<CancelForm po={twoSkus} onClose={() => {}} onDone={() => {}} />);

  fireEvent.change(screen.getByLabelText(/^Why/), { target: { value: 'Ordered twice' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  const review = await screen.findByTestId('purchase-cancel-review');
  const folded = review.querySelector('details');
  expect(folded?.open).toBe(false);
  expect(folded?.querySelector('summary')?.textContent).toBe('Every line, one by one (6)');
  expect(folded?.querySelectorAll('li').length).toBe(6);
  // The orders whose customers are told stay in view, above the buttons.
  expect(screen.getByTestId('purchase-cancel-told').textContent).toBe(
    '6 customers are told their latest date moves: N-1, N-2, N-3, N-4, N-5, N-6.',
  );
});

it("offers one way back while a receipt is reviewed: the review's, not the form's Cancel above it", async () => {
  request.mockResolvedValue({
    previewReceiveGoods: {
      preview: {
        purchaseOrder: 'PO-BW-0878',
        receivedOn: '2026-12-02',
        quantities: [{ sku: 'CHAIR-AARHUS', quantity: 2 }],
        linesReady: 2,
        ordersReady: ['N-1', 'N-2'],
        toldReadyToShip: ['N-1', 'N-2'],
        askedToChoose: [],
        unitsLeftOver: [],
        unitsHeldForWaiting: [],
        waitingLines: ['N-3/L1'],
        linesTakingSpareUnits: [],
        closes: false,
      },
      errors: [],
    },
  });
  render(<ReceiveForm po={twoSkus} onClose={() => {}} onDone={() => {}} />);

  fireEvent.change(screen.getByLabelText(/^Units of CHAIR-AARHUS arrived/), { target: { value: '2' } });
  // As a browser does, the button pressed takes focus.
  const asked = screen.getByRole('button', { name: 'Review' });
  asked.focus();
  fireEvent.click(asked);

  await screen.findByTestId('purchase-receipt-review');
  expect(screen.getAllByRole('button', { name: 'Cancel' }).length).toBe(1);
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  // Back to the form, with its own buttons again, and the keyboard on the one that asks again (not the page's top).
  const again = screen.getByRole('button', { name: 'Review' });
  await waitFor(() => expect(document.activeElement).toBe(again));
});

it("says before cancelling which lines go to units already on another purchase order's shelf, ready at once", async () => {
  request.mockResolvedValue({
    previewCancelPurchaseOrder: {
      lines: [
        {
          orderNumber: 'N-1',
          sku: 'CHAIR-AARHUS',
          quantity: 1,
          nextPurchaseOrder: 'PO-BW-0877',
          readyAtOnce: true,
          latestBefore: '2027-01-29',
          latestAfter: '2026-12-08',
          customerTold: true,
        },
        {
          orderNumber: 'N-2',
          sku: 'CHAIR-AARHUS',
          quantity: 1,
          nextPurchaseOrder: 'PO-BW-0877',
          readyAtOnce: false,
          latestBefore: '2027-01-29',
          latestAfter: '2027-02-05',
          customerTold: false,
        },
      ],
      customersTold: 1,
      errors: [],
    },
  });
  const onClose = vi.fn();
  render(<CancelForm po={twoSkus} onClose={onClose} onDone={() => {}} />);

  fireEvent.change(screen.getByLabelText(/^Why/), { target: { value: 'Ordered twice' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  const review = await screen.findByTestId('purchase-cancel-review');
  // The agent is taken to the review, and its two buttons are the only ones left: no "Cancel" above the red one.
  expect(document.activeElement).toBe(review);
  expect(screen.queryByRole('button', { name: 'Review' })).toBeNull();
  expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
    'Cancel the purchase order',
    'Keep it',
  ]);
  expect(review.textContent).toMatch(/1 customer is told\./);
  expect(screen.getByTestId('purchase-cancel-told').textContent).toBe(
    '1 customer is told their item is ready, from the shelf: N-1.',
  );
  // Where the lines go is said in a sentence, even where the list of them folds away.
  expect(screen.getByTestId('purchase-cancel-where').textContent).toBe(
    'Where its 2 lines go: 1 ready at once from the shelf of PO-BW-0877, 1 to purchase order PO-BW-0877.',
  );
  const lines = [...screen.getByTestId('purchase-cancel-lines').querySelectorAll('li')].map((item) => item.textContent);
  expect(lines).toEqual([
    'Order N-1, CHAIR-AARHUS: ready at once, from the units of purchase order PO-BW-0877 on the shelf; latest Fri 29 Jan → Tue 8 Dec (customer told)',
    // Its own latest day moves, but it waits for the order's one delivery, which does not: said why it is not told.
    'Order N-2, CHAIR-AARHUS: waits for purchase order PO-BW-0877; latest Fri 29 Jan → Fri 5 Feb (customer not told: the item comes with the rest of the order, whose delivery day stays)',
  ]);
  // Each order the review names opens in the console, to look at before deciding.
  expect([...review.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
    ['N-1', '/console?order=N-1'],
    ['N-1', '/console?order=N-1'],
    ['N-2', '/console?order=N-2'],
  ]);

  // Keeping it closes the cancellation.
  fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
  expect(onClose).toHaveBeenCalledOnce();
});

/** A CSV import's preview as the API answers it: one change, its facts by name. */
function importPreview(mutation: string, kind: string, facts: Record<string, string>) {
  const changed = [{ kind, facts: Object.entries(facts).map(([key, value]) => ({ key, value })) }];
  return { [mutation]: { imported: false, rows: 1, changed, errors: [] } };
}

/** The agent picks what the file holds (when not purchase orders), pastes it and has it checked: the review shown. */
async function checkFile(csv: string, kind?: string) {
  if (kind) {
    fireEvent.change(screen.getByLabelText(ct('importKind')), { target: { value: kind } });
  }
  fireEvent.change(screen.getByLabelText(ct('importText')), { target: { value: csv } });
  fireEvent.click(screen.getByRole('button', { name: ct('importCheck') }));
  return (await screen.findByTestId('import-review')).textContent;
}

it('words what an import would do in the agent’s language, from the facts the server gives', async () => {
  setConsoleLanguage('da');
  try {
    request.mockResolvedValue(
      importPreview('importPurchaseOrders', 'PURCHASE_ORDER_PLACES', {
        number: 'PO-BW-0900',
        supplier: 'BALTIC-WOOD',
        'units:SOFA-BERGEN-2': '3',
        arrival: '2027-01-12',
        estimated: 'true',
        linesTaken: '12',
        taking: Array.from({ length: 12 }, (_, index) => `N-${1001 + index}`).join(','),
        told: 'N-1002',
      }),
    );
    render(<CsvImport admin={false} onImported={() => {}} />);

    expect(await checkFile('number,supplier,sku,quantity\nPO-BW-0900,BALTIC-WOOD,SOFA-BERGEN-2,3\n')).toContain(
      'Afgiver indkøbsordre PO-BW-0900 hos BALTIC-WOOD: 3 × SOFA-BERGEN-2; ankomst tirs. 12. jan. (anslået ud fra leveringstiden). ' +
        '12 linjer, der venter på at blive bestilt, går til den, ældste ordre først: ' +
        'N-1001, N-1002, N-1003, N-1004, N-1005, N-1006, N-1007, N-1008, N-1009, N-1010 og 2 flere. ' +
        '1 kunde får besked om en ny seneste dato: N-1002.',
    );
  } finally {
    setConsoleLanguage('en');
  }
});

it('says what a suppliers file changes of a supplier already defined, term by term', async () => {
  const terms = { country: 'NO', contactEmail: 'orders@fjord.example', dropships: 'false' };
  request.mockResolvedValue(
    importPreview('importSuppliers', 'SUPPLIER_CHANGED', {
      code: 'FJORD',
      ...terms,
      name: 'Fjord Furniture AS',
      leadTimeMinDays: '12',
      leadTimeMaxDays: '18',
      ...Object.fromEntries(Object.entries(terms).map(([key, value]) => [`before:${key}`, value])),
      'before:name': 'Fjord Furniture',
      'before:leadTimeMinDays': '10',
      'before:leadTimeMaxDays': '15',
      'before:workingDays': 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY',
    }),
  );
  render(<CsvImport admin onImported={() => {}} />);

  // The file gives no working days: they stay, and are not said to change.
  expect(await checkFile('code\nFJORD\n', 'Suppliers')).toContain(
    'Supplier FJORD changes: name Fjord Furniture becomes Fjord Furniture AS; ' +
      'lead time 10–15 working days becomes 12–18 working days. Promises already made stay.',
  );
});

it('says in the review when a purchase order’s arrival has passed, and that its lines are promised as late goods', async () => {
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
  const arrival = `${tenDaysAgo.getFullYear()}-${String(tenDaysAgo.getMonth() + 1).padStart(2, '0')}-${String(tenDaysAgo.getDate()).padStart(2, '0')}`;
  request.mockResolvedValue(
    importPreview('importPurchaseOrders', 'PURCHASE_ORDER_PLACES', {
      number: 'PO-BW-0901',
      supplier: 'BALTIC-WOOD',
      'units:TABLE-RIGA-180': '3',
      arrival,
      estimated: 'false',
    }),
  );
  render(<CsvImport admin={false} onImported={() => {}} />);

  expect(await checkFile('number,supplier,sku,quantity\nPO-BW-0901,BALTIC-WOOD,TABLE-RIGA-180,3\n')).toContain(
    'That day has passed: the goods are 10 days late, and the lines it takes are promised from when the supplier’s goods that late have come before.',
  );
});

it('says in a receipts file’s review which customers are told their items are ready and which are asked to choose', async () => {
  request.mockResolvedValue(
    importPreview('importReceipts', 'RECEIVES', {
      purchaseOrder: 'PO-BW-0878',
      receivedOn: '2026-12-07',
      'units:CHAIR-AARHUS': '2',
      linesReady: '2',
      orders: 'N-1,N-2',
      toldReady: 'N-1',
      askedToChoose: 'N-2',
    }),
  );
  render(<CsvImport admin={false} onImported={() => {}} />);

  expect(await checkFile('purchaseOrder,sku,quantity\nPO-BW-0878,CHAIR-AARHUS,2\n', 'Receipts')).toContain(
    'Receives 2 × CHAIR-AARHUS on purchase order PO-BW-0878, arrived Mon 7 Dec: ' +
      '2 lines of 2 orders become ready, oldest order first: N-1, N-2. ' +
      '1 customer is told the items that arrived are ready to ship, and a shipment is proposed: N-1. ' +
      '1 customer is asked whether to wait for the rest or have the ready items sent now: N-2.',
  );
});

it('names the supplier of a purchase order an import places as agents know it, by its code when it is gone', () => {
  const places = {
    kind: 'PURCHASE_ORDER_PLACES',
    facts: [
      { key: 'number', value: 'PO-W6-1' },
      { key: 'supplier', value: 'BALTIC-WOOD' },
      { key: 'arrival', value: '2027-01-12' },
      { key: 'units:CHAIR-AARHUS', value: '4' },
    ],
  };

  expect(importChangeText(places, false, [{ code: 'BALTIC-WOOD', name: 'Baltic Woodcraft' }])).toMatch(
    /^Places purchase order PO-W6-1 with Baltic Woodcraft: 4 × CHAIR-AARHUS; /,
  );
  expect(importChangeText(places)).toMatch(/^Places purchase order PO-W6-1 with BALTIC-WOOD: /);
});

it('cancels what is still to come on a purchase order received in part, saying first what came, what will not come and what goes to stock', async () => {
  const partly = {
    ...twoSkus,
    lines: [
      { sku: 'TABLE-RIGA-180', ordered: 40, allocated: 12, received: 10 },
      { sku: 'CHAIR-AARHUS', ordered: 20, allocated: 20, received: 0 },
    ],
  };
  request.mockResolvedValueOnce({
    previewCancelPurchaseOrder: {
      lines: [released('N-7')],
      customersTold: 1,
      notComing: [
        { sku: 'TABLE-RIGA-180', quantity: 30 },
        { sku: 'CHAIR-AARHUS', quantity: 20 },
      ],
      toStock: [{ sku: 'TABLE-RIGA-180', quantity: 2 }],
      errors: [],
    },
  });
  const onDone = vi.fn();
  render(<CancelForm po={partly} onClose={() => {}} onDone={onDone} />);

  expect(
    screen.getByRole('heading', { name: 'Cancel what is still to come on purchase order PO-BW-0878' }),
  ).toBeTruthy();
  expect(
    screen.getByText(/stay received: 10 of 40 × TABLE-RIGA-180\. Lines they made ready stay ready\./),
  ).toBeTruthy();
  fireEvent.change(screen.getByLabelText(/^Why/), { target: { value: 'Supplier ran out' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));

  const review = await screen.findByTestId('purchase-cancel-review');
  expect(review.textContent).toContain(
    'This cancels what is still to come on purchase order PO-BW-0878, which then closes',
  );
  expect(screen.getByTestId('purchase-cancel-not-coming').textContent).toBe(
    'Will not come: 30 × TABLE-RIGA-180, 20 × CHAIR-AARHUS.',
  );
  expect(screen.getByTestId('purchase-cancel-to-stock').textContent).toMatch(
    /for the shop’s stock: 2 × TABLE-RIGA-180\.$/,
  );

  request.mockResolvedValueOnce({
    cancelPurchaseOrder: { customersTold: 1, lines: [{ orderNumber: 'N-7' }], errors: [] },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Cancel the rest' }));
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  expect(onDone.mock.calls[0][0]).toBe(
    'What was still to come on purchase order PO-BW-0878 is cancelled, and it is closed; 1 customer told. ' +
      'Orders whose items wait again: N-7.',
  );
});

it('names in its result the orders whose items wait again after a cancellation, as links', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      String(document).includes('mutation CancelPurchaseOrder')
        ? {
            cancelPurchaseOrder: {
              customersTold: 2,
              lines: [{ orderNumber: 'N-1' }, { orderNumber: 'N-1' }, { orderNumber: 'N-2' }],
              errors: [],
            },
          }
        : {
            previewCancelPurchaseOrder: {
              lines: [released('N-1'), released('N-1'), released('N-2')],
              customersTold: 2,
              errors: [],
            },
          },
    ),
  );
  const onDone = vi.fn();
  render(<CancelForm po={twoSkus} onClose={() => {}} onDone={onDone} />);
  fireEvent.change(screen.getByLabelText(/^Why/), { target: { value: 'Ordered twice' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  const review = await screen.findByTestId('purchase-cancel-review');

  fireEvent.click(within(review).getByRole('button', { name: ct('cancelConfirm') }));

  await waitFor(() =>
    expect(onDone).toHaveBeenCalledWith(
      'Purchase order PO-BW-0878 cancelled; 2 customers told. Orders whose items wait again: N-1, N-2.',
      ['N-1', 'N-2'],
    ),
  );
});

it('says how many moved lines a review does not list, so that its list is not taken for all of them', () => {
  const move = (index: number) => ({
    orderNumber: `N-${index}`,
    customerName: `Customer ${index}`,
    lineId: 'L2',
    lineName: 'Aarhus chair',
    from: '2026-12-18',
    to: '2027-01-15',
  });
  render(
    <Moves
      preview={{ orders: 140, lines: 140, customers: 140, linesNowLate: 0, sample: [1, 2, 3, 4, 5, 6].map(move) }}
    />,
  );

  expect(screen.getByText('134 more lines move, not listed here.')).toBeTruthy();
  expect(screen.queryByTestId('moves-now-late')).toBeNull();
  expect(document.querySelector('details summary')?.textContent).toBe('Every line, one by one (6)');
});

it('says before the list how many moved lines then miss the date first promised, as a delay’s review does', () => {
  const move = {
    orderNumber: 'N-1',
    customerName: 'Anna',
    lineId: 'L2',
    lineName: 'Aarhus chair',
    from: '2027-01-04',
    to: '2027-01-20',
  };
  // N-2's chair waits for its order's one delivery, whose day stays: its customer is not told.
  const inside = { ...move, orderNumber: 'N-2', from: '2027-01-25', to: '2027-01-25' };
  render(<Moves preview={{ orders: 2, lines: 2, customers: 1, linesNowLate: 2, sample: [move, inside] }} />);

  expect(screen.getByTestId('moves-now-late').textContent).toBe(
    '2 lines then miss the date first promised: their customers may cancel them.',
  );
  expect([...document.querySelectorAll('ul.links li')].map((item) => item.textContent)).toEqual([
    'N-1 Anna: Aarhus chair, Mon 4 Jan → Wed 20 Jan',
    'N-2 Anna: Aarhus chair, Mon 25 Jan → Mon 25 Jan (customer not told: the item comes with the rest of the order, whose delivery day stays)',
  ]);
});

it("starts a receipt on the warehouse's day, not the browser's, which may be a day behind it", async () => {
  // The browser's day is 7 Dec (the tests' fixed today); the warehouse's, in its time zone, already 8 Dec.
  request.mockImplementation((document: unknown) =>
    Promise.resolve(String(document).includes('query WarehouseToday') ? { warehouseToday: '2026-12-08' } : {}),
  );
  render(<ReceiveForm po={twoSkus} onClose={() => {}} onDone={() => {}} />);

  const day = screen.getByLabelText(/^Arrived on/) as HTMLInputElement;
  await waitFor(() => expect(day.value).toBe('2026-12-08'));
  expect(day.max).toBe('2026-12-08');
  // A day the agent types stays.
  fireEvent.change(day, { target: { value: '2026-12-05' } });
  expect(day.value).toBe('2026-12-05');
});

it('offers no taking back of a receipt on a purchase order whose rest was cancelled, and says why', async () => {
  request.mockResolvedValue({
    purchaseOrder: {
      number: 'PO-NS-2042',
      supplier: 'NORDIC-SOFA',
      status: 'CANCELLED',
      receipts: [
        { sku: 'SOFA-OSLO-3', quantity: 25, receivedOn: '2026-12-07', recordedAt: '2026-12-07T10:00:00Z', by: 'bo' },
      ],
    },
  });
  render(<ReceiptReversals initial="PO-NS-2042" />);

  await screen.findByText(
    'Purchase order PO-NS-2042 is cancelled (what was still to come on it), and closed: its receipts stay as they are.',
  );
  expect(screen.getByText(/25 × SOFA-OSLO-3/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: /^Take back/ })).toBeNull();
});
