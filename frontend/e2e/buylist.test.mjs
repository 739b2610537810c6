// The shop's story through the console: a supplier defined, orders for a SKU no purchase order carries wait on the
// buy list; an agent turns the supplier's list into a purchase order after reading what it will do, and the
// waiting lines leave the list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { shopCall as shopCallAs, startApplication } from './app.mjs';
import { assertStackedOnPhone, launchBrowser, openConsole, seriousAccessibilityViolations } from './browser.mjs';

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

function placeOrder(number, quantity) {
  return shopCall(
    'mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { orders { number lines { purchaseOrder } } errors { code field message } } }',
    {
      input: {
        orders: [
          {
            number,
            currency: 'DKK',
            customer: { name: 'Mette Jensen', email: 'mette@example.com', phone: '+4520123456', locale: 'da' },
            destination: { street: 'Nørregade 1', postalCode: '1165', city: 'København', country: 'DK' },
            lines: [
              { sku: 'CHAIR-FJORD', name: 'Fjord chair', quantity, unitPrice: '999.00', source: 'BACKORDER', supplier: 'FJORD' },
            ],
          },
        ],
      },
    },
  );
}

test('an agent turns a supplier\'s buy list into a purchase order after reading what it will do', async () => {
  const { context, page } = await openConsole(browser, app.baseUrl, 'admin', { viewport: { width: 1100, height: 900 } });
  try {
    await page.getByRole('button', { name: 'Suppliers' }).click();
    await page.getByLabel('Code', { exact: true }).fill('FJORD');
    await page.getByLabel('Name', { exact: true }).fill('Fjord Furniture');
    await page.getByLabel('Country (ISO code)').fill('NO');
    await page.getByLabel('Purchasing e-mail').fill('orders@fjord.example');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Add the supplier' }).click();
    await page.getByText('Supplier FJORD added.').waitFor();

    const first = await placeOrder('BUY-1', 1);
    assert.deepEqual(first.placeOrders.errors, []);
    assert.equal(first.placeOrders.orders[0].lines[0].purchaseOrder, null);
    await placeOrder('BUY-2', 2);

    await page.getByRole('button', { name: 'Buy list' }).click();
    await page.getByRole('heading', { name: 'Fjord Furniture' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'CHAIR-FJORD' }) });
    assert.match(await row.textContent(), /3 units for 2 lines/);
    assert.match(await row.textContent(), /BUY-1, since today/);
    // The order waiting longest is a link to it.
    assert.equal(await row.getByRole('link', { name: 'Open order BUY-1' }).getAttribute('href'), '/console?order=BUY-1');
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
    // On a phone each SKU is read row by row, the order waiting longest on the screen.
    await assertStackedOnPhone(
      page,
      page.getByRole('heading', { name: 'Fjord Furniture' }).locator('xpath=following-sibling::div[1]'),
      row.locator('td[data-label="Waiting longest"]'),
      'Waiting longest',
    );

    await page.getByRole('button', { name: 'Draft a purchase order to Fjord Furniture' }).click();
    // Nothing can be placed before the draft is reviewed; a missing number is said next to its field.
    assert.equal(await page.getByRole('button', { name: 'Place the purchase order' }).count(), 0);
    await page.getByRole('button', { name: 'Review' }).click();
    const number = page.getByLabel('Purchase order number');
    await page.locator('#draft-number-error').waitFor();
    assert.equal(await number.getAttribute('aria-describedby'), 'draft-number-error');
    assert.equal(await page.getByRole('button', { name: 'Place the purchase order' }).count(), 0);

    // A number already kept is refused at the review, by the number, before anything can be placed.
    await number.fill('PO-NS-2041');
    await page.getByRole('button', { name: 'Review' }).click();
    await page
      .locator('#draft-number-error')
      .getByText('Purchase order PO-NS-2041 exists already (from Nordic Sofa Works)', { exact: false })
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Place the purchase order' }).count(), 0);
    assert.match(await row.textContent(), /3 units for 2 lines/);

    // Units the API cannot take are said next to them by its own rule, not in the browser's own bubble nor as a
    // refused request, with the number taken in the same round.
    await page.getByLabel('Units of CHAIR-FJORD').fill('2.5');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.locator('#draft-line-0-error').getByText('A quantity is a whole number from 1 to 100000.').waitFor();
    await page.locator('#draft-number-error').getByText('exists already', { exact: false }).waitFor();
    // A SKU at 0 is not ordered; a purchase order of nothing is refused before the review.
    await page.getByLabel('Units of CHAIR-FJORD').fill('0');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.locator('#draft-lines-error').getByText('Enter the units of at least one SKU', { exact: false }).waitFor();
    // And in the same round, what the API refuses besides: the number kept already.
    await page.locator('#draft-number-error').getByText('exists already', { exact: false }).waitFor();
    // A quantity out of range is said next to it by the review.
    await page.getByLabel('Units of CHAIR-FJORD').fill('100001');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.locator('#draft-line-0-error').getByText('A quantity is a whole number from 1 to 100000.').waitFor();
    // Fewer units than the lines need: the review names the line that keeps waiting, and why.
    await page.getByLabel('Units of CHAIR-FJORD').fill('2');
    await number.fill('PO-FJORD-1');
    await page.getByRole('button', { name: 'Review' }).click();
    const short = page.getByTestId('draft-review');
    await short
      .getByText('1 line keeps waiting to be ordered, needing more units than are left for it', { exact: false })
      .waitFor();
    await short.getByText('BUY-2: 2 × CHAIR-FJORD', { exact: true }).waitFor();
    await page.getByLabel('Units of CHAIR-FJORD').fill('3');

    // The review says when the goods are expected, which waiting lines go to the purchase order and who is told.
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.getByTestId('draft-review');
    await review.waitFor();
    const [, expected] = (await review.textContent()).match(
      /^This places purchase order PO-FJORD-1 with Fjord Furniture for 3 × CHAIR-FJORD, expected at the shop (\w{3} \d{1,2} \w{3})/,
    );
    assert.match(
      await review.textContent(),
      /2 lines waiting to be ordered go to it, oldest order first; (no customer is|\d+ customers? (is|are)) told of a new latest date\./,
    );
    assert.doesNotMatch(await review.textContent(), /[{}]/);
    await review.getByText(/^BUY-1: 1 × CHAIR-FJORD, latest /).waitFor();
    await review.getByText(/^BUY-2: 2 × CHAIR-FJORD, latest /).waitFor();
    // Changing the draft takes the review away.
    await number.fill('PO-FJORD-2');
    assert.equal(await page.getByTestId('draft-review').count(), 0);
    await number.fill('PO-FJORD-1');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Place the purchase order' }).click();
    await page.getByText(`Purchase order PO-FJORD-1 placed, expected ${expected}; 2 lines now wait for it.`).waitFor();
    await page.getByText('Every backordered line waits for a purchase order.').waitFor();
  } finally {
    await context.close();
  }
});

test('an agent places a purchase order of their own, for stock, with a supplier no customer waits for', async () => {
  const { context, page } = await openConsole(browser, app.baseUrl, 'agent', { viewport: { width: 1100, height: 900 } });
  try {
    await page.getByRole('button', { name: 'Buy list' }).click();
    await page.getByRole('button', { name: 'Draft a purchase order of your own: any supplier, any SKUs' }).click();
    await page.getByRole('heading', { name: 'A purchase order of your own' }).waitFor();
    // The form opens with the focus at its title, not left on the button that opened it.
    await page.waitForFunction(() => document.activeElement?.id === 'draft-title');

    // What is missing is said next to each field at once, and the first of them has the focus.
    await page.getByLabel('Purchase order number').fill('PO-OWN-1');
    await page.getByLabel('Units of SKU 1').fill('4');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.locator('#draft-supplier-error').getByText('Name the supplier.').waitFor();
    await page.locator('#draft-sku-0-error').getByText('Give the SKU.').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-describedby') === 'draft-supplier-error');
    assert.equal(await page.getByRole('button', { name: 'Place the purchase order' }).count(), 0);

    await page.getByRole('combobox', { name: /^Supplier/ }).selectOption('BALTIC-WOOD');
    await page.getByLabel('SKU 1', { exact: true }).fill('STOOL-OAK');
    // Added from the keyboard, the new SKU's field is where typing goes next.
    await page.getByRole('button', { name: 'Add a SKU' }).press('Enter');
    await page.keyboard.type('TABLE-OAK');
    assert.equal(await page.getByLabel('SKU 2', { exact: true }).inputValue(), 'TABLE-OAK');
    // A row added by mistake is taken away again.
    await page.getByRole('button', { name: 'Add a SKU' }).click();
    await page.getByRole('button', { name: 'Remove SKU 3' }).click();
    assert.equal(await page.getByLabel('SKU 3', { exact: true }).count(), 0);
    assert.equal(await page.getByLabel('SKU 2', { exact: true }).inputValue(), 'TABLE-OAK');
    await page.getByLabel('Units of SKU 2').fill('1');
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.getByTestId('draft-review');
    await review.waitFor();
    const [, expected] = (await review.textContent()).match(
      /^This places purchase order PO-OWN-1 with Baltic Woodcraft for 4 × STOOL-OAK, 1 × TABLE-OAK, expected at the shop (\w{3} \d{1,2} \w{3})/,
    );
    await review.getByText('No line waiting to be ordered goes to it.').waitFor();
    await page.getByRole('button', { name: 'Place the purchase order' }).click();
    await page.getByText(`Purchase order PO-OWN-1 placed, expected ${expected}; 0 lines now wait for it.`).waitFor();

    // It is among the open purchase orders, as ordered; that tab says where new ones are drafted.
    await page.getByRole('button', { name: 'Purchasing' }).click();
    await page.getByText('New purchase orders are drafted under Buy list: from what customers wait for, or of your own.').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'PO-OWN-1', exact: true }) });
    await row.waitFor();
    assert.match(await row.textContent(), /STOOL-OAK/);
    assert.match(await row.textContent(), /TABLE-OAK/);
  } finally {
    await context.close();
  }
});
