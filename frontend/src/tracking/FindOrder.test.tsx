import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../i18n/i18n';
import { FindOrder } from './FindOrder';

const requestTrackingLink = vi.fn();

vi.mock('./api', () => ({
  requestTrackingLink: (...args: unknown[]) => requestTrackingLink(...args),
}));

afterEach(() => {
  cleanup();
  requestTrackingLink.mockReset();
});

function ask(number: string, contact: string) {
  render(<FindOrder t={translator('en')} />);
  fireEvent.change(screen.getByLabelText('Order number'), { target: { value: number } });
  fireEvent.change(screen.getByLabelText('E-mail or phone'), { target: { value: contact } });
  fireEvent.click(screen.getByRole('button', { name: 'Send me a link' }));
}

describe('finding an order again', () => {
  it('sends the order number and contact and says the link went to that contact, never showing one', async () => {
    requestTrackingLink.mockResolvedValue('accepted');

    ask(' 1042 ', 'mette@example.com ');

    expect(requestTrackingLink).toHaveBeenCalledWith('1042', 'mette@example.com');
    const status = await screen.findByText(/If the order number and contact match an order, a link is on its way/);
    expect(status.textContent).not.toMatch(/\/t\//);
  });

  it('says when it was asked too often', async () => {
    requestTrackingLink.mockResolvedValue('RATE_LIMITED');

    ask('1042', 'mette@example.com');

    await screen.findByText(/Too many requests\. Try again in an hour/);
  });
});
