import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
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
  // As the page holds it: the order as saved comes back to the panel.
  function Page() {
    const [shown, setShown] = useState(order);
    return <MessagesPanel order={shown} token="T" t={translator('en')} onChange={setShown} />;
  }
  render(<Page />);

  await act(async () => {
    fireEvent.click(screen.getByRole('checkbox', { name: /^By SMS to / }));
  });

  expect(chooseMessageChannels).toHaveBeenCalledWith('T', true, false);
  expect(screen.getByRole('status').textContent).toBe('Saved: messages by e-mail on, by SMS off.');
});
