// An admin defines a supplier in the console: reads what saving will do, sees an error next to the field it
// concerns, saves, and finds the supplier in the list; an agent reads the list without the form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApplication } from './app.mjs';
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

test('an admin defines a supplier after reading what it will do, with errors next to their field', async () => {
  const { context, page } = await openConsole(browser, app.baseUrl, 'admin', { viewport: { width: 1100, height: 900 } });
  try {
    await page.getByRole('button', { name: 'Suppliers' }).click();
    await page.getByRole('heading', { name: 'Add a supplier' }).waitFor();
    await page.getByRole('cell', { name: 'NORDIC-SOFA', exact: true }).waitFor();
    // How punctual each supplier has been, learned from the demo's received purchase orders.
    const supplierRow = (code) =>
      page.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
    assert.match(await supplierRow('NORDIC-SOFA').textContent(), /\d+% on time or early, typically (on the day|1 day (late|early))/);
    const baltic = (await supplierRow('BALTIC-WOOD').textContent()).match(/typically (\d+) days late \((\d+) receipts?\)/);
    assert.ok(baltic, 'Baltic Woodcraft reads as late');
    assert.ok(Number(baltic[1]) >= 3 && Number(baltic[1]) <= 10, `typically 3 to 10 days late: ${baltic[0]}`);
    // Beside the typical day, the window promises count on: a late supplier's reaches past its typical lateness.
    const window = (await supplierRow('BALTIC-WOOD').textContent()).match(
      /promises allow for (-?\d+) to (\d+) days after the expected date \((\d+)% of deliveries\)/,
    );
    assert.ok(window, 'the window promises count on is said');
    assert.ok(Number(window[2]) >= Number(baltic[1]) && Number(window[3]) > 50, window[0]);

    await page.getByLabel('Code', { exact: true }).fill('FJORD');
    await page.getByLabel('Name', { exact: true }).fill('Fjord Furniture');
    await page.getByLabel('Country (ISO code)').fill('Norway');
    await page.getByLabel('Purchasing e-mail').fill('orders@fjord.example');
    await page.getByLabel('Lead time, fastest (working days)').fill('1.5');
    await page.getByLabel('Lead time, slowest (working days)').fill('15');
    // What saving would refuse is said at its field before any review, every field in one round (a part of a day too,
    // not in the browser's own bubble nor as a refused request), and nothing is offered to save.
    await page.getByRole('button', { name: 'Review' }).click();
    const country = page.getByLabel('Country (ISO code)');
    await page.locator('#supplier-country-error').waitFor();
    assert.equal(await country.getAttribute('aria-invalid'), 'true');
    assert.equal(await country.getAttribute('aria-describedby'), 'supplier-country-error');
    assert.match(await page.locator('#supplier-country-error').textContent(), /two-letter ISO 3166 code/);
    // The field to mend has the focus, not the page: the Review button, disabled while it asked, had dropped it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-describedby') === 'supplier-country-error');
    assert.equal(await page.getByTestId('supplier-review').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Add the supplier' }).count(), 0);
    assert.equal(await page.getByRole('cell', { name: 'FJORD', exact: true }).count(), 0);
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    await page
      .locator('#supplier-minDays-error')
      .getByText('A lead time is a whole number of working days from 0 to 365.')
      .waitFor();
    // The slowest, 15, is not said to be shorter than a fastest that is no lead time at all.
    assert.equal(await page.locator('#supplier-maxDays-error').count(), 0);
    // A value mended is no longer said to be wrong.
    await page.getByLabel('Lead time, fastest (working days)').fill('10');
    assert.equal(await page.locator('#supplier-minDays-error').count(), 0);
    await country.fill('NO');
    // The days it ships on: Monday to Friday to begin with; none at all is refused beside them.
    const shipsOn = page.getByRole('group', { name: 'Days it ships on' });
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await shipsOn.getByRole('checkbox', { name: day, exact: true }).uncheck();
    }
    await page.getByRole('button', { name: 'Review' }).click();
    await page.locator('#supplier-workingDays-error').getByText('Name at least one day the supplier ships on.').waitFor();
    assert.equal(await shipsOn.getAttribute('aria-invalid'), 'true');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Saturday']) {
      await shipsOn.getByRole('checkbox', { name: day, exact: true }).check();
    }
    assert.equal(await page.locator('#supplier-workingDays-error').count(), 0);
    await page.getByRole('button', { name: 'Review' }).click();
    assert.match(
      await page.getByTestId('supplier-review').textContent(),
      /This adds supplier FJORD with a lead time of 10–15 working days, shipping on Monday, Tuesday, Wednesday, Thursday, Saturday\./,
    );
    // The review takes the keyboard, and after it the outcome does.
    assert.ok(await page.getByTestId('supplier-review').evaluate((review) => review === document.activeElement));
    await page.getByRole('button', { name: 'Add the supplier' }).click();
    const added = page.getByText('Supplier FJORD added.');
    await added.waitFor();
    await page.waitForFunction((said) => said === document.activeElement, await added.elementHandle());
    await page.getByRole('cell', { name: 'FJORD', exact: true }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'FJORD', exact: true }) });
    assert.match(await row.textContent(), /10–15 working days/);
    // The days it ships on are read in its row, without opening it.
    assert.equal(await row.locator('td[data-label="Ships on"]').textContent(), 'Mon, Tue, Wed, Thu, Sat');

    // Changing it starts from the supplier as it is, from its row, with the keyboard in the form; the review says that
    // promises already made stay as they are.
    await row.getByRole('button', { name: 'Edit supplier FJORD' }).click();
    const code = page.getByLabel('Code', { exact: true });
    await page.waitForFunction((field) => field === document.activeElement, await code.elementHandle());
    assert.equal(await code.inputValue(), 'FJORD');
    // The form says it changes FJORD, not that it adds a supplier.
    await page.getByRole('heading', { name: 'Change supplier FJORD' }).waitFor();
    assert.equal(await page.getByLabel('Purchasing e-mail').inputValue(), 'orders@fjord.example');
    assert.equal(await page.getByLabel('Country (ISO code)').inputValue(), 'NO');
    assert.ok(await shipsOn.getByRole('checkbox', { name: 'Saturday', exact: true }).isChecked());
    assert.equal(await shipsOn.getByRole('checkbox', { name: 'Friday', exact: true }).isChecked(), false);
    await page.getByLabel('Name', { exact: true }).fill('Fjord Furniture AS');
    await page.getByLabel('Lead time, slowest (working days)').fill('25');
    await shipsOn.getByRole('checkbox', { name: 'Saturday', exact: true }).uncheck();
    await page.getByRole('button', { name: 'Review' }).click();
    assert.match(
      await page.getByTestId('supplier-review').textContent(),
      /This changes supplier FJORD: name Fjord Furniture becomes Fjord Furniture AS; lead time 10–15 working days becomes 10–25 working days; shipping days Monday, Tuesday, Wednesday, Thursday, Saturday become Monday, Tuesday, Wednesday, Thursday\. Orders already placed keep what they were promised/,
    );
    await page.getByRole('button', { name: 'Save the change' }).click();
    await page.getByText('Supplier FJORD changed.').waitFor();
  } finally {
    await context.close();
  }
});

test('an agent reads the suppliers without the form to define one', async () => {
  const { context, page } = await openConsole(browser, app.baseUrl, 'agent', { viewport: { width: 1100, height: 900 } });
  try {
    await page.getByRole('button', { name: 'Suppliers' }).click();
    await page.getByRole('cell', { name: 'NORDIC-SOFA' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Add a supplier' }).count(), 0);

    // On a phone each supplier is read row by row, each value named by its column: its punctuality on the screen,
    // not past a sideways scroll.
    await assertStackedOnPhone(
      page,
      page.locator('#suppliers-title ~ .scroll').first(),
      page.getByRole('row').filter({ hasText: 'NORDIC-SOFA' }).locator('td[data-label="Punctuality"]'),
      'Punctuality',
    );
  } finally {
    await context.close();
  }
});
