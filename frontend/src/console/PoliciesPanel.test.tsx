import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { DefineDelayReasonDocument, DefineSegmentPolicyDocument, SegmentPoliciesDocument } from '../generated/graphql';
import { PoliciesPanel } from './PoliciesPanel';
import { request } from './__mocks__/client';
import { ct, setConsoleLanguage } from './messages';

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

/** The policies load as {@link loaded}; saving one answers {@code saved}. Gives what each save sent. */
function policiesSaving(saved: object): unknown[] {
  const sent: unknown[] = [];
  request.mockImplementation((document: unknown, variables: unknown) => {
    if (document === SegmentPoliciesDocument) {
      return Promise.resolve(loaded);
    }
    if (document === DefineSegmentPolicyDocument) {
      sent.push(variables);
      return Promise.resolve(saved);
    }
    return Promise.resolve({});
  });
  return sent;
}

/** One policy saved, with these fees per currency as the API takes them. */
function expectOneSaveWithFees(sent: unknown[], fees: { currency: string; amount: string }[]) {
  expect(sent).toEqual([expect.objectContaining({ input: expect.objectContaining({ extraParcelFees: fees }) })]);
}

it('shows each fee with its currency, and whose it is', async () => {
  request.mockResolvedValue(loaded);
  render(<PoliciesPanel admin={false} />);

  expect(await screen.findByRole('cell', { name: /^DKK\s49\.00, €0\.00 \(the shop’s fee\)$/ })).toBeTruthy();
});

it('asks for a fee in each currency the shop sells in, checks it before the review, and puts errors next to it', async () => {
  const sent = policiesSaving({
    defineSegmentPolicy: {
      policy: null,
      errors: [{ code: 'SOMETHING', field: 'input.extraParcelFees[1].amount', message: 'Not today.' }],
    },
  });
  render(<PoliciesPanel admin={true} />);
  const fees = await screen.findByRole('group', { name: 'Fee per extra parcel (empty: the shop’s fee)' });
  const form = screen.getByRole('form', { name: 'Define a segment policy' });
  // Typed in small letters, the segment is the one in capitals the shop's orders name.
  fireEvent.change(screen.getByLabelText('Segment'), { target: { value: 'de-b2c' } });
  fireEvent.change(within(fees).getByLabelText('EUR'), { target: { value: '7.00' } });
  fireEvent.change(within(fees).getByLabelText('PLN'), { target: { value: '29.999' } });
  fireEvent.click(within(form).getByRole('button', { name: /^Review the / }));

  // Finer than the currency allows: said next to it before any review, and nothing is sent.
  const pln = within(fees).getByLabelText('PLN');
  expect(pln.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(pln.getAttribute('aria-describedby') ?? '')?.textContent).toBe('PLN has 2 decimals.');
  expect(screen.queryByTestId('policy-review')).toBeNull();

  // More than the API takes for a parcel: said next to it in the currency's own terms, before any review.
  fireEvent.change(pln, { target: { value: '99999999999999' } });
  fireEvent.click(within(form).getByRole('button', { name: /^Review the / }));
  expect(document.getElementById(pln.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
    /^A fee is at most PLN\s10,000\.00\.$/,
  );
  expect(screen.queryByTestId('policy-review')).toBeNull();

  // A decimal comma is read as a point.
  fireEvent.change(pln, { target: { value: '29,99' } });
  fireEvent.click(within(form).getByRole('button', { name: /^Review the / }));
  expect(screen.getByTestId('policy-review').textContent).toMatch(
    /^This defines segment DE-B2C: .* fee per extra parcel: DKK\s0\.00 \(the shop’s fee\), €7\.00, PLN\s29\.99\..*Goods are received on any day\. Customers may cancel lines later than promised\. Every refund is decided by an agent\.Save/,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Save the policy' }));

  // The server's error on the second fee sent sits next to PLN, the second currency given one.
  await screen.findByText('Not today.');
  expect(pln.getAttribute('aria-invalid')).toBe('true');
  expect(within(fees).getByLabelText('EUR').getAttribute('aria-invalid')).toBeNull();
  expectOneSaveWithFees(sent, [
    { currency: 'EUR', amount: '7.00' },
    { currency: 'PLN', amount: '29.99' },
  ]);
});

it('reads a fee as the agent’s language writes it, with its groups of thousands', async () => {
  const sent = policiesSaving({ defineSegmentPolicy: { policy: null, errors: [] } });
  setConsoleLanguage('de');
  try {
    render(<PoliciesPanel admin={true} />);
    const fees = await screen.findByRole('group', { name: ct('extraParcelFee') });
    const form = screen.getByRole('form', { name: ct('policyFormTitle') });
    fireEvent.change(screen.getByLabelText(ct('segment')), { target: { value: 'de-b2c' } });
    fireEvent.change(within(fees).getByLabelText('DKK'), { target: { value: '1.234,56' } });
    fireEvent.change(within(fees).getByLabelText('EUR'), { target: { value: '7.50' } });
    fireEvent.change(within(fees).getByLabelText('PLN'), { target: { value: '1 234' } });
    fireEvent.click(within(form).getByRole('button', { name: ct('reviewPolicy') }));

    expect(within(fees).getByLabelText('DKK').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('policy-review').textContent).toMatch(
      /Gebühr je weiteres Paket: 1\.234,56\sDKK, 7,50\s€, 1\.234,00\sPLN\..*Empfangstage: jeder Tag\./,
    );
    fireEvent.click(screen.getByRole('button', { name: ct('savePolicy') }));
    expectOneSaveWithFees(sent, [
      { currency: 'DKK', amount: '1234.56' },
      { currency: 'EUR', amount: '7.50' },
      { currency: 'PLN', amount: '1234' },
    ]);
  } finally {
    setConsoleLanguage('en');
  }
});

it('says days late that are no whole number next to their field, before any review', async () => {
  request.mockResolvedValue(loaded);
  render(<PoliciesPanel admin={true} />);
  const form = await screen.findByRole('form', { name: 'Define a segment policy' });
  fireEvent.change(screen.getByLabelText('Segment'), { target: { value: 'VIP' } });
  const days = screen.getByLabelText(/^Approve refunds automatically/);
  fireEvent.change(days, { target: { value: '-1' } });
  fireEvent.click(within(form).getByRole('button', { name: /^Review the / }));

  expect(days.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(days.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
    'Days late are a whole number: 0 or more.',
  );
  expect(screen.queryByTestId('policy-review')).toBeNull();
});

it('edits a policy in force from its values, and asks no fee where items ship as they are ready', async () => {
  request.mockResolvedValue(loaded);
  render(<PoliciesPanel admin={true} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Edit the policy of segment B2C' }));

  // The form opens with the keyboard on its first field.
  expect(document.activeElement).toBe(screen.getByLabelText('Segment'));
  expect((screen.getByLabelText('Segment') as HTMLInputElement).value).toBe('B2C');
  const fees = screen.getByRole('group', { name: 'Fee per extra parcel (empty: the shop’s fee)' });
  expect((within(fees).getByLabelText('DKK') as HTMLInputElement).value).toBe('49.00');
  expect((within(fees).getByLabelText('EUR') as HTMLInputElement).value).toBe('');
  // Typing into another field keeps the keyboard there, key after key.
  const eur = within(fees).getByLabelText('EUR');
  eur.focus();
  fireEvent.change(eur, { target: { value: '7' } });
  fireEvent.change(eur, { target: { value: '7.5' } });
  expect(document.activeElement).toBe(eur);
  expect((eur as HTMLInputElement).value).toBe('7.5');

  fireEvent.change(screen.getByLabelText('Default delivery'), { target: { value: 'SHIP_AS_AVAILABLE' } });
  expect((within(fees).getByLabelText('DKK') as HTMLInputElement).disabled).toBe(true);
  fireEvent.click(
    within(screen.getByRole('form', { name: 'Define a segment policy' })).getByRole('button', { name: /^Review the / }),
  );
  expect(screen.getByTestId('policy-review').textContent).toMatch(
    /^This replaces the policy of segment B2C: .*fee per extra parcel: none; its items ship as they are ready, at the shop’s cost\./,
  );
});

it('offers receiving days Monday to Friday only, as goods are delivered on those', async () => {
  request.mockResolvedValue(loaded);
  render(<PoliciesPanel admin={true} />);
  const days = await screen.findByRole('group', { name: 'Receiving days (none ticked: any day)' });

  expect(
    within(days)
      .getAllByRole('checkbox')
      .map((box) => box.closest('label')?.textContent),
  ).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
});

it('rewords a reason from its words in every language, names any words a language loses, and checks before the review', async () => {
  const sent: unknown[] = [];
  const freight = {
    code: 'FREIGHT_DELAYED',
    texts: [
      { language: 'en', text: 'The freight is delayed.' },
      { language: 'da', text: 'Fragten er forsinket.' },
      { language: 'pl', text: 'Transport jest opóźniony.' },
    ],
  };
  request.mockImplementation((document: unknown, variables: unknown) => {
    if (document === SegmentPoliciesDocument) {
      return Promise.resolve({ ...loaded, delayReasons: [freight] });
    }
    if (document === DefineDelayReasonDocument) {
      sent.push(variables);
      return Promise.resolve({ defineDelayReason: { reason: freight, errors: [] } });
    }
    return Promise.resolve({});
  });
  render(<PoliciesPanel admin={true} />);

  // Nothing typed is not reviewed: each refusal sits next to its field.
  const form = await screen.findByRole('form', { name: 'Add or reword a delay reason' });
  fireEvent.change(within(form).getByLabelText('Code'), { target: { value: 'bad code!' } });
  fireEvent.click(within(form).getByRole('button', { name: /^Review the / }));
  expect(screen.queryByTestId('reason-review')).toBeNull();
  const english = within(form).getByLabelText('What customers read in English');
  expect(english.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(english.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
    /The English text is required/,
  );
  expect(within(form).getByLabelText('Code').getAttribute('aria-invalid')).toBe('true');

  // "Reword" brings every language's words in; emptying Polish is named in the review before anything is saved.
  fireEvent.click(screen.getByRole('button', { name: 'Reword reason FREIGHT_DELAYED' }));
  const reword = screen.getByRole('form', { name: 'Reword reason FREIGHT_DELAYED' });
  expect((within(reword).getByLabelText('What customers read in Danish') as HTMLTextAreaElement).value).toBe(
    'Fragten er forsinket.',
  );
  fireEvent.change(within(reword).getByLabelText('What customers read in Polish'), { target: { value: '' } });
  fireEvent.click(within(reword).getByRole('button', { name: /^Review the / }));
  expect(screen.getByTestId('reason-removed').textContent).toMatch(/Its Polish words go: “Transport jest opóźniony\.”/);
  fireEvent.click(screen.getByRole('button', { name: 'Save the reason' }));
  await screen.findByText('Reason FREIGHT_DELAYED saved.');
  expect(sent).toEqual([
    {
      input: {
        code: 'FREIGHT_DELAYED',
        texts: [
          { language: 'en', text: 'The freight is delayed.' },
          { language: 'da', text: 'Fragten er forsinket.' },
        ],
      },
    },
  ]);
});
