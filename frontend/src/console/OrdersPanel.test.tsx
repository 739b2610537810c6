import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AgentOrderViewFragment } from '../generated/graphql';
import { OrdersPanel } from './OrdersPanel';
import { anAgentOrder } from './testOrders';
import { request } from './__mocks__/client';

let orderChanged: (orderNumber: string) => void = () => {};
let found: AgentOrderViewFragment[] = [];
let hasNextPage = false;

vi.mock('./client');
vi.mock('./useOrderChanges', () => ({
  useOrderChanges: (onChange: (orderNumber: string) => void) => {
    orderChanged = onChange;
  },
}));
vi.mock('./api', () => ({
  useQuery: (_document: unknown, _variables: unknown, { skip = false } = {}) => ({
    data: skip ? undefined : { searchOrders: { orders: found, endCursor: null, hasNextPage } },
    error: undefined,
    loading: false,
    reload: () => {},
  }),
  useMutation: () => [vi.fn(), { running: false, error: undefined, reset: () => {} }],
}));

const onTime = anAgentOrder();

/** An answer to the agent-order refresh that arrives when the test says so. */
function pending() {
  let answer: (order: AgentOrderViewFragment) => void = () => {};
  request.mockImplementationOnce(() => new Promise((resolve) => (answer = (order) => resolve({ agentOrder: order }))));
  return (order: AgentOrderViewFragment) => act(async () => answer(order));
}

beforeEach(() => {
  found = [onTime];
  hasNextPage = false;
  sessionStorage.setItem('leadline.console.draft.orders.searched', JSON.stringify({ term: 'N-1001', filter: '' }));
});

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  request.mockReset();
});

it('says a search that found nothing as it says a count, for a screen reader to hear', () => {
  found = [];
  render(<OrdersPanel />);

  expect(screen.getByRole('status').textContent).toBe('No orders found.');
});

it('keeps an order’s latest state when an older refresh answers after a newer one', async () => {
  render(<OrdersPanel />);
  expect(screen.getByRole('button', { name: /N-1001/ })).toBeTruthy();
  expect(screen.queryByText('shipment proposed')).toBeNull();

  // Two changes in a row, a supplier's delay and then the goods received: the order on screen is asked for twice.
  const afterDelay = pending();
  act(() => orderChanged('N-1001'));
  const afterReceipt = pending();
  act(() => orderChanged('N-1001'));

  await afterReceipt({ ...onTime, late: true, proposedShipment: { lineIds: ['L1'] }, revision: 5 });
  expect(screen.getByText('shipment proposed')).toBeTruthy();

  // The first refresh, read between the two changes, answers last: the proposed shipment stays on screen.
  await afterDelay({ ...onTime, late: true, revision: 4 });
  expect(screen.getByText('shipment proposed')).toBeTruthy();
  expect(screen.getByText('late')).toBeTruthy();
});

it('shows a refresh that is newer than the search’s answer', async () => {
  render(<OrdersPanel />);
  const refresh = pending();
  act(() => orderChanged('N-1001'));
  await refresh({ ...onTime, late: true, revision: 4 });
  expect(screen.getByText('late')).toBeTruthy();
});

it('lists the newest orders before the agent searches, each with when it was placed, and says so', () => {
  sessionStorage.clear();
  found = [
    { ...onTime, placedAt: '2026-12-02T09:14:00Z' },
    { ...onTime, number: 'N-1000', placedAt: '2026-12-01T16:05:00Z' },
  ];
  hasNextPage = true;
  render(<OrdersPanel />);

  expect(screen.getByRole('status').textContent).toBe('The 2 newest orders, newest first; search to find others');
  expect(screen.getAllByRole('button', { name: /^N-100\d — / })).toHaveLength(2);
  const placed = screen.getAllByText(/^placed /).map((shown) => shown.textContent?.trim());
  expect(placed).toEqual([
    `placed ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-12-02T09:14:00Z'))}`,
    `placed ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-12-01T16:05:00Z'))}`,
  ]);
});

it('says when every order is on screen', () => {
  sessionStorage.clear();
  found = [onTime, { ...onTime, number: 'N-1000' }];
  render(<OrdersPanel />);

  expect(screen.getByRole('status').textContent).toBe('All 2 orders, newest first');
});

it('applies a state as soon as it is picked, without Find', async () => {
  sessionStorage.clear();
  render(<OrdersPanel />);

  fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'LATE' } });

  expect(JSON.parse(sessionStorage.getItem('leadline.console.draft.orders.searched') ?? '{}')).toEqual({
    term: '',
    filter: 'LATE',
  });
  expect(screen.getByRole('status').textContent).toBe('1 order shown');
});
