import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../i18n/i18n';
import { ChoicePanel } from './ChoicePanel';
import { anOrder } from './testOrders';

const chooseDelivery = vi.fn();
const requestCode = vi.fn();

vi.mock('./api', () => ({
  chooseDelivery: (...args: unknown[]) => chooseDelivery(...args),
  requestCode: (...args: unknown[]) => requestCode(...args),
}));

/** The vase ready now, the sofa later: ready items first is two parcels, the second at {@code extraCost}. */
function splittable(extraCost: string) {
  const parcel = (lineIds: string[], earliest: string, latest: string) => ({ lineIds, eta: { earliest, latest } });
  return anOrder({
    choice: {
      open: true,
      closedReason: null,
      waitWindow: { earliest: '2026-12-17', latest: '2026-12-21' },
      splitParcels: [
        parcel(['L1'], '2026-11-26', '2026-11-30'),
        parcel(['L2'], '2026-12-17', '2026-12-21'),
      ],
      extraCost,
      splitNeedsCode: Number(extraCost) > 0,
    },
  });
}

function show(order: ReturnType<typeof anOrder>) {
  render(<ChoicePanel order={order} token="T" language="en" t={translator('en')} onChange={() => {}} />);
}

afterEach(() => {
  cleanup();
  chooseDelivery.mockReset();
  requestCode.mockReset();
});

describe('a dropshipped item', () => {
  it('is said to come from its supplier in a parcel of its own whichever the customer chooses, and is in neither option', () => {
    show(splittable('0.00'));

    expect(screen.getByTestId('supplier-parcel').textContent).toMatch(
      /^Sent by its supplier in a parcel of its own, whichever you choose: Rhein lamp, around .*30 Nov.*9 Dec$/,
    );
    expect(screen.getByTestId('wait-parcels').textContent).toMatch(/: Linen cushion cover and Oslo sofa$/);
    expect(screen.getByTestId('split-parcels').textContent).not.toMatch(/lamp/);
  });
});

describe('the parcels the options list', () => {
  it("are numbered from the shop's first, a supplier's parcel sent already not counted", () => {
    const lampSent = {
      carrier: 'DHL',
      trackingNumber: 'DHL-1',
      trackingUrl: null,
      shippedAt: '2026-12-01T10:00:00Z',
      deliveredAt: null,
      lineIds: ['L3'],
    };
    show({ ...splittable('0.00'), shipments: [lampSent] });

    expect(screen.getByTestId('wait-parcels').textContent).toMatch(/^Parcel 1, /);
    const split = [...screen.getByTestId('split-parcels').querySelectorAll('li')].map((item) => item.textContent);
    expect(split).toEqual([expect.stringMatching(/^Parcel 1, /), expect.stringMatching(/^Parcel 2, /)]);
  });
});

describe('an option reached with the arrow keys', () => {
  it('is only looked at until the customer saves it, so hearing it out changes nothing', () => {
    chooseDelivery.mockResolvedValue({ errors: [] });
    show(splittable('0.00'));
    const options = screen.getByRole('group', { name: 'How should we deliver?' });
    const split = screen.getByRole('radio', { name: /Ship each item as it is ready/ }) as HTMLInputElement;

    // The arrow key moves to the other option, which the browser checks as it goes.
    fireEvent.keyDown(options, { key: 'ArrowDown' });
    fireEvent.click(split);
    fireEvent.keyUp(options, { key: 'ArrowDown' });

    expect(split.checked).toBe(true);
    expect(chooseDelivery).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save this choice' }));
    expect(chooseDelivery).toHaveBeenCalledWith('T', 'SHIP_AS_AVAILABLE');
    expect(screen.queryByRole('button', { name: 'Save this choice' })).toBeNull();
  });
});

describe('the options as a screen reader names them', () => {
  it('say their cost as a sentence of its own after the option', () => {
    show(splittable('0.00'));

    expect(screen.getByRole('radio', { name: /^Ship each item as it is ready, in 2 parcels\. No extra shipping cost/ }))
      .toBeTruthy();
  });
});

describe('ready items first', () => {
  it('is saved on the click when it costs nothing', () => {
    chooseDelivery.mockResolvedValue({ errors: [] });
    show(splittable('0.00'));

    fireEvent.click(screen.getByRole('radio', { name: /Ship each item as it is ready/ }));

    expect(chooseDelivery).toHaveBeenCalledWith('T', 'SHIP_AS_AVAILABLE');
  });

  it('says the choice was saved only of the order it left: a later change (an item cancelled) takes that away', async () => {
    const before = splittable('0.00');
    const chosen = { ...before, deliveryPreference: 'SHIP_AS_AVAILABLE' as const, revision: before.revision + 1 };
    chooseDelivery.mockResolvedValue({ order: chosen });
    const panel = (order: typeof before) => (
      <ChoicePanel order={order} token="T" language="en" t={translator('en')} onChange={() => {}} />
    );
    const { rerender } = render(panel(before));

    fireEvent.click(screen.getByRole('radio', { name: /Ship each item as it is ready/ }));
    rerender(panel(chosen));
    await screen.findByText(/^Saved\./);

    // The order moving on by itself (its extra shipping authorised, say) leaves it said.
    rerender(panel({ ...chosen, revision: chosen.revision + 1 }));
    expect(screen.queryByText(/^Saved\./)).not.toBeNull();
    // An item cancelled since: the choice saved was about other items.
    const [first, ...rest] = chosen.lines;
    rerender(panel({ ...chosen, revision: chosen.revision + 2, lines: [{ ...first, status: 'CANCELLED' }, ...rest] }));
    expect(screen.queryByText(/^Saved\./)).toBeNull();
  });

  it('at a cost says what will be reserved and waits for the code before it is saved', async () => {
    chooseDelivery.mockResolvedValue({ errors: [] });
    requestCode.mockResolvedValue({ sentTo: 'm•••@example.com' });
    show(splittable('49.00'));

    fireEvent.click(screen.getByRole('radio', { name: /Ship each item as it is ready/ }));

    const confirmation = screen.getByRole('region', { name: /Ship each item as it is ready, for DKK\s49\.00 extra shipping\?/ });
    expect(confirmation.textContent).toMatch(/We reserve DKK\s49\.00 on your card now/);
    expect(chooseDelivery).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Send code to m•••@example.com' }));
    // Pasted as the message sets it apart, with a space: the digits are the code.
    fireEvent.change(await screen.findByLabelText('6-digit code'), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: /Reserve DKK\s49\.00 and ship each item as it is ready/ }));

    expect(chooseDelivery).toHaveBeenCalledWith('T', 'SHIP_AS_AVAILABLE', '123456');
  });

  it('at a cost holds the options still while the code is checked, and gives them back when it is refused', async () => {
    let answer: (outcome: unknown) => void = () => {};
    chooseDelivery.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    requestCode.mockResolvedValue({ sentTo: 'm•••@example.com' });
    show(splittable('49.00'));

    fireEvent.click(screen.getByRole('radio', { name: /Ship each item as it is ready/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send code to m•••@example.com' }));
    fireEvent.change(await screen.findByLabelText('6-digit code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: /Reserve DKK\s49\.00 and ship each item as it is ready/ }));

    // Waiting for one delivery now would cross the paid choice on its way.
    const wait = screen.getByRole('radio', { name: /Wait and get one delivery/ }) as HTMLInputElement;
    expect(wait.matches(':disabled')).toBe(true);
    await act(async () => answer({ errors: [{ code: 'CODE_INVALID', field: 'input.code', message: 'Wrong code' }] }));

    expect(wait.matches(':disabled')).toBe(false);
    expect(chooseDelivery).toHaveBeenCalledTimes(1);
    // Back in the code's field, to type it again, with what was wrong said under it and read with it.
    const code = screen.getByLabelText('6-digit code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const said = document.getElementById(code.getAttribute('aria-describedby') ?? '');
    expect(said?.textContent).toBe(screen.getByTestId('code-error').textContent);
    expect(said?.textContent).toMatch(/code/i);
    // Typed again, the old refusal goes.
    fireEvent.change(code, { target: { value: '65' } });
    expect(screen.queryByTestId('code-error')).toBeNull();
    expect(code.getAttribute('aria-invalid')).toBeNull();
  });

  it('at a cost can be left for one delivery without anything being saved', () => {
    show(splittable('49.00'));

    fireEvent.click(screen.getByRole('radio', { name: /Ship each item as it is ready/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep one delivery' }));

    expect(screen.queryByRole('region')).toBeNull();
    expect((screen.getByRole('radio', { name: /Wait and get one delivery/ }) as HTMLInputElement).checked).toBe(true);
    expect(chooseDelivery).not.toHaveBeenCalled();
  });
});

describe('in December', () => {
  it('says which items having them as they are ready brings before Christmas, where waiting for all does not', () => {
    // The tests' today is 7 December. Waiting for all brings everything on 4 to 12 January; the cushion could come now.
    const order = splittable('0.00');
    const afterChristmas = { earliest: '2027-01-04', latest: '2027-01-12' };
    show({
      ...order,
      choice: {
        ...order.choice,
        waitWindow: afterChristmas,
        splitParcels: [order.choice.splitParcels[0], { ...order.choice.splitParcels[1], eta: afterChristmas }],
      },
    });

    expect(screen.getByTestId('split-christmas').textContent).toBe(
      'Had as they are ready, these come before Christmas: Linen cushion cover.',
    );
  });

  it('says nothing of Christmas where waiting for all comes before it too', () => {
    show(splittable('0.00'));

    expect(screen.queryByTestId('split-christmas')).toBeNull();
  });
});
