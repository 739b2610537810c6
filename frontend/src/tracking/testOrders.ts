// Customer orders as the tracking API gives them, for the page's tests: three lines (in stock, backordered,
// dropshipped), the choice closed; a test overrides what it is about.
import type { CustomerOrder } from './api';

type Order = CustomerOrder;

export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    number: 'DEMO-1001',
    placedAt: '2026-11-21T08:06:12Z',
    locale: 'en',
    deliveryPreference: 'WAIT_FOR_ALL',
    eta: { earliest: '2026-12-17', latest: '2026-12-21' },
    lines: [
      line('L1', 'Linen cushion cover', 'STOCK', 'RESERVED', '2026-11-26', '2026-11-30', '2026-11-30'),
      line('L2', 'Oslo sofa', 'BACKORDER', 'AWAITING_SUPPLIER', '2026-12-17', '2026-12-21', '2026-12-21'),
      line('L3', 'Rhein lamp', 'DROPSHIP', 'AWAITING_SUPPLIER', '2026-11-30', '2026-12-09', '2026-12-07'),
    ],
    // The shop's items in one delivery; the lamp in its supplier's own parcel.
    parcels: [
      { lineIds: ['L3'], eta: { earliest: '2026-11-30', latest: '2026-12-09' } },
      { lineIds: ['L1', 'L2'], eta: { earliest: '2026-12-17', latest: '2026-12-21' } },
    ],
    choice: { open: false, closedReason: 'NOTHING_TO_SPLIT', waitWindow: null, splitParcels: [], extraCost: '0', splitNeedsCode: false },
    extraShipping: null,
    shipments: [],
    currency: 'DKK',
    orderTotal: '1497.00',
    totalCharged: '0',
    totalRefunded: '0',
    deliveryAddress: { street: 'N••• 1', postalCode: '1165', city: 'København', country: 'DK' },
    question: { asked: false, score: null, comment: null, changeableUntil: null },
    contact: { email: 'm•••@example.com', phone: null, emailMessages: true, smsMessages: false },
    revision: 3,
    timeline: [
      { type: 'PLACED', at: '2026-11-21T08:06:12Z', details: [{ key: 'lines', value: '3' }], reasonTexts: [] },
      {
        type: 'ETA_MOVED',
        at: '2026-11-22T09:00:00Z',
        details: [
          { key: 'from', value: '2026-12-07' },
          { key: 'line', value: 'L3' },
          { key: 'name', value: 'Rhein lamp' },
          { key: 'reason', value: 'The factory is behind schedule' },
          { key: 'to', value: '2026-12-09' },
        ],
        reasonTexts: [],
      },
    ],
    ...overrides,
  };
}

function line(id: string, name: string, source: Order['lines'][number]['source'], status: Order['lines'][number]['status'], earliest: string, latest: string, promisedDate: string) {
  return {
    id,
    sku: id,
    name,
    quantity: 1,
    source,
    status,
    toBeOrdered: false,
    promisedDate,
    eta: { earliest, latest, confidence: null as number | null },
    late: latest > promisedDate,
    closedAt: null as string | null,
    amount: '499.00',
    payment: 'AUTHORIZED' as const,
    cancellable: latest > promisedDate,
    cancelReleasesExtraShipping: null as string | null,
    refund: null as Order['lines'][number]['refund'],
    refundReason: null as string | null,
  };
}
