// Taking back what was recorded by mistake, from sign-in: a receipt booked against the wrong purchase order (and one
// whose goods have already left, which cannot be), and a delay logged by mistake. Each is said in full first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApplication } from './app.mjs';
import { launchBrowser, openConsole, seriousAccessibilityViolations } from './browser.mjs';

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

function consolePage(user) {
  return openConsole(browser, app.baseUrl, user, { viewport: { width: 1100, height: 900 } });
}

async function receive(page, purchaseOrder, units) {
  await page.getByRole('button', { name: 'Goods received' }).click();
  await page.getByLabel('Purchase order', { exact: true }).selectOption(purchaseOrder);
  if (units) {
    await page.getByLabel('Part of it arrived (units per SKU)').check();
    for (const [sku, count] of Object.entries(units)) {
      await page.getByLabel(new RegExp(`^Units of ${sku} that arrived`)).fill(String(count));
    }
  }
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Record the receipt' }).click();
  await page.getByText(new RegExp(`^Recorded against ${purchaseOrder}: `)).waitFor();
}

async function showReceipts(page, purchaseOrder) {
  await page.getByLabel('Purchase order (open or received)').fill(purchaseOrder);
  await page.getByRole('button', { name: 'Show its receipts' }).click();
  // Each button names its receipt whole (what it brought, when it was recorded): two receipts of one day differ.
  return page.getByRole('button', {
    name: new RegExp(`^Take back the receipt of .* on ${purchaseOrder} \\(.+ × .+, recorded at .*\\d{2}:\\d{2}\\)$`),
  });
}

test('an agent takes back a receipt booked against the wrong purchase order, after a review naming every line', async () => {
  const { context, page } = await consolePage('agent');
  try {
    await page.getByRole('button', { name: 'Goods received' }).click();
    const picker = page.getByLabel('Purchase order', { exact: true });
    const option = picker.locator('option[value="PO-BW-0877"]');
    const [, waitingBefore] = (await option.textContent()).match(/, (\d+) lines? waiting$/);
    // On a phone the picker cuts the purchase order picked short; under it, it is said in full. Not twice on a wide
    // screen, where the picker shows it whole.
    const picked = page.getByTestId('picked-purchase-order');
    assert.equal(await picked.isVisible(), false);
    await page.setViewportSize({ width: 390, height: 844 });
    await picked.waitFor();
    assert.equal(await picked.textContent(), await picker.locator('option:checked').textContent());
    const box = await picked.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `within the screen: ${JSON.stringify(box)}`);
    await page.setViewportSize({ width: 1100, height: 900 });
    await receive(page, 'PO-BW-0877', { 'CHAIR-AARHUS': 2 });
    const reverse = await showReceipts(page, 'PO-BW-0877');
    await reverse.click();

    // Said in full first: the purchase order, the units, each line that goes back to waiting, the customers told.
    const review = page.getByTestId('reverse-receipt-review');
    const said = await review.textContent();
    // It takes something away: drawn in red, as its button is.
    const red = await review
      .getByRole('button', { name: /^Take back/ })
      .evaluate((button) => getComputedStyle(button).backgroundColor);
    assert.equal(await review.evaluate((element) => getComputedStyle(element).borderLeftColor), red);
    assert.match(
      said,
      /^This takes back the receipt of 2 × CHAIR-AARHUS, received on .+, from purchase order PO-BW-0877\./,
    );
    assert.match(said, /(\d+) lines? go(es)? back to waiting for PO-BW-0877:/);
    const linesBack = await review
      .getByTestId('lines-back')
      .getByRole('link', { name: /^Open order / })
      .count();
    assert.ok(linesBack >= 1, `the lines going back are named with links to their orders (${linesBack})`);
    // Goods in had brought their windows forward; waiting again moves them back, so their customers are told.
    assert.match(
      said,
      /Dates are projected from .+\. [1-9]\d* customers? (is|are) told, because the latest date moves\./,
    );
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
    const confirm = review.getByRole('button', { name: /^Take back the receipt and tell \d+ customers?$/ });
    await confirm.click();

    const result = page.getByTestId('reverse-receipt-result');
    await result
      .getByText(/^Receipt taken back from PO-BW-0877: \d+ lines? waits? again; \d+ customers? told\.$/)
      .waitFor();
    assert.equal(await result.getByRole('link', { name: /^Open order / }).count(), linesBack);
    await page.getByText('Nothing has been received on PO-BW-0877.').waitFor();
    // The receipt form above no longer counts the units taken back, nor shows what that receipt made ready.
    await page.getByRole('heading', { name: 'Receipts so far' }).waitFor({ state: 'detached' });
    // Once every line taken back waits again, the picker counts them as waiting, without a reload.
    await option.filter({ hasText: new RegExp(`, ${waitingBefore} lines? waiting$`) }).waitFor({ state: 'attached' });
    assert.equal(await page.getByTestId('receipt-result').count(), 0);

    // The order says what happened, and its line waits for the supplier again.
    const link = result.getByRole('link', { name: /^Open order / }).first();
    const orderNumber = (await link.textContent()).trim();
    await link.click();
    const order = page.locator(`.order-detail[data-order="${orderNumber}"]`);
    await order.getByText('Receipt on PO-BW-0877 taken back; items wait again', { exact: false }).waitFor();
  } finally {
    await context.close();
  }
});

test('a receipt whose goods have already left cannot be taken back, and the console says which line', async () => {
  const { context, page } = await consolePage('agent');
  try {
    await receive(page, 'PO-NS-2041');
    // The receipt just recorded closed its purchase order; taking it back still starts from it.
    assert.equal(await page.getByLabel('Purchase order (open or received)').inputValue(), 'PO-NS-2041');
    const result = page.getByTestId('receipt-result');
    const link = result.getByRole('link', { name: /^Open order / }).first();
    await link.waitFor();
    const orderNumber = (await link.textContent()).trim();
    await link.click();
    const order = page.locator(`.order-detail[data-order="${orderNumber}"]`);
    await order.getByRole('button', { name: 'Ship the proposed parcel' }).click();
    await order.getByLabel('Carrier').fill('PostNord');
    await order.getByLabel('Tracking number').fill('00370712345678');
    await order.getByRole('button', { name: 'Review' }).click();
    await order.getByRole('button', { name: 'Record the shipment and tell the customer' }).click();
    await order.getByTestId('shipment-done').waitFor();

    await page.getByRole('button', { name: 'Goods received' }).click();
    const reverse = await showReceipts(page, 'PO-NS-2041');
    await reverse.first().click();
    // The refusal stands next to the receipt it concerns and names the order that shipped.
    const receipt = page.locator('li', { has: reverse.first() });
    await receipt
      .getByText(new RegExp(`Order ${orderNumber} line \\S+ \\(.+\\) has already shipped from this receipt`))
      .waitFor();
    assert.equal(await page.getByTestId('reverse-receipt-review').count(), 0);
  } finally {
    await context.close();
  }
});

test('an agent withdraws a delay logged by mistake; its lines move back and the list says so', async () => {
  const { context, page } = await consolePage('agent');
  try {
    await page.getByRole('heading', { name: 'Log a supplier delay' }).waitFor();
    await page.getByLabel('Purchase order', { exact: true }).selectOption('PO-BW-0877');
    // Two weeks: the demo's chairs on it are held nine days late by their SKU's delay already, which moved them.
    await page.getByRole('spinbutton', { name: 'Days late' }).fill('14');
    await page.getByLabel('Reason the customer reads').selectOption('SUPPLIER_BEHIND');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: /^Confirm and tell \d+ customers?$/ }).click();
    await page.getByText('Done: ', { exact: false }).waitFor({ timeout: 30_000 });

    const withdraw = page.getByRole('button', { name: /^Withdraw the delay: Purchase order PO-BW-0877/ });
    await withdraw.waitFor();
    // On a phone, where the list scrolls sideways and the review opens above it, the review comes into view.
    await page.setViewportSize({ width: 375, height: 667 });
    await withdraw.click();
    const review = page.getByTestId('withdraw-review');
    await review.waitFor();
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="withdraw-review"]').getBoundingClientRect();
      // Scrolled to in whole pixels: its top may sit a fraction of one above the screen's.
      return box.top > -1 && box.top < window.innerHeight;
    });
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'withdrawal');
    await page.setViewportSize({ width: 1100, height: 900 });
    const said = await review.textContent();
    assert.match(said, /^This withdraws the delay logged by mistake \(.*PO-BW-0877.*14 days later.*\)\./);
    assert.match(said, /Purchase order PO-BW-0877 is expected on .+ again, not .+\./);
    const moved = Number(said.match(/(\d+) lines? moves? back to the date before/)[1]);
    assert.ok(moved >= 1, `the lines that move back are counted: ${said}`);
    // Past five, the lines are folded under their count, so that the review's buttons stay near; a click shows them.
    const named = Math.min(moved, 100);
    if (named > 5) {
      assert.equal(await review.getByRole('link', { name: /^Open order / }).count(), 0);
      await review.getByText(`Every line, one by one (${named})`).click();
    }
    assert.equal(await review.getByRole('link', { name: /^Open order / }).count(), named);
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
    await review.getByRole('button', { name: /^Withdraw and tell \d+ customers?$/ }).click();

    await page
      .getByTestId('withdraw-result')
      .getByText(
        /^Delay withdrawn: \d+ lines? moves? back as the list below shows; \d+ customers? (is|are) told as it goes\.$/,
      )
      .waitFor();
    const rows = page.locator('section[aria-labelledby="past-delays-title"] tbody tr');
    const withdrawal = rows.filter({ hasText: 'Withdrawal: Purchase order PO-BW-0877' }).first();
    await withdrawal.waitFor();
    // The withdrawn delay says so in its row at once, and the progress of its logging is gone from above the list.
    await rows.filter({ hasText: 'Withdrawn' }).first().waitFor();
    assert.equal(await page.getByTestId('delay-progress').count(), 0);
    // The review and its result were as wide as the list, not squeezed into the row's last cell.
    const resultBox = await page.getByTestId('withdraw-result').boundingBox();
    const tableBox = await page.getByRole('table', { name: 'Delays logged' }).boundingBox();
    assert.ok(resultBox.width > tableBox.width / 2, `${resultBox.width} of ${tableBox.width}`);
    // The delay form starts afresh (14 days late was typed): the same delay cannot be confirmed twice by mistake.
    assert.equal(await page.getByRole('spinbutton', { name: 'Days late' }).inputValue(), '7');
    // The list follows the withdrawal by itself, no reload: once it has finished, it counts the lines it moved back
    // and the orders they are in.
    await withdrawal.filter({ hasText: '(done)' }).waitFor({ timeout: 60_000 });
    // A correction gives customers no reason: its row says what it did in its note, with no empty reason before it.
    assert.match(
      await withdrawal.textContent(),
      /Note: Withdraws the delay \w+ logged on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\./,
    );
    assert.doesNotMatch(await withdrawal.textContent(), /— —/);
    assert.match(await withdrawal.textContent(), new RegExp(`, ${moved} lines? in [1-9]\\d* orders? moved \\(done\\)`));
    assert.equal(await page.getByRole('button', { name: /^Withdraw the delay: Purchase order PO-BW-0877/ }).count(), 0);
  } finally {
    await context.close();
  }
});
