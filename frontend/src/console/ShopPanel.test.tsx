import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ConsoleShopDocument, DefineShopLookDocument } from '../generated/graphql';
import { ShopPanel } from './ShopPanel';
import { request } from './__mocks__/client';

vi.mock('./client');

afterEach(() => {
  cleanup();
  request.mockReset();
});

const shop = {
  name: 'Møbelhuset Nord',
  logoUrl: null,
  colour: '#1f3a5f',
  email: 'hej@moebelhuset.dk',
  phone: null,
  helpUrl: null,
};

it('says what a colour must look like once, beside the field, and a refusal in its place', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === ConsoleShopDocument
        ? { shop }
        : document === DefineShopLookDocument
          ? {
              defineShopLook: {
                shop: null,
                errors: [{ code: 'INVALID_COLOUR', field: 'input.colour', message: 'Not a colour.' }],
              },
            }
          : {},
    ),
  );
  render(<ShopPanel />);
  const colour = await screen.findByLabelText('Colour');
  fireEvent.change(colour, { target: { value: 'navy' } });

  expect(screen.getAllByText('A colour as #rrggbb, e.g. #1f3a5f.')).toHaveLength(1);
  fireEvent.click(screen.getByRole('button', { name: 'Save the look' }));

  expect(await screen.findByText('Not a colour.')).toBeTruthy();
  expect(screen.getAllByText('Not a colour.')).toHaveLength(1);
  expect(document.getElementById(colour.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Not a colour.');
  // The refusal says it in place of the hint, not beside it.
  expect(screen.queryByText('A colour as #rrggbb, e.g. #1f3a5f.')).toBeNull();
});
