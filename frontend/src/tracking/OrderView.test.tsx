import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackOrderQuery } from '../generated/graphql';
import { OrderView } from './OrderView';

type Order = NonNullable<TrackOrderQuery['trackOrder']>;

function anOrder(overrides: Partial<Order> = {}): Order {
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
    shipments: [],
    ...overrides,
  };
}

function line(id: string, name: string, source: Order['lines'][number]['source'], status: Order['lines'][number]['status'], earliest: string, latest: string, promisedDate: string) {
  return { id, sku: id, name, quantity: 1, source, status, promisedDate, eta: { earliest, latest } };
}

afterEach(cleanup);

describe('the order as its customer reads it', () => {
  it('shows every line with its own window and tells backordered from dropshipped', () => {
    render(<OrderView order={anOrder()} language="en" />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[1]).getByText('Ordered from the supplier for you')).toBeTruthy();
    expect(within(items[2]).getByText('Sent directly from the supplier')).toBeTruthy();
    expect(within(items[2]).queryByText(/backorder/i)).toBeNull();
    expect(within(items[1]).getByTestId('line-eta').textContent).toMatch(/Expected .*17.*21 Dec/);
  });

  it('flags a line that is now later than first promised, and only that one', () => {
    render(<OrderView order={anOrder()} language="en" />);
    const late = screen.getAllByText(/Later than first promised/);
    expect(late).toHaveLength(1);
    expect(late[0].closest('li')?.getAttribute('data-sku')).toBe('L3');
  });

  it('speaks German with German dates', () => {
    render(<OrderView order={anOrder({ locale: 'de' })} language="de" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Bestellung DEMO-1001');
    expect(screen.getByTestId('order-eta').textContent).toMatch(/einer Lieferung .*17.*21.*Dez/);
  });

  it('words the order window by the delivery preference', () => {
    render(<OrderView order={anOrder({ deliveryPreference: 'SHIP_AS_AVAILABLE' })} language="en" />);
    expect(screen.getByTestId('order-eta').textContent).toMatch(/as they are ready/);
  });
});
