// Orders as the console's API gives them, for the console's tests: on time, nothing shipped; a test overrides what
// it is about.
import type { AgentOrderViewFragment } from '../generated/graphql';

type Line = AgentOrderViewFragment['lines'][number];

export function anAgentOrder(overrides: Partial<AgentOrderViewFragment> = {}): AgentOrderViewFragment {
  return {
    number: 'N-1001',
    placedAt: '2026-12-02T09:14:00Z',
    customerName: 'Ida Holm',
    customerEmail: 'ida@example.com',
    customerLocale: 'da',
    customerTimeZone: 'Europe/Copenhagen',
    messagesHeldUntil: null,
    segment: 'default',
    deliveryPreference: 'WAIT_FOR_ALL',
    deliveryChosenBy: 'customer',
    deliveryChoiceOpen: false,
    currency: 'DKK',
    totalCharged: '5999.00',
    totalRefunded: '0.00',
    extraShipping: null,
    nextParcelExtraShipping: '0.00',
    late: false,
    proposedShipment: null,
    lines: [],
    shipments: [],
    refunds: [],
    timeline: [],
    feedback: null,
    trackingLinkOpens: true,
    revision: 3,
    ...overrides,
  };
}

/** A line in stock and ready to ship. */
export function aReadyLine(id: string, name: string): Line {
  return {
    id,
    sku: id,
    name,
    quantity: 1,
    source: 'STOCK',
    status: 'READY',
    payment: 'AUTHORIZED',
    supplier: null,
    purchaseOrder: null,
    promisedDate: '2026-12-20',
    amount: '329.00',
    eta: { earliest: '2026-12-15', latest: '2026-12-18' },
    arrival: { earliest: '2026-12-15', latest: '2026-12-18' },
  } as Line;
}

type Event = AgentOrderViewFragment['timeline'][number];

/** A timeline entry at a fixed moment, its details by key, with no note unless the test gives one. */
export function anEvent(
  type: string,
  details: Record<string, string>,
  notes: Partial<Pick<Event, 'internalNote' | 'systemNote' | 'at'>> = {},
): Event {
  return {
    type,
    at: '2026-12-06T02:40:00Z',
    internalNote: null,
    systemNote: null,
    details: Object.entries(details).map(([key, value]) => ({ key, value })),
    ...notes,
  };
}

/** A note Leadline wrote, as the API gives it: its kind and facts, given by name. */
export function aSystemNote(kind: string, facts: Record<string, string>): NonNullable<Event['systemNote']> {
  return { kind, facts: Object.entries(facts).map(([key, value]) => ({ key, value })) };
}
