import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { DelayReasonTextsDocument, RefundQueueDocument } from '../generated/graphql';
import { RefundsPanel } from './RefundsPanel';
import { request } from './__mocks__/client';

vi.mock('./client');
vi.mock('./useOrderChanges', () => ({ useOrderChanges: () => {} }));

const asked = (orderNumber: string, id: string) => ({
  orderNumber,
  customerName: 'Ida Holm',
  customerLocale: 'da',
  currency: 'DKK',
  delayReasons: [],
  promisedBy: '2026-10-22',
  daysLate: 0,
  refund: { id, amount: '499.00', lineIds: ['L3'], requestedAt: '2026-12-01T09:00:00Z' },
  items: ['Linen cushion cover, 2 pcs'],
});

afterEach(() => {
  cleanup();
  request.mockReset();
});

it('says the queue is empty without an empty list beside it for a screen reader to announce', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(document === RefundQueueDocument ? { refundQueue: [] } : { delayReasons: [] }),
  );
  render(<RefundsPanel />);

  expect(await screen.findByText('No open refund requests.')).toBeTruthy();
  expect(screen.queryByRole('list')).toBeNull();
});

it('holds the queue still while the chosen refunds are decided, so the outcome cannot wipe a new choice', async () => {
  const queue = { refundQueue: [asked('N-1', 'R1'), asked('N-2', 'R2'), asked('N-3', 'R3')] };
  const decisions: ((data: unknown) => void)[] = [];
  request.mockImplementation((document: unknown) =>
    document === RefundQueueDocument
      ? Promise.resolve(queue)
      : document === DelayReasonTextsDocument
        ? Promise.resolve({ delayReasons: [] })
        : new Promise((resolve) => decisions.push(resolve)),
  );
  render(<RefundsPanel />);
  fireEvent.click(await screen.findByRole('checkbox', { name: /^Select the refund of order N-1: / }));
  fireEvent.click(screen.getByRole('checkbox', { name: /^Select the refund of order N-2: / }));
  fireEvent.change(screen.getByLabelText(/^Reason the customer reads/), {
    target: { value: 'Late beyond the promise' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Approve the selected' }));
  fireEvent.click(screen.getByRole('button', { name: 'Pay back 2 refunds' }));

  // The first is being decided: the third cannot be chosen, nor the reason or the decision changed.
  expect(
    (screen.getByRole('checkbox', { name: /^Select the refund of order N-3: / }) as HTMLInputElement).disabled,
  ).toBe(true);
  expect((screen.getByLabelText(/^Reason the customer reads/) as HTMLInputElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: 'Approve the selected' }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByTestId('refund-review')).toBeTruthy();

  await act(async () => decisions[0]({ decideRefund: { errors: [] } }));
  await act(async () => decisions[1]({ decideRefund: { errors: [] } }));

  expect(screen.getByTestId('refund-outcome').textContent).toMatch(/^2 /);
  const next = screen.getByRole('checkbox', { name: /^Select the refund of order N-3: / }) as HTMLInputElement;
  expect(next.disabled).toBe(false);
  // The agent goes on to the next refund: what was said of the last ones goes, not to be read as about this one.
  fireEvent.click(next);
  expect(screen.queryByTestId('refund-outcome')).toBeNull();
});

it('names what is refunded as the customer ordered it, not by the id of its line', async () => {
  request.mockImplementation(() => Promise.resolve({ refundQueue: [asked('N-1', 'R1')] }));
  render(<RefundsPanel />);

  const row = (await screen.findByRole('checkbox', { name: /^Select the refund of order N-1: / })).closest('li');

  expect(row?.textContent).toMatch(/^N-1 — Ida Holm \(Danish\): .*499\.00 for Linen cushion cover, 2 pcs, requested /);
  expect(row?.textContent).not.toMatch(/\bL3\b/);
});

it('ends the review once when the reason quoted at its end ends a sentence itself', async () => {
  request.mockImplementation(() => Promise.resolve({ refundQueue: [asked('N-1', 'R1')] }));
  render(<RefundsPanel />);
  fireEvent.click(await screen.findByRole('checkbox', { name: /^Select the refund of order N-1: / }));
  const reason = screen.getByLabelText(/^Reason the customer reads/);

  fireEvent.change(reason, { target: { value: 'Sorry for the long wait.' } });
  fireEvent.click(screen.getByRole('button', { name: 'Approve and refund' }));
  expect(screen.getByTestId('refund-review').textContent).toMatch(/tells them: “Sorry for the long wait\.”(?!\.)/);

  fireEvent.change(reason, { target: { value: 'Sorry for the long wait' } });
  fireEvent.click(screen.getByRole('button', { name: 'Approve and refund' }));
  expect(screen.getByTestId('refund-review').textContent).toMatch(/tells them: “Sorry for the long wait”\./);
});

it("says the delay behind a refund in the agent's language, with the words the customer read", async () => {
  const behind = { ...asked('N-1', 'R1'), delayReasons: ['Produkcja dostawcy jest opóźniona.'] };
  const reasons = [
    {
      code: 'SUPPLIER_BEHIND',
      texts: [
        { language: 'en', text: "The supplier's production is behind schedule." },
        { language: 'pl', text: 'Produkcja dostawcy jest opóźniona.' },
      ],
    },
  ];
  request.mockImplementation((document: unknown) =>
    Promise.resolve(document === DelayReasonTextsDocument ? { delayReasons: reasons } : { refundQueue: [behind] }),
  );
  render(<RefundsPanel />);

  expect(
    await screen.findByText(
      "Delay behind it: The supplier's production is behind schedule. (the customer read: “Produkcja dostawcy jest opóźniona.”)",
    ),
  ).toBeTruthy();
});

it('says how late a refund’s item is against its promise, beside the request', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === DelayReasonTextsDocument
        ? { delayReasons: [] }
        : { refundQueue: [{ ...asked('N-1', 'R1'), daysLate: 48 }, asked('N-2', 'R2')] },
    ),
  );
  render(<RefundsPanel />);

  await screen.findByText(/^N-2 — /);
  expect(screen.getAllByTestId('refund-lateness').map((said) => said.textContent)).toEqual([
    'Promised by Thu 22 Oct; 48 days later than that',
    'Promised by Thu 22 Oct; not late',
  ]);
});

it('says which languages the customers read before the reason is written; a rejection without one takes the keyboard to it, an approval says only the amount', async () => {
  const german = { ...asked('N-2', 'R2'), customerName: 'Jonas Weber', customerLocale: 'de' };
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === DelayReasonTextsDocument ? { delayReasons: [] } : { refundQueue: [asked('N-1', 'R1'), german] },
    ),
  );
  render(<RefundsPanel />);
  // Each request says whose it is, in which language, and its checkbox says what it is for.
  expect((await screen.findByText(/^N-2 — Jonas Weber \(German\): /)).textContent).toMatch(/for Linen cushion cover/);
  fireEvent.click(
    screen.getByRole('checkbox', {
      name: /^Select the refund of order N-1: DKK\s?499\.00 for Linen cushion cover, 2 pcs$/,
    }),
  );
  expect(screen.getByLabelText(/^Reason the customer reads/).getAttribute('aria-describedby')).toBe(
    'refund-reason-languages',
  );
  expect(screen.getByText('Read in Danish: the customer reads the reason as you write it.')).toBeTruthy();
  fireEvent.click(screen.getByRole('checkbox', { name: /^Select the refund of order N-2: / }));
  expect(
    screen.getByText(/^Read in Danish and German: each customer reads the reason as you write it\.$/),
  ).toBeTruthy();

  // Paying back may go without words of the agent's: each customer is told the amount in their own language.
  fireEvent.click(screen.getByRole('button', { name: 'Approve the selected' }));
  expect(screen.getByTestId('refund-review').textContent).toMatch(
    /^This pays back 2 refunds, .* in all, each to its customer’s card, and tells each the amount in their language\./,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

  // Declining says why: the keyboard goes to the reason.
  const reject = screen.getByRole('button', { name: 'Decline the selected' });
  reject.focus();
  fireEvent.click(reject);

  expect(document.activeElement).toBe(screen.getByLabelText(/^Reason the customer reads/));
  expect(screen.getByText('Write the reason the customer reads.')).toBeTruthy();
  expect(screen.queryByTestId('refund-review')).toBeNull();
});

it('refuses a reason with a tag beside its field before the review, keeping what was typed', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === DelayReasonTextsDocument ? { delayReasons: [] } : { refundQueue: [asked('N-1', 'R1')] },
    ),
  );
  render(<RefundsPanel />);
  fireEvent.click(await screen.findByRole('checkbox', { name: /^Select the refund of order N-1/ }));
  const reason = screen.getByLabelText(/^Reason/) as HTMLInputElement;
  fireEvent.change(reason, { target: { value: 'Sorry <b>very</b> much' } });

  fireEvent.click(screen.getByRole('button', { name: 'Approve and refund' }));

  expect(screen.queryByTestId('refund-review')).toBeNull();
  expect(document.getElementById('refund-reason-error')?.textContent).toBe(
    'Write it as plain text: customers read it as written, a tag like <b> too.',
  );
  expect(reason.value).toBe('Sorry <b>very</b> much');
  expect(document.activeElement).toBe(reason);
});
