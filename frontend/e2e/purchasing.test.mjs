// The shop's purchasing through the console's Purchasing area: a supplier and a purchase order imported from
// spreadsheets after a check, orders handed over by the shop allocated as far as the units go, goods received on
// one line after a review naming the order that becomes ready, a purchase order cancelled after a review, and the
// history read back and downloaded.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { shopCall as shopCallAs, startApplication } from './app.mjs';
import { assertStackedOnPhone, launchBrowser, seriousAccessibilityViolations, signInToConsole } from './browser.mjs';

let app;
let browser;

before(async () => {
  app = await startApplication();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

function shopCall(query, variables) {
  return shopCallAs(app.baseUrl, query, variables);
}

async function placeOrder(number) {
  const data = await shopCall(
    'mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { orders { lines { purchaseOrder eta { latest } } } errors { code field message } } }',
    {
      input: {
        orders: [
          {
            number,
            currency: 'DKK',
            customer: { name: 'Mette Jensen', email: 'mette@example.com', phone: '+4520123456', locale: 'da' },
            destination: { street: 'Nørregade 1', postalCode: '1165', city: 'København', country: 'DK' },
            lines: [
              {
                sku: 'CHAIR-FJORD',
                name: 'Fjord chair',
                quantity: 1,
                unitPrice: '999.00',
                source: 'BACKORDER',
                supplier: 'FJORD',
              },
            ],
          },
        ],
      },
    },
  );
  assert.deepEqual(data.placeOrders.errors, []);
  return data.placeOrders.orders[0].lines[0];
}

async function importFile(page, kind, csv) {
  await page.getByLabel('What the file holds').selectOption({ label: kind });
  await page.getByLabel('CSV contents').fill(csv);
  await page.getByRole('button', { name: 'Check the file' }).click();
}

function purchaseOrderRow(page, number) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: number, exact: true }) });
}

/** A purchase order of Nordic Sofa's for one SKU, and orders of it from customers in turn, each waiting for it. */
async function purchaseOrderWithOrders(po, { sku, name, ordered, orders, customer }) {
  const placed = await shopCall(
    'mutation($input: PlacePurchaseOrderInput!) { placePurchaseOrder(input: $input) { errors { code message } } }',
    { input: { number: po, supplier: 'NORDIC-SOFA', lines: [{ sku, quantity: ordered }] } },
  );
  assert.deepEqual(placed.placePurchaseOrder.errors, []);
  for (const [number, quantity] of orders) {
    const data = await shopCall(
      'mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { orders { lines { purchaseOrder } } errors { code } } }',
      {
        input: {
          orders: [
            {
              number,
              currency: 'DKK',
              customer: { name: customer, email: 'customer@example.com', locale: 'en' },
              destination: { street: 'Nørregade 1', postalCode: '1165', city: 'København', country: 'DK' },
              lines: [{ sku, name, quantity, unitPrice: '499.00', source: 'BACKORDER', supplier: 'NORDIC-SOFA' }],
            },
          ],
        },
      },
    );
    assert.deepEqual(data.placeOrders.errors, []);
    assert.equal(data.placeOrders.orders[0].lines[0].purchaseOrder, po);
  }
}

async function openPurchasing(page) {
  await page.getByRole('button', { name: 'Buy list' }).click();
  await page.getByRole('button', { name: 'Purchasing', exact: true }).click();
  await page.getByRole('heading', { name: 'Open purchase orders' }).waitFor();
}

test('a shop runs its backorders through the console: import, allocate, receive, cancel, history', async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'admin');
    await openPurchasing(page);
    await purchaseOrderRow(page, 'PO-NS-2041').waitFor();
    // Each date says on whose word it stands: the demo's purchase orders were confirmed by their suppliers.
    await purchaseOrderRow(page, 'PO-NS-2041')
      .filter({ hasText: /\(the supplier's date, recorded by demo[^,]*, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\)/ })
      .waitFor();

    // A file with a bad row stores nothing and says where the problem is.
    await importFile(
      page,
      'Suppliers (admins)',
      'code,name,country,contactEmail,dropships,leadTimeMinDays,leadTimeMaxDays\nFJORD,Fjord Furniture,Norway,orders@fjord.example,no,10,15\n',
    );
    const problems = page.getByRole('region', { name: 'What is wrong' });
    const problem = problems.getByRole('row').filter({ has: page.getByRole('cell', { name: 'country', exact: true }) });
    assert.match(await problem.textContent(), /^2country.*two-letter ISO 3166 code/);
    // The keyboard is on the problems' summary, not left on the button or at the page's top.
    await page.waitForFunction(() => document.activeElement?.matches('[role="region"] p.error'));
    assert.equal(await page.getByRole('button', { name: /^Import \d+ rows?$/ }).count(), 0);

    await importFile(
      page,
      'Suppliers (admins)',
      'code,name,country,contactEmail,dropships,leadTimeMinDays,leadTimeMaxDays\nFJORD,Fjord Furniture,NO,orders@fjord.example,no,10,15\n',
    );
    await page
      .getByText(/New supplier FJORD \(Fjord Furniture\), delivers to the shop, lead time 10–15 working days\./)
      .waitFor();
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page.getByText('Imported 1 row:').waitFor();

    const first = await placeOrder('PUR-1');
    assert.equal(first.purchaseOrder, null, 'the first order waits to be ordered');

    await importFile(page, 'Purchase orders', 'number,supplier,sku,quantity\nPO-FJORD-1,FJORD,CHAIR-FJORD,2\n');
    // The review says what placing it does to the customer waiting for a chair, before anything is stored.
    await page
      .getByText(
        /^Places purchase order PO-FJORD-1 with Fjord Furniture: 2 × CHAIR-FJORD; arrival \w{3} \d{1,2} \w{3} \(estimated from the lead time\)\. 1 line waiting to be ordered goes to it, oldest order first: PUR-1\. (No customer is told of a new latest date|1 customer is told of a new latest date: PUR-1)\./,
      )
      .waitFor();
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page
      .getByText(
        /Placed purchase order PO-FJORD-1 with Fjord Furniture: 2 × CHAIR-FJORD; arrival .* \(estimated from the lead time\)\./,
      )
      .waitFor();
    await purchaseOrderRow(page, 'PO-FJORD-1').filter({ hasText: 'CHAIR-FJORD: 2 / 1 / 0' }).waitFor();
    // The supplier is named as agents know it, not by its code.
    await purchaseOrderRow(page, 'PO-FJORD-1').getByRole('cell', { name: 'Fjord Furniture', exact: true }).waitFor();

    assert.equal((await placeOrder('PUR-2')).purchaseOrder, 'PO-FJORD-1');
    assert.equal((await placeOrder('PUR-3')).purchaseOrder, null, 'the third order waits: the units are taken');
    await openPurchasing(page);
    await purchaseOrderRow(page, 'PO-FJORD-1').filter({ hasText: 'CHAIR-FJORD: 2 / 2 / 0' }).waitFor();
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    // One unit arrives: the review names the purchase order and the order that becomes ready.
    await page.getByRole('button', { name: 'Receive goods on PO-FJORD-1' }).click();
    await page.getByLabel(/Units of CHAIR-FJORD arrived/).fill('1');
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.getByTestId('purchase-receipt-review');
    await review.waitFor();
    assert.match(
      await review.textContent(),
      /This receives 1 × CHAIR-FJORD on purchase order PO-FJORD-1, arrived \w{3} \d{1,2} \w{3}\./,
    );
    assert.match(await review.textContent(), /1 line of 1 order becomes ready, oldest order first: PUR-1\./);
    assert.match(
      await review.textContent(),
      /1 customer is told the items that arrived are ready to ship, and a shipment is proposed: PUR-1\./,
    );
    assert.match(await review.textContent(), /1 line keeps waiting\./);
    await review.getByRole('button', { name: 'Receive the goods' }).click();
    const received = page.getByRole('status').filter({
      hasText:
        'Received on PO-FJORD-1: 1 line ready, 1 order gets a shipment proposed. Orders with lines now ready: PUR-1.',
    });
    // The order it names opens in the console.
    assert.equal(await received.getByRole('link').getAttribute('href'), '/console?order=PUR-1');
    await purchaseOrderRow(page, 'PO-FJORD-1').filter({ hasText: 'CHAIR-FJORD: 2 / 2 / 1' }).waitFor();

    // The supplier confirms a later arrival: the review names the purchase order and how many customers are told.
    await page.getByRole('button', { name: 'Record a confirmed arrival for PO-FJORD-1' }).click();
    const arrival = page.getByLabel('Confirmed arrival', { exact: true });
    await page.getByRole('button', { name: 'Review' }).click();
    await page.locator('#confirm-arrival-error').waitFor();
    assert.equal(await arrival.getAttribute('aria-describedby'), 'confirm-arrival-error');
    // A day gone by is said next to the field, as on the other forms, not in the browser's own bubble.
    await arrival.fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Review' }).click();
    await page.locator('#confirm-arrival-error').getByText('The arrival cannot be in the past.').waitFor();
    // Refused by the API, the field to mend has the focus again.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-describedby') === 'confirm-arrival-error',
    );
    await arrival.fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Review' }).click();
    const confirmReview = page.getByTestId('purchase-confirm-review');
    await confirmReview.waitFor();
    assert.match(
      await confirmReview.textContent(),
      /as the arrival of purchase order PO-FJORD-1\. \d+ lines? in \d+ orders? moves?, and 1 customer is told/,
    );
    // It names the orders and the dates that move, each order a link, as a receipt taken back does.
    await confirmReview
      .getByRole('link', { name: /^Open order PUR-\d+$/ })
      .first()
      .waitFor();
    assert.match(await confirmReview.textContent(), /PUR-\d+ .+: .+, \w{3} \d{1,2} \w{3} → \w{3} \d{1,2} \w{3}/);
    // Two months on, the line misses the date first promised, said before the list, as a delay's review says it.
    assert.equal(
      await confirmReview.getByTestId('moves-now-late').textContent(),
      '1 line then misses the date first promised: its customer may cancel it.',
    );
    await confirmReview.getByRole('button', { name: 'Record the confirmation' }).click();
    await page
      .getByText(/^Purchase order PO-FJORD-1 is now expected .+, confirmed by the supplier; 1 customer told\.$/)
      .waitFor();
    // The purchase orders say on whose word the date stands.
    await purchaseOrderRow(page, 'PO-FJORD-1')
      .filter({ hasText: /\(the supplier's date, recorded by admin, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\)/ })
      .waitFor();

    // A second purchase order takes the third order; cancelling it sends that line back to waiting.
    await importFile(page, 'Purchase orders', 'number,supplier,sku,quantity\nPO-FJORD-2,FJORD,CHAIR-FJORD,1\n');
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page.getByText(/Placed purchase order PO-FJORD-2/).waitFor();
    await purchaseOrderRow(page, 'PO-FJORD-2').filter({ hasText: 'CHAIR-FJORD: 1 / 1 / 0' }).waitFor();
    await page.getByRole('button', { name: 'Cancel PO-FJORD-2' }).click();
    await page.getByRole('button', { name: 'Review' }).click();
    const reason = page.getByLabel(/^Why/);
    await page.locator('#cancel-reason-error').waitFor();
    assert.equal(await reason.getAttribute('aria-describedby'), 'cancel-reason-error');
    await reason.fill('Ordered twice by mistake');
    await page.getByRole('button', { name: 'Review' }).click();
    const cancelReview = page.getByTestId('purchase-cancel-review');
    await cancelReview.waitFor();
    assert.match(await cancelReview.textContent(), /This cancels purchase order PO-FJORD-2 and frees its units\./);
    assert.match(await cancelReview.textContent(), /Order PUR-3, CHAIR-FJORD: waits to be ordered again; latest/);
    assert.match(await cancelReview.textContent(), /Where its \d+ lines? go(es)?: (.*, )?\d+ back to being ordered\./);
    // The agent is taken to it; the other way out says what it does (nothing is cancelled), and the form's own
    // buttons are gone, so no plain "Cancel" sits above the red one.
    assert.ok(await cancelReview.evaluate((review) => review === document.activeElement));
    assert.equal(await cancelReview.getByRole('button', { name: 'Keep it' }).count(), 1);
    // Its two buttons stand level, as one row.
    const confirmBox = await cancelReview.getByRole('button', { name: 'Cancel the purchase order' }).boundingBox();
    const keepBox = await cancelReview.getByRole('button', { name: 'Keep it' }).boundingBox();
    assert.ok(Math.abs(confirmBox.y - keepBox.y) < 1, `${confirmBox.y} and ${keepBox.y}`);
    assert.equal(await page.getByRole('button', { name: 'Review' }).count(), 0);
    await cancelReview.getByRole('button', { name: 'Cancel the purchase order' }).click();
    const cancelled = page.getByText(/Purchase order PO-FJORD-2 cancelled; \d customers? told\./);
    await cancelled.waitFor();
    // The form is gone; the keyboard goes on from what it says, not from the top of the page.
    await page.waitForFunction((said) => said === document.activeElement, await cancelled.elementHandle());
    await purchaseOrderRow(page, 'PO-FJORD-2').waitFor({ state: 'detached' });

    // The history, through the API and as the admins' download.
    const history = await shopCall(
      'query($n: String!) { purchaseOrder(number: $n) { status lines { ordered allocated received } receipts { quantity receivedOn by } } }',
      { n: 'PO-FJORD-1' },
    );
    assert.equal(history.purchaseOrder.status, 'OPEN');
    assert.deepEqual(history.purchaseOrder.lines, [{ ordered: 2, allocated: 2, received: 1 }]);
    assert.equal(history.purchaseOrder.receipts[0].by, 'admin');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the purchase-order history (CSV)' }).click(),
    ]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) {
      chunks.push(chunk);
    }
    const csv = Buffer.concat(chunks).toString('utf8').split('\n');
    assert.match(csv[0], /^purchaseOrder,supplier,status,sku,ordered,sentOn,plannedArrival/);
    assert.ok(
      csv.some(
        (line) =>
          line.startsWith('PO-FJORD-1,FJORD,OPEN,CHAIR-FJORD,2,') &&
          line.includes(`,${history.purchaseOrder.receipts[0].receivedOn},1,`),
      ),
      `the receipt is in the download:\n${csv.join('\n')}`,
    );
    assert.ok(
      csv.some((line) => line.startsWith('PO-FJORD-2,FJORD,CANCELLED,')),
      'the cancelled purchase order is kept',
    );
    assert.ok(
      csv.some((line) => line.startsWith('PO-BW-0801,BALTIC-WOOD,RECEIVED,')),
      'the demo carries received purchase orders to learn from',
    );
  } finally {
    await context.close();
  }
});

test('an admin marks a SKU as stocked and reads its reorder point with how it was worked out', async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'admin');
    await openPurchasing(page);
    await page.getByText('No SKU is marked as stocked.').waitFor();
    await page.getByLabel('SKU', { exact: true }).fill('VASE-GLASS');
    // The supplier is chosen among those the shop has, by name; none chosen is said next to the choice.
    await page.getByRole('button', { name: 'Mark as stocked' }).click();
    await page.locator('#stocked-supplier-error').getByText('Choose the supplier the SKU is bought from.').waitFor();
    assert.equal(await page.getByLabel('Bought from').getAttribute('aria-describedby'), 'stocked-supplier-error');

    await page.getByLabel('Bought from').selectOption({ label: 'Baltic Woodcraft' });
    await page.getByLabel('Safety stock (units)').fill('3');
    await page.getByRole('button', { name: 'Mark as stocked' }).click();
    await page.getByText(/^VASE-GLASS is stocked; reorder at \d+ units\.$/).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'VASE-GLASS', exact: true }) });
    await row.getByRole('cell', { name: 'Baltic Woodcraft', exact: true }).waitFor();
    assert.match(
      await row.textContent(),
      /\d+ units ordered in the last 28 days \(\d+ working days\) is [\d.]+ a working day; × 15 working days \(the slowest lead time of Baltic Woodcraft\) = \d+, rounded up; \+ safety stock 3 = \d+\./,
    );
    // On a phone the working-out is read in full, under its column's name, not cut off in a table scrolled sideways.
    await assertStackedOnPhone(
      page,
      page.getByRole('region', { name: 'Reorder points of stocked SKUs' }),
      page.locator('tr', { hasText: 'VASE-GLASS' }).locator('td[data-label="How it was worked out"]'),
      'How it was worked out',
    );
  } finally {
    await context.close();
  }
});

test('sofas a receipt brings that its own lines do not need go to the oldest lines waiting for another purchase order, said before', async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'agent');
    // All but one of PO-NS-2042's sofas arrive: more than its own waiting lines take, while PO-NS-2041's wait.
    await page.getByRole('button', { name: 'Goods received' }).click();
    await page.getByLabel('Purchase order', { exact: true }).selectOption('PO-NS-2042');
    await page.getByLabel('Part of it arrived (units per SKU)').check();
    const sofas = page.getByLabel(/^Units of SOFA-OSLO-3 that arrived/);
    const [, ordered, received] = (await sofas.evaluate((input) => input.closest('label').textContent)).match(
      /\((\d+) ordered, (\d+) received so far\)/,
    );
    await sofas.fill(String(Number(ordered) - Number(received) - 1));
    await page.getByRole('button', { name: 'Review' }).click();
    const taken = page.getByTestId('receipt-taken');
    await taken
      .getByText(
        /^\d+ lines? waiting elsewhere takes? units no line of this purchase order needs: .* ready(, oldest order first)?\.$/,
      )
      .waitFor();
    const movedLine = taken.getByRole('listitem').filter({ hasText: /, was waiting for PO-NS-2041$/ });
    const [, moved] = (await movedLine.first().textContent()).match(/^(DEMO-\d+): \d+ × SOFA-OSLO-3, was waiting/);
    assert.match(await page.getByTestId('receipt-messages').textContent(), new RegExp(moved));
    const takenCount = await taken.getByRole('listitem').count();
    const toldReady = (
      await page
        .getByTestId('receipt-messages')
        .getByText(/ told the items that arrived are ready to ship, and a shipment is proposed: /)
        .textContent()
    )
      .match(/proposed: (.*)\.$/)[1]
      .split(', ');
    await page.getByRole('button', { name: 'Record the receipt' }).click();
    // The result says how many of the lines made ready came from elsewhere, as many as the review named.
    await page
      .getByText(/^Recorded against PO-NS-2042: /)
      .filter({ hasText: new RegExp(` ${takenCount} of them waited for another purchase order, or to be ordered`) })
      .waitFor();
    // Every order the review said would have a shipment proposed is listed ready to ship, however many the purchase
    // order has (more than 50 here, the oldest of them among those told).
    const result = page.getByTestId('receipt-result');
    for (const order of toldReady) {
      await result.getByRole('link', { name: `Open order ${order}`, exact: true }).waitFor();
    }
    // So does the Orders tab, shown orders ready to ship.
    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    await page.getByLabel('Show').selectOption('READY_TO_SHIP');
    await page.getByLabel('Search orders').fill(toldReady[0]);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: new RegExp(`^${toldReady[0]} — `) }).waitFor();
    await page.getByLabel('Show').selectOption('');

    // The order the review named has its sofa ready to ship now, from PO-NS-2042.
    await page.getByLabel('Search orders').fill(moved);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: new RegExp(`^${moved} — `) }).click();
    const sofa = page
      .locator(`.order-detail[data-order="${moved}"]`)
      .getByRole('row')
      .filter({ hasText: 'SOFA-OSLO-3' });
    await sofa.filter({ hasText: 'Ready to ship' }).filter({ hasText: 'PO-NS-2042' }).waitFor();
    // Its notes say where the sofa came from.
    await page
      .locator(`.order-detail[data-order="${moved}"]`)
      .getByText(/Took units spare on purchase order PO-NS-2042: .* waited for purchase order PO-NS-2041\./)
      .first()
      .waitFor();
  } finally {
    await context.close();
  }
});

test('units too few for the line still waiting for them are kept for it, said before the receipt is recorded', async () => {
  // A purchase order of ten stools; one customer orders one, a later one four.
  await purchaseOrderWithOrders('PO-NS-STOOLS', {
    sku: 'STOOL-ODENSE',
    name: 'Odense stool',
    ordered: 10,
    orders: [
      ['STOOL-1', 1],
      ['STOOL-4', 4],
    ],
    customer: 'Sofie Holm',
  });

  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'agent');
    // Three stools arrive: one for the first customer, two too few for the second, who waits for the rest.
    await page.getByRole('button', { name: 'Goods received' }).click();
    await page.getByLabel('Purchase order', { exact: true }).selectOption('PO-NS-STOOLS');
    await page.getByLabel('Part of it arrived (units per SKU)').check();
    await page.getByLabel(/^Units of STOOL-ODENSE that arrived/).fill('3');
    await page.getByRole('button', { name: 'Review' }).click();
    assert.match(
      await page.getByTestId('receipt-review').textContent(),
      /1 line of 1 order becomes ready, oldest order first: STOOL-1\b/,
    );
    assert.equal(
      await page.getByTestId('receipt-held').textContent(),
      'On the shelf once this is received, too few for a line still waiting for them, and kept for it until the rest comes: 2 × STOOL-ODENSE.',
    );
    assert.equal(await page.getByTestId('receipt-left-over').count(), 0, 'no stool is said to be spare');
    await page.getByRole('button', { name: 'Record the receipt' }).click();
    await page.getByText(/^Recorded against PO-NS-STOOLS: 1 line is ready.* 1 line keeps waiting\.$/).waitFor();

    // Two more arrive: with the two kept, the second customer's four stools are ready.
    await page.getByLabel('Purchase order', { exact: true }).selectOption('PO-NS-STOOLS');
    await page.getByLabel('Part of it arrived (units per SKU)').check();
    await page.getByLabel(/^Units of STOOL-ODENSE that arrived/).fill('2');
    await page.getByRole('button', { name: 'Review' }).click();
    assert.match(
      await page.getByTestId('receipt-review').textContent(),
      /1 line of 1 order becomes ready, oldest order first: STOOL-4\b/,
    );
    assert.equal(await page.getByTestId('receipt-held').count(), 0);
  } finally {
    await context.close();
  }
});

test('the supplier will not send the rest of a purchase order received in part: the buyer cancels the rest, told first what came, what will not come and what goes to stock', async () => {
  // Six benches ordered; one customer orders one, a later one three. Two arrive: one for the first customer, one too
  // few for the second.
  await purchaseOrderWithOrders('PO-NS-BENCHES', {
    sku: 'BENCH-VEJLE',
    name: 'Vejle bench',
    ordered: 6,
    orders: [
      ['BENCH-1', 1],
      ['BENCH-3', 3],
    ],
    customer: 'Jonas Berg',
  });

  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'agent');
    await page.getByRole('button', { name: 'Goods received' }).click();
    await page.getByLabel('Purchase order', { exact: true }).selectOption('PO-NS-BENCHES');
    await page.getByLabel('Part of it arrived (units per SKU)').check();
    await page.getByLabel(/^Units of BENCH-VEJLE that arrived/).fill('2');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Record the receipt' }).click();
    await page.getByText(/^Recorded against PO-NS-BENCHES: 1 line is ready/).waitFor();

    // The supplier says the other four will not come.
    await openPurchasing(page);
    await purchaseOrderRow(page, 'PO-NS-BENCHES').getByRole('button', { name: 'Cancel PO-NS-BENCHES' }).click();
    const form = page.getByRole('form', { name: 'Cancel what is still to come on purchase order PO-NS-BENCHES' });
    assert.match(await form.textContent(), /stay received: 2 of 6 × BENCH-VEJLE\. Lines they made ready stay ready\./);
    await form.getByLabel(/^Why/).fill('Nordic Sofa stopped making the Vejle bench');
    await form.getByRole('button', { name: 'Review' }).click();
    const review = page.getByTestId('purchase-cancel-review');
    await review.waitFor();
    assert.match(await review.textContent(), /This cancels what is still to come on purchase order PO-NS-BENCHES/);
    assert.equal(await page.getByTestId('purchase-cancel-not-coming').textContent(), 'Will not come: 4 × BENCH-VEJLE.');
    assert.match(await page.getByTestId('purchase-cancel-to-stock').textContent(), /stock: 1 × BENCH-VEJLE\.$/);
    assert.match(await page.getByTestId('purchase-cancel-lines').textContent(), /Order BENCH-3, BENCH-VEJLE: waits/);
    await review.getByRole('button', { name: 'Cancel the rest' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'What was still to come on purchase order PO-NS-BENCHES is cancelled, and it is closed' })
      .waitFor();
    // It leaves the open purchase orders.
    await purchaseOrderRow(page, 'PO-NS-BENCHES').waitFor({ state: 'detached' });
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
  } finally {
    await context.close();
  }
});
