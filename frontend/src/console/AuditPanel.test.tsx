import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { AuditPanel } from './AuditPanel';
import { request } from './__mocks__/client';

vi.mock('./client');

afterEach(() => {
  cleanup();
  request.mockReset();
});

/** Every action the API records in the audit log (AuditLog.record's callers). */
const ACTIONS = {
  APPROVE_REFUND: 'Approved a refund',
  CANCEL_PURCHASE_ORDER: 'Cancelled a purchase order',
  DEFINE_DELAY_REASON: 'Defined a delay reason',
  DEFINE_SEGMENT_POLICY: 'Defined a segment policy',
  DEFINE_SHOP_LOOK: "Changed the shop's look",
  DEFINE_SUPPLIER: 'Defined a supplier',
  LOG_DELAY: 'Logged a delay',
  PLACE_PURCHASE_ORDER: 'Placed a purchase order',
  RECEIVE_GOODS: 'Recorded goods received',
  RECORD_ARRIVED_PURCHASE_ORDERS: 'Recorded purchase orders that had arrived',
  RECORD_SHIPMENT: 'Recorded a shipment',
  REISSUE_TRACKING_LINK: 'Reissued a tracking link',
  REJECT_REFUND: 'Rejected a refund',
  REVERSE_RECEIPT: 'Took back a receipt',
  REVOKE_TRACKING_LINK: 'Revoked a tracking link',
  WITHDRAW_DELAY: 'Withdrew a delay',
};

it('words every action it lists, none as its code', async () => {
  request.mockImplementation(() =>
    Promise.resolve({
      auditLog: Object.keys(ACTIONS).map((action, index) => ({
        actor: 'anna',
        at: `2026-12-0${1 + (index % 5)}T09:00:00Z`,
        action,
        target: `T-${index}`,
        before: [],
        after: [],
      })),
    }),
  );
  render(<AuditPanel />);

  for (const words of Object.values(ACTIONS)) {
    expect(await screen.findByText(words)).toBeTruthy();
  }
});
