import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { DefineSegmentPolicyDocument, SegmentPoliciesDocument } from '../generated/graphql';
import { PoliciesPanel } from './PoliciesPanel';
import { request } from './__mocks__/client';

vi.mock('./client');

afterEach(() => {
  cleanup();
  request.mockReset();
});

const loaded = {
  segmentPolicies: [
    {
      segment: 'B2C',
      defaultPreference: 'WAIT_FOR_ALL',
      customerMayChoose: true,
      receivingDays: [],
      extraParcelFees: [
        { currency: 'DKK', own: '49.00', inForce: '49.00' },
        { currency: 'EUR', own: null, inForce: '0' },
      ],
      cancelAnyUnshippedLine: false,
      autoApproveRefundAfterDaysLate: null,
    },
  ],
  shopParcelFees: [
    { currency: 'DKK', inForce: '0' },
    { currency: 'EUR', inForce: '0' },
    { currency: 'PLN', inForce: '0' },
  ],
  delayReasons: [],
};

it('shows each fee with its currency, and whose it is', async () => {
  request.mockResolvedValue(loaded);
  render(<PoliciesPanel admin={false} />);

  expect(await screen.findByRole('cell', { name: 'DKK 49.00, EUR 0 (the shop’s fee)' })).toBeTruthy();
});

it('asks for a fee in each currency the shop sells in, reviews them, and puts an error next to its currency', async () => {
  const sent: unknown[] = [];
  request.mockImplementation((document: unknown, variables: unknown) => {
    if (document === SegmentPoliciesDocument) {
      return Promise.resolve(loaded);
    }
    if (document === DefineSegmentPolicyDocument) {
      sent.push(variables);
      return Promise.resolve({
        defineSegmentPolicy: {
          policy: null,
          errors: [
            { code: 'INVALID_AMOUNT', field: 'input.extraParcelFees[1].amount', message: 'PLN has 2 decimals.' },
          ],
        },
      });
    }
    return Promise.resolve({});
  });
  render(<PoliciesPanel admin={true} />);
  const fees = await screen.findByRole('group', { name: 'Fee per extra parcel (empty: the shop’s fee)' });
  fireEvent.change(screen.getByLabelText('Segment'), { target: { value: 'DE-B2C' } });
  fireEvent.change(within(fees).getByLabelText('EUR'), { target: { value: '7.00' } });
  fireEvent.change(within(fees).getByLabelText('PLN'), { target: { value: '29.999' } });
  fireEvent.click(
    within(screen.getByRole('form', { name: 'Define a segment policy' })).getByRole('button', { name: 'Review' }),
  );

  expect(screen.getByTestId('policy-review').textContent).toContain(
    'fee per extra parcel DKK 0 (the shop’s fee), EUR 7.00, PLN 29.999',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Save the policy' }));

  const pln = within(fees).getByLabelText('PLN');
  await screen.findByText('PLN has 2 decimals.');
  expect(pln.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(pln.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
    'PLN has 2 decimals.',
  );
  expect(within(fees).getByLabelText('EUR').getAttribute('aria-invalid')).toBeNull();
  expect(sent).toEqual([
    expect.objectContaining({
      input: expect.objectContaining({
        extraParcelFees: [
          { currency: 'EUR', amount: '7.00' },
          { currency: 'PLN', amount: '29.999' },
        ],
      }),
    }),
  ]);
});
