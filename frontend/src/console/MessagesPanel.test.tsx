import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { HeldMessagesDocument, OutboxDocument, StuckOrdersDocument } from '../generated/graphql';
import { MessagesPanel } from './MessagesPanel';
import { request } from './__mocks__/client';

vi.mock('./client');

afterEach(() => {
  cleanup();
  request.mockReset();
});

const heldNews = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    orderNumber: `N-${1000 + index}`,
    customerName: 'Ida Holm',
    kind: 'ETA_MOVED',
    createdAt: '2026-12-05T23:50:00Z',
    sendsAt: '2026-12-06T07:00:00Z',
    timeZone: 'Europe/Copenhagen',
  }));

function answering(held: number) {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === HeldMessagesDocument
        ? { heldMessages: heldNews(held) }
        : document === OutboxDocument
          ? { outbox: [] }
          : document === StuckOrdersDocument
            ? { stuckOrders: [] }
            : {},
    ),
  );
}

it('says when held news goes beyond the list, rather than stopping at a hundred without a word', async () => {
  answering(101);
  render(<MessagesPanel admin={false} />);

  expect(await screen.findByText('Only the first 100 to go are listed; more news is held.')).toBeTruthy();
  expect(screen.getByRole('list', { name: 'Held for quiet hours' }).querySelectorAll('li')).toHaveLength(100);
});

it('says nothing more when every held message is listed', async () => {
  answering(100);
  render(<MessagesPanel admin={false} />);

  expect(await screen.findByText(/^N-1099/)).toBeTruthy();
  expect(screen.queryByText(/more news is held/)).toBeNull();
});
