import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { translator } from '../i18n/i18n';
import { MessagesPanel } from './MessagesPanel';
import { anOrder } from './testOrders';

const chooseMessageChannels = vi.fn();
const chooseMessageLanguage = vi.fn();

vi.mock('./api', () => ({
  chooseMessageChannels: (...args: unknown[]) => chooseMessageChannels(...args),
  chooseMessageLanguage: (...args: unknown[]) => chooseMessageLanguage(...args),
}));

/** The panel as the page holds it: the channels chosen are saved, and the order as saved comes back to it. */
function savingChannels(order: ReturnType<typeof anOrder>) {
  chooseMessageChannels.mockImplementation((_token: string, email: boolean, sms: boolean) =>
    Promise.resolve({ order: { ...order, contact: { ...order.contact, emailMessages: email, smsMessages: sms } } }),
  );
  function Page() {
    const [shown, setShown] = useState(order);
    return <MessagesPanel order={shown} token="T" language="en" t={translator('en')} onChange={setShown} />;
  }
  render(<Page />);
}

afterEach(() => {
  cleanup();
  chooseMessageChannels.mockReset();
  chooseMessageLanguage.mockReset();
});

it('says back which way each message now comes, not only that something was saved', async () => {
  const order = anOrder({
    contact: { email: 'm•••@example.com', phone: '+45•••••456', emailMessages: true, smsMessages: true },
  });
  savingChannels(order);

  await act(async () => {
    fireEvent.click(screen.getByRole('checkbox', { name: /^By SMS to / }));
  });

  expect(chooseMessageChannels).toHaveBeenCalledWith('T', true, false);
  expect(screen.getByRole('status').textContent).toBe('Saved: messages by e-mail on, by SMS off.');
});

it('says with what was saved that neither box ticked means no messages at all', async () => {
  const order = anOrder({
    contact: { email: 'm•••@example.com', phone: null, emailMessages: true, smsMessages: false },
  });
  savingChannels(order);

  await act(async () => {
    fireEvent.click(screen.getByRole('checkbox', { name: /^By e-mail to / }));
  });

  expect(screen.getByRole('status').textContent).toBe(
    `Saved: messages by e-mail off. ${translator('en')('messages.none')}`,
  );
});

it('lets a customer reading the page in English have their messages in English too, and says which language they come in', async () => {
  const order = anOrder({ locale: 'de' });
  chooseMessageLanguage.mockImplementation((_token: string, language: string) =>
    Promise.resolve({ order: { ...order, locale: language } }),
  );
  function Page() {
    const [shown, setShown] = useState(order);
    return <MessagesPanel order={shown} token="T" language="en" t={translator('en')} onChange={setShown} />;
  }
  render(<Page />);
  const select = screen.getByRole('combobox', { name: 'Language of the messages' }) as HTMLSelectElement;
  expect(select.value).toBe('de');
  expect(screen.getByTestId('messages-language-differs').textContent).toBe(
    'You are reading this page in another language than the messages: they come in German.',
  );

  await act(async () => {
    fireEvent.change(select, { target: { value: 'en' } });
  });

  expect(chooseMessageLanguage).toHaveBeenCalledWith('T', 'en');
  expect(select.value).toBe('en');
  expect(screen.getByRole('status').textContent).toBe('Saved: messages about this order now come in English.');
  expect(screen.queryByTestId('messages-language-differs')).toBeNull();
});
