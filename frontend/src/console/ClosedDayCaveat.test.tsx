import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ClosedDayCaveat } from './ClosedDayCaveat';
import { request } from './__mocks__/client';

vi.mock('./client');

afterEach(() => {
  cleanup();
  request.mockReset();
});

it('says in a review that goods expected on a day the warehouse sends nothing leave on its next working day', async () => {
  request.mockResolvedValue({ warehouseClosedDays: ['2026-12-25', '2027-01-01'] });
  render(<ClosedDayCaveat date="2026-12-25" />);

  expect((await screen.findByTestId('closed-day-caveat')).textContent).toMatch(
    /^The warehouse sends nothing on Fri 25 Dec, a public holiday or a day it is closed: goods expected that day leave on its next working day\.$/,
  );
  cleanup();

  // An ordinary working day is said nothing of.
  render(<ClosedDayCaveat date="2026-12-28" />);
  await waitFor(() => expect(request).toHaveBeenCalledTimes(2));
  await act(async () => {});
  expect(screen.queryByTestId('closed-day-caveat')).toBeNull();
});
