import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ConsoleDataDocument, PreviewDelayDocument, SupplierSkusDocument } from '../generated/graphql';
import { DelayPanel } from './DelayPanel';
import { dateWindow } from './format';
import { request } from './__mocks__/client';

vi.mock('./client');

const consoleData = {
  purchaseOrders: [
    { number: 'PO-NS-2041', supplier: 'NORDSOFA', skus: ['OSLO-3'], expectedArrival: '2026-12-10', waitingLines: 2 },
  ],
  suppliers: [{ code: 'NORDSOFA', name: 'Nordic Sofa Works' }],
  delayReasons: [{ code: 'SUPPLIER_BEHIND', texts: [{ language: 'en', text: 'Our supplier is behind schedule.' }] }],
  delayReports: [],
};

/** A preview of a delay whose two sample lines' last days move from and to the given days. */
const previewMoving = (...moves: [string, string][]) => ({
  previewDelay: {
    errors: [],
    preview: {
      orders: moves.length,
      lines: moves.length,
      customers: moves.length,
      orderValue: [{ currency: 'DKK', amount: '8995.00' }],
      linesNowLate: 0,
      linesKept: 0,
      sample: moves.map(([from, to], index) => ({
        orderNumber: `N-${index + 1}`,
        customerName: 'Ida Holm',
        lineName: 'Oslo sofa',
        from,
        to,
      })),
    },
  },
});

afterEach(() => {
  cleanup();
  request.mockReset();
  localStorage.clear();
});

/** The texts a field is described by (aria-describedby), in their order. */
function describedBy(field: HTMLElement): (string | null | undefined)[] {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);
}

async function previewNineDaysLate(preview: unknown) {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(document === ConsoleDataDocument ? consoleData : document === PreviewDelayDocument ? preview : {}),
  );
  render(<DelayPanel />);
  fireEvent.change(await screen.findByRole('spinbutton', { name: 'Days late' }), { target: { value: '9' } });
  fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
  await screen.findByTestId('preview-figures');
}

it('says why a line moves by other than the days late: its window is counted again in working days', async () => {
  // Friday 11 to Monday 21 December: ten days, for a delay of nine, as the weekend falls.
  await previewNineDaysLate(previewMoving(['2026-12-10', '2026-12-19'], ['2026-12-11', '2026-12-21']));

  expect(screen.getByTestId('preview-working-days').textContent).toBe(
    'Some dates move by more or less than 9 days: each line’s window is counted again from the goods’ new arrival: they leave on the warehouse’s working days (not in its closures) and arrive without weekends and the public holidays of the customer’s country.',
  );
});

it("offers the SKUs a delay of the supplier's could reach as the agent types one, asked of the supplier chosen", async () => {
  request.mockImplementation((document: unknown, variables?: { supplier?: string }) =>
    Promise.resolve(
      document === ConsoleDataDocument
        ? consoleData
        : document === SupplierSkusDocument
          ? { supplierSkus: variables?.supplier === 'NORDSOFA' ? ['LAMP-RHEIN', 'OSLO-3'] : [] }
          : {},
    ),
  );
  render(<DelayPanel />);
  fireEvent.click(await screen.findByRole('radio', { name: 'One SKU at a supplier' }));

  const sku = screen.getByRole('combobox', { name: 'SKU' });
  const offered = () =>
    [...(document.getElementById(sku.getAttribute('list') ?? '')?.querySelectorAll('option') ?? [])].map(
      (option) => option.value,
    );
  await waitFor(() => expect(offered()).toEqual(['LAMP-RHEIN', 'OSLO-3']));
});

it('takes the agent to the preview: it has the focus, the form above it does not', async () => {
  await previewNineDaysLate(previewMoving(['2026-12-10', '2026-12-19']));

  expect(document.activeElement?.getAttribute('aria-labelledby')).toBe('preview-title');
  expect(document.activeElement?.contains(screen.getByTestId('preview-figures'))).toBe(true);
});

it('lists every line the delay moves on asking, each with the window its customer reads, before anyone is told', async () => {
  const row = (index: number) => ({
    orderNumber: `N-${index + 1}`,
    customerName: `Customer ${index + 1}`,
    lineName: 'Oslo sofa',
    from: '2026-12-10',
    to: '2026-12-19',
    toEarliest: '2026-12-15',
  });
  const previewOf = (listed: number) => ({
    previewDelay: {
      errors: [],
      preview: {
        orders: 7,
        lines: 7,
        customers: 7,
        orderValue: [{ currency: 'DKK', amount: '8995.00' }],
        linesNowLate: 0,
        linesKept: 0,
        sample: Array.from({ length: listed }, (_, index) => row(index)),
      },
    },
  });
  request.mockImplementation((document: unknown, variables?: { listed?: number | null }) =>
    Promise.resolve(
      document === ConsoleDataDocument
        ? consoleData
        : document === PreviewDelayDocument
          ? previewOf(variables?.listed ?? 5)
          : {},
    ),
  );
  render(<DelayPanel />);
  fireEvent.change(await screen.findByRole('spinbutton', { name: 'Days late' }), { target: { value: '9' } });
  fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
  await screen.findByTestId('preview-figures');
  const rows = () => screen.getByTestId('preview-rows').querySelectorAll('tr');
  expect(rows()).toHaveLength(5);
  expect(rows()[0].textContent).toContain(dateWindow('2026-12-15', '2026-12-19'));
  expect(screen.getByTestId('preview-more').textContent).toMatch(/^And 2 more lines, not listed here\./);

  fireEvent.click(screen.getByRole('button', { name: 'List all 7 lines' }));

  await waitFor(() => expect(rows()).toHaveLength(7));
  expect(screen.queryByTestId('preview-more')).toBeNull();
  expect(rows()[6].textContent).toContain('Customer 7');
  // The first line that came has the focus: the agent reads on from there.
  expect(document.activeElement?.textContent).toBe('N-6');
});

it('says nothing of working days when every line moves by the days late', async () => {
  await previewNineDaysLate(previewMoving(['2026-12-10', '2026-12-19']));

  expect(screen.queryByTestId('preview-working-days')).toBeNull();
});

it('offers nothing to confirm when the delay would reach no open line, and says why', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(
      document === ConsoleDataDocument ? consoleData : document === PreviewDelayDocument ? previewMoving() : {},
    ),
  );
  render(<DelayPanel />);
  fireEvent.change(await screen.findByRole('spinbutton', { name: 'Days late' }), { target: { value: '9' } });
  fireEvent.click(screen.getByRole('button', { name: 'Preview' }));

  expect((await screen.findByTestId('preview-nothing')).textContent).toBe(
    'No line on a purchase order and no dropshipped line waits for what you chose, so this delay would change nothing and tell no one. Lines not ordered from the supplier yet are promised from the day they are ordered; a delay does not move them. Check the SKU, the supplier or the purchase order.',
  );
  expect(screen.queryByRole('button', { name: /^Confirm and tell/ })).toBeNull();
  expect(screen.queryByTestId('preview-figures')).toBeNull();
});

it('says why a date moves earlier: days late count from before any delay, so a longer earlier delay is replaced', async () => {
  await previewNineDaysLate(previewMoving(['2026-12-21', '2026-12-19']));

  expect(screen.getByTestId('preview-earlier').textContent).toBe(
    'Some dates move earlier: days late count from each line’s window before any delay, so this delay replaces a longer one logged before for the same goods.',
  );
});

it('asks the API about a part of a day with the rest of the form, and says each refusal beside its field', async () => {
  const refused = {
    previewDelay: {
      preview: null,
      errors: [
        { code: 'INVALID_DAYS', field: 'input.daysLate', message: 'Days late is a whole number from 1 to 365.' },
        { code: 'MARKUP', field: 'input.reasonText', message: 'Write it as plain text.' },
      ],
    },
  };
  request.mockImplementation((document: unknown) =>
    Promise.resolve(document === ConsoleDataDocument ? consoleData : document === PreviewDelayDocument ? refused : {}),
  );
  render(<DelayPanel />);
  const days = await screen.findByRole('spinbutton', { name: 'Days late' });
  fireEvent.change(days, { target: { value: '2.5' } });

  fireEvent.click(screen.getByRole('button', { name: 'Preview' }));

  // A part of a day goes as the largest number the API takes, which its own rule refuses, not GraphQL's type check.
  await waitFor(() => expect(describedBy(days)).toContain('Days late is a whole number from 1 to 365.'));
  const asked = request.mock.calls.find(([document]) => document === PreviewDelayDocument);
  expect((asked?.[1] as { input: { daysLate: number } }).input.daysLate).toBe(2_147_483_647);
  // The form leaves the range to the API, not to the browser's own bubble in the browser's language.
  expect(days.closest('form')?.noValidate).toBe(true);
});

it('says under the days late which date they count from, and lets the agent leave a preview', async () => {
  await previewNineDaysLate(previewMoving(['2026-12-10', '2026-12-19']));

  expect(describedBy(screen.getByRole('spinbutton', { name: 'Days late' }))).toEqual([
    'Counted from the date before any delay: a purchase order 7 days late already and now 10 days late is 10, not 3.',
  ]);

  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByTestId('preview-figures')).toBeNull();
  expect(screen.queryByRole('button', { name: /^Confirm and tell/ })).toBeNull();
});
