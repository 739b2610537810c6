import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../i18n/i18n';
import type { CustomerOrder } from './api';
import { CancelPanel } from './CancelPanel';

const requestCode = vi.fn();

const cancelLines = vi.fn();

vi.mock('./api', () => ({
  requestCode: (...args: unknown[]) => requestCode(...args),
  cancelLines: (...args: unknown[]) => cancelLines(...args),
}));

const line = {
  id: 'L2',
  sku: 'SOFA',
  name: 'Oslo sofa',
  quantity: 1,
  source: 'BACKORDER',
  status: 'AWAITING_SUPPLIER',
  promisedDate: '2026-12-17',
  eta: { earliest: '2026-12-20', latest: '2026-12-24' },
  late: true,
  amount: '8995.00',
  payment: 'AUTHORIZED',
  cancellable: true,
  refund: null,
} as unknown as CustomerOrder['lines'][number];

const order = {
  number: 'DEMO-1001',
  currency: 'DKK',
  lines: [line],
  contact: { email: 'm•••@example.com', phone: '+45•••••456', emailMessages: true, smsMessages: true },
} as unknown as CustomerOrder;

afterEach(() => {
  cleanup();
  requestCode.mockReset();
  cancelLines.mockReset();
});

describe('asking for a one-time code', () => {
  it('says beside the channel choice that SMS is off for a number that replied STOP, and offers e-mail', async () => {
    requestCode.mockResolvedValue({
      errors: [{ code: 'SMS_OPTED_OUT', field: 'input.channel', message: 'SMS is off for this number' }],
    });
    render(
      <CancelPanel order={order} line={line} token="T" language="en" t={translator('en')} onChange={() => {}} onClose={() => {}} />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Send code by SMS to +45•••••456' }));

    const notice = await screen.findByTestId('sms-off');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toMatch(/SMS is turned off for your number.*by e-mail/);
    const email = screen.getByRole('button', { name: 'Send code to m•••@example.com' });
    expect(notice.previousElementSibling?.contains(email)).toBe(true);
    expect(screen.queryByRole('button', { name: /by SMS/ })).toBeNull();
    expect(screen.queryByText(/We sent a code/)).toBeNull();
  });

  it('takes a code sent before the page was opened again, without asking for another', async () => {
    cancelLines.mockResolvedValue({ order: { ...order, lines: [{ ...line, status: 'CANCELLED' }] }, errors: [] });
    render(
      <CancelPanel order={order} line={line} token="T" language="de" t={translator('de')} onChange={() => {}} onClose={() => {}} />,
    );

    const haveOne = screen.getByRole('button', { name: 'Ich habe schon einen Code' });
    expect(haveOne.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(haveOne);
    const field = screen.getByLabelText(/Code/, { selector: 'input' });
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: '041 863' } });
    fireEvent.submit(field.closest('form')!);

    await vi.waitFor(() => expect(cancelLines).toHaveBeenCalled());
    expect(cancelLines.mock.calls[0]).toContain('041863');
    expect(requestCode).not.toHaveBeenCalled();
  });
});

describe('what cancelling moves', () => {
  it('says before the code that the extra shipping reserved is released too, when no extra parcel would be left', () => {
    const releasing = { ...line, cancelReleasesExtraShipping: '49.00' };
    render(
      <CancelPanel
        order={{ ...order, lines: [releasing] }}
        line={releasing}
        token="T"
        language="en"
        t={translator('en')}
        onChange={() => {}}
        onClose={() => {}}
      />,
    );

    const dialog = screen.getByRole('region', { name: 'Cancel Oslo sofa' });
    // Amounts as the page writes them (a no-break space after the currency).
    expect(dialog.textContent).toMatch(/the reservation of DKK\s8,995\.00 on your card is released at once\./);
    expect(dialog.textContent).toMatch(
      /The DKK\s49\.00 still reserved for extra shipping is released too: no further extra parcel would be sent\./,
    );
  });

  it('says nothing of extra shipping when the cancellation leaves it as it is', () => {
    render(
      <CancelPanel order={order} line={line} token="T" language="en" t={translator('en')} onChange={() => {}} onClose={() => {}} />,
    );

    expect(screen.queryByText(/extra shipping/)).toBeNull();
  });
});
