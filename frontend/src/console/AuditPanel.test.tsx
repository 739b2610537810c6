import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { AuditPanel, auditValue } from './AuditPanel';
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

it('says recorded facts in words, with days, times and units as agents read them', async () => {
  request.mockResolvedValue({
    auditLog: [
      {
        actor: 'bo',
        at: '2026-12-06T02:36:02Z',
        action: 'RECEIVE_GOODS',
        target: 'PO-NS-2041',
        before: [{ key: 'status', value: 'OPEN' }],
        after: [
          { key: 'quantities', value: '{SOFA-OSLO-3=12, CHAIR-AARHUS=2}' },
          { key: 'receivedOn', value: '2026-12-06' },
          { key: 'linesReady', value: '12' },
        ],
      },
    ],
  });
  render(<AuditPanel />);

  const row = (await screen.findByText('Recorded goods received')).closest('tr');
  expect(row?.textContent).toContain('quantities: 12 × SOFA-OSLO-3, 2 × CHAIR-AARHUS');
  expect(row?.textContent).toContain('received on: Sun 6 Dec');
  expect(row?.textContent).toContain('lines ready: 12');
  expect(auditValue('2026-12-28 (estimated)')).toBe('Mon 28 Dec (estimated)');
  expect(auditValue('2026-12-06T02:36:02.968Z')).not.toMatch(/T02|Z$/);
  expect(auditValue('WAIT_FOR_ALL')).toBe('one complete delivery');
  expect(auditValue('[TUESDAY, THURSDAY]')).toBe('Tuesday, Thursday');
  expect(auditValue('OPEN')).toBe('open');
  expect(auditValue('READY')).toBe('Ready to ship');
});
