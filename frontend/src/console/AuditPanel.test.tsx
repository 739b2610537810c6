import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { AuditPanel, auditValue } from './AuditPanel';
import { request } from './__mocks__/client';
import { ct, setConsoleLanguage, type ConsoleKey } from './messages';

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
  DEFINE_SUPPLIER: 'Added a supplier',
  LOG_DELAY: 'Logged a delay',
  PLACE_PURCHASE_ORDER: 'Placed a purchase order',
  RECEIVE_GOODS: 'Recorded goods received',
  RECORD_ARRIVED_PURCHASE_ORDERS: 'Recorded purchase orders that had arrived',
  RECORD_SHIPMENT: 'Recorded a shipment',
  REISSUE_TRACKING_LINK: 'Reissued a tracking link',
  REJECT_REFUND: 'Declined a refund',
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
  expect(row?.textContent).toContain('units: 12 × SOFA-OSLO-3, 2 × CHAIR-AARHUS');
  expect(row?.textContent).toContain('received on: Sun 6 Dec');
  expect(row?.textContent).toContain('lines ready: 12');
  expect(auditValue('2026-12-28 (estimated)')).toBe('Mon 28 Dec (estimated)');
  expect(auditValue('2026-12-06T02:36:02.968Z')).not.toMatch(/T02|Z$/);
  expect(auditValue('WAIT_FOR_ALL')).toBe('one complete delivery');
  expect(auditValue('[TUESDAY, THURSDAY]')).toBe('Tuesday, Thursday');
  expect(auditValue('OPEN')).toBe('open');
  expect(auditValue('READY')).toBe('Ready to ship');
  expect(auditValue('SHIPPED/CAPTURED')).toBe('Shipped; payment charged');
  expect(auditValue('true')).toBe('yes');
});

/** One entry of each kind whose facts were English words, as the API now records them. */
const FACTS = [
  {
    action: 'LOG_DELAY',
    target: 'd-1',
    before: [],
    after: [
      { key: 'purchaseOrder', value: 'PO-NS-2041' },
      { key: 'daysLate', value: '14' },
      { key: 'lines', value: '60' },
    ],
  },
  {
    action: 'DEFINE_SUPPLIER',
    target: 'BALTIC',
    before: [],
    after: [
      { key: 'leadTimeMinDays', value: '10' },
      { key: 'leadTimeMaxDays', value: '15' },
      { key: 'deliversTo', value: 'SHOP' },
      { key: 'workingDays', value: '[MONDAY, FRIDAY]' },
    ],
  },
  {
    action: 'DEFINE_SEGMENT_POLICY',
    target: 'vip',
    before: [{ key: 'extraParcelFee', value: 'DKK 1249.50, EUR 7' }],
    after: [
      { key: 'customerMayChoose', value: 'true' },
      { key: 'receivingDays', value: 'ANY' },
      { key: 'extraParcelFee', value: 'SHOP' },
      { key: 'refundsApprovedAfterDaysLate', value: 'NEVER' },
    ],
  },
  {
    action: 'REVOKE_TRACKING_LINK',
    target: 'NS-1001',
    before: [{ key: 'link', value: 'ACTIVE' }],
    after: [{ key: 'link', value: 'REVOKED' }],
  },
  {
    action: 'CANCEL_PURCHASE_ORDER',
    target: 'PO-NS-2042',
    before: [{ key: 'status', value: 'OPEN' }],
    after: [{ key: 'status', value: 'CANCELLED' }],
  },
  {
    action: 'DEFINE_DELAY_REASON',
    target: 'FACTORY',
    before: [],
    after: [{ key: 'de', value: 'Die Fabrik ist verspätet.' }],
  },
];

/** The audit log as the API answers it: the entries in the order given, by one agent on successive days. */
function logOf(entries: readonly object[]) {
  return {
    auditLog: entries.map((entry, index) => ({ ...entry, actor: 'bo', at: `2026-12-0${index + 1}T09:00:00Z` })),
  };
}

it("reads every recorded fact in the agent's language, codes in words", async () => {
  setConsoleLanguage('da');
  try {
    request.mockResolvedValue(logOf(FACTS));
    render(<AuditPanel />);

    const row = async (action: string) =>
      (await screen.findByText(`${ct(`action${action}` as ConsoleKey)}`)).closest('tr')?.textContent ?? '';
    expect(await row('LOG_DELAY')).toContain('indkøbsordre: PO-NS-2041; dage forsinket: 14; linjer: 60');
    expect(await row('DEFINE_SUPPLIER')).toContain(
      'leveringstid fra (arbejdsdage): 10; leveringstid til (arbejdsdage): 15; leverer til: butikken; afsender: mandag, fredag',
    );
    expect(await row('DEFINE_SEGMENT_POLICY')).toContain(
      'kunden vælger: ja; modtagedage: alle dage; gebyr pr. ekstra pakke: butikkens gebyr; ' +
        'refusioner godkendes automatisk: aldrig',
    );
    // Amounts as the reader's language writes them, not as the API keeps them.
    expect(await row('DEFINE_SEGMENT_POLICY')).toMatch(/gebyr pr\. ekstra pakke: 1\.249,50\skr\., 7,00\s€/);
    expect(await row('REVOKE_TRACKING_LINK')).toContain('sporingslink: aktivt');
    expect(await row('REVOKE_TRACKING_LINK')).toContain('sporingslink: tilbagekaldt');
    expect(await row('CANCEL_PURCHASE_ORDER')).toContain('status: åben');
    expect(await row('CANCEL_PURCHASE_ORDER')).toContain('status: Annulleret');
    expect(await row('DEFINE_DELAY_REASON')).toContain('tysk: Die Fabrik ist verspätet.');
  } finally {
    setConsoleLanguage('en');
  }
});

it('calls a supplier defined again with terms before it a change, not an addition', async () => {
  const defined = (target: string, before: { key: string; value: string }[]) => ({
    action: 'DEFINE_SUPPLIER',
    target,
    before,
    after: [{ key: 'leadTimeMaxDays', value: '20' }],
  });
  request.mockResolvedValue(
    logOf([defined('BALTIC-WOOD', [{ key: 'leadTimeMaxDays', value: '15' }]), defined('FJORD', [])]),
  );
  render(<AuditPanel />);

  await screen.findByText('Changed a supplier');
  expect(screen.getAllByRole('row').map((row) => row.children[2]?.textContent)).toEqual([
    'Action',
    'Changed a supplier',
    'Added a supplier',
  ]);
});

it("names a delay's entries by what it delayed, with the start of its id to tell two apart", async () => {
  request.mockResolvedValue({
    auditLog: [
      {
        actor: 'bo',
        at: '2026-12-06T10:00:00Z',
        action: 'WITHDRAW_DELAY',
        target: 'f41e98a2-6a14-402d-a9a8-e4959ec20463',
        before: [
          { key: 'sku', value: 'SOFA-BERGEN-2' },
          { key: 'supplier', value: 'NORDIC-SOFA' },
        ],
        after: [{ key: 'lines', value: '3' }],
      },
      {
        actor: 'anna',
        at: '2026-12-06T09:00:00Z',
        action: 'LOG_DELAY',
        target: '0b7c1d2e-1111-2222-3333-444455556666',
        before: [],
        after: [{ key: 'purchaseOrder', value: 'PO-BW-0877' }],
      },
    ],
  });
  render(<AuditPanel />);

  const withdrawn = await screen.findByText('Withdrew a delay');
  expect(withdrawn.closest('tr')?.querySelector('td[data-label="Concerns"]')?.textContent).toBe(
    'SOFA-BERGEN-2 at NORDIC-SOFA (delay f41e98a2…)',
  );
  const logged = screen.getByText('Logged a delay');
  expect(logged.closest('tr')?.querySelector('td[data-label="Concerns"]')?.textContent).toBe(
    'Purchase order PO-BW-0877 (delay 0b7c1d2e…)',
  );
});

it('reads a shipment as what left, with what, and how it was paid; a change as only what changed', async () => {
  request.mockResolvedValue({
    auditLog: [
      {
        actor: 'bo',
        at: '2026-12-06T10:00:00Z',
        action: 'RECORD_SHIPMENT',
        target: 'DEMO-1004',
        before: [{ key: 'L3', value: 'RESERVED/AUTHORIZED' }],
        after: [
          { key: 'L3', value: 'SHIPPED/CAPTURED' },
          { key: 'items', value: 'Linen cushion cover, 2 pcs' },
          { key: 'carrier', value: 'DPD' },
          { key: 'trackingNumber', value: '0123456789ABC' },
        ],
      },
      {
        actor: 'ada',
        at: '2026-12-06T09:00:00Z',
        action: 'DEFINE_SUPPLIER',
        target: 'RHEIN-LICHT',
        before: [
          { key: 'name', value: 'Rhein Licht' },
          { key: 'workingDays', value: '[MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]' },
        ],
        after: [
          { key: 'name', value: 'Rhein Licht' },
          { key: 'workingDays', value: '[TUESDAY, THURSDAY]' },
        ],
      },
    ],
  });
  render(<AuditPanel />);

  const shipped = (await screen.findByText('Recorded a shipment')).closest('tr');
  expect(shipped?.querySelector('td[data-label="Before"]')?.textContent).toBe(
    'line L3: Reserved; payment authorised, not charged',
  );
  expect(shipped?.querySelector('td[data-label="After"]')?.textContent).toBe(
    'line L3: Shipped; payment charged; items: Linen cushion cover, 2 pcs; carrier: DPD; tracking number: 0123456789ABC',
  );
  const supplier = screen.getByText('Changed a supplier').closest('tr');
  expect(supplier?.querySelector('td[data-label="Before"]')?.textContent).toBe(
    'ships on: Monday, Tuesday, Wednesday, Thursday, Friday',
  );
  expect(supplier?.querySelector('td[data-label="After"]')?.textContent).toBe('ships on: Tuesday, Thursday');
});
