import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { translator } from '../i18n/i18n';
import { MessagesPanel } from './MessagesPanel';
import { anOrder } from './testOrders';

const chooseMessageChannels = vi.fn();

vi.mock('./api', () => ({
  chooseMessageChannels: (...args: unknown[]) => chooseMessageChannels(...args),
}));

afterEach(() => {
  cleanup();
  chooseMessageChannels.mockReset();
});

it('says back which way each message now comes, not only that something was saved', async () => {
  const order = anOrder({
    contact: { email: 'm•••@example.com', phone: '+45•••••456', emailMessages: true, smsMessages: true },
  });
  chooseMessageChannels.mockImplementation((_token: string, email: boolean, sms: boolean) =>
    Promise.resolve({ order: { ...order, contact: { ...order.contact, emailMessages: email, smsMessages: sms } } }),
  );
  render(<MessagesPanel order={order} token="T" t={translator('en')} onChange={() => {}} />);

  await act(async () => {
    fireEvent.click(screen.getByRole('checkbox', { name: /^By SMS to / }));
  });

  expect(chooseMessageChannels).toHaveBeenCalledWith('T', true, false);
  expect(screen.getByRole('status').textContent).toBe('Saved: messages by e-mail on, by SMS off.');
});
