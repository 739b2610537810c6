import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { RunningLateDocument } from '../generated/graphql';
import { RunningLatePanel } from './RunningLatePanel';
import { request } from './__mocks__/client';

vi.mock('./client');

afterEach(() => {
  cleanup();
  request.mockReset();
});

it('with nothing overtaken by time, says where the lines a delay moved past their promise are', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(document === RunningLateDocument ? { runningLate: [] } : {}),
  );
  render(<RunningLatePanel />);

  expect(
    await screen.findByText(
      'No open line has been overtaken by time. Lines a delay has moved past their promise are under Orders, “Late against promise”.',
    ),
  ).toBeTruthy();
});

it('says of each line whether its customer was told, by the watch or when its window moved before, is told at the next sweep, or need not be', async () => {
  const line = (lineId: string, moved: boolean, movesNext: boolean, movedSincePromised = moved) => ({
    orderNumber: 'N-1001',
    customer: 'Ida Holm',
    lineId,
    name: `Item ${lineId}`,
    supplier: 'BALTIC-WOOD',
    purchaseOrder: 'PO-BW-0877',
    daysOverdue: 10,
    promisedDate: '2026-12-18',
    estimate: { earliest: '2026-12-11', latest: '2026-12-15', confidence: 0.8 },
    moved,
    movesNext,
    movedSincePromised,
  });
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === RunningLateDocument
        ? {
            suppliers: [{ code: 'BALTIC-WOOD', name: 'Baltic Woodcraft' }],
            runningLate: [
              line('L1', true, false),
              line('L2', false, true),
              // Its window was moved from its promise by a purchase order already late, which told the customer.
              line('L3', false, false, true),
              line('L4', false, false),
            ],
          }
        : {},
    ),
  );
  render(<RunningLatePanel />);

  const rows = await screen.findAllByTestId('running-late-line');
  expect(rows.map((row) => row.lastElementChild?.textContent)).toEqual([
    'Yes, of the new window',
    'Not yet: at the next sweep',
    'Yes, when its window last moved',
    'Not needed: the window first promised still allows for the lateness',
  ]);
  expect(rows[0].textContent).toContain('(80% of such lines arrive in it)');
  // The supplier as agents know it, not by its code.
  expect(rows[0].textContent).toContain('PO-BW-0877 (Baltic Woodcraft)');
});
