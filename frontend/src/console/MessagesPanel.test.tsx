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

it('opens a message from words that say so, with when it was written', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === OutboxDocument
        ? {
            outbox: [
              {
                id: 'M1',
                channel: 'EMAIL',
                recipient: 'ida@example.com',
                orderNumber: 'N-1001',
                kind: 'ETA_MOVED',
                subject: 'New delivery date for order N-1001',
                text: 'Order N-1001: Oslo sofa is now expected 12 Jan 2027 – 15 Jan 2027.',
                status: 'SENT',
                attempts: 1,
                createdAt: '2026-12-05T09:30:00Z',
              },
            ],
          }
        : document === HeldMessagesDocument
          ? { heldMessages: [] }
          : { stuckOrders: [] },
    ),
  );
  render(<MessagesPanel admin={false} />);

  const opener = await screen.findByText(/^Read the message \(5 Dec 2026, \d{2}:\d{2}\)$/);
  expect(opener.tagName).toBe('SUMMARY');
  expect(opener.parentElement?.textContent).toContain('Oslo sofa is now expected');
});

it('says when the messages listed are only the newest, rather than stopping at a hundred without a word', async () => {
  const message = (index: number) => ({
    id: `M${index}`,
    channel: 'SMS',
    recipient: '+4520123456',
    orderNumber: `N-${1000 + index}`,
    kind: 'ETA_MOVED',
    subject: 'New delivery date',
    text: 'Order: now expected later.',
    status: 'SENT',
    attempts: 1,
    createdAt: '2026-12-05T09:30:00Z',
  });
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === OutboxDocument
        ? { outbox: Array.from({ length: 100 }, (_, index) => message(index)) }
        : document === HeldMessagesDocument
          ? { heldMessages: [] }
          : { stuckOrders: [] },
    ),
  );
  render(<MessagesPanel admin={false} />);

  expect(
    await screen.findByText('Only the newest 100 messages are listed; older ones are not shown here.'),
  ).toBeTruthy();
});
