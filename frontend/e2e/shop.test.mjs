// The shop's side of the console, in a real browser: an admin changes the shop's look (refused field by field when
// it cannot be shown, previewed before it is saved) and customers' pages show it; agents read a customer's answer to
// the question at the end on the order, and admins download every answer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { shopCall, startApplication } from './app.mjs';
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
  return openConsole(browser, app.baseUrl, user, { acceptDownloads: true });
}

/** Calls the API as the signed-in console does, with its token; or as a customer, without one. */
async function call(token, query, variables) {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** A one-item order, shipped and delivered, whose customer answered the question at the end. */
async function answeredOrder(agentToken, score, comment) {
  const number = `ASK-${Date.now()}`;
  const placed = await shopCall(
    app.baseUrl,
    'mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { orders { trackingUrl } errors { code } } }',
    {
      input: {
        orders: [
          {
            number,
            currency: 'DKK',
            sendConfirmation: false,
            customer: { name: 'Mette Jensen', email: 'mette@example.com', locale: 'en' },
            destination: { street: 'Nørregade 1', postalCode: '1165', city: 'København', country: 'DK' },
            lines: [{ sku: 'VASE-GLASS', name: 'Glass vase', quantity: 1, unitPrice: '329.00', source: 'STOCK' }],
          },
        ],
      },
    },
  );
  assert.deepEqual(placed.placeOrders.errors, []);
  const token = new URL(placed.placeOrders.orders[0].trackingUrl).pathname.split('/').pop();
  const trackingNumber = `PN${Date.now()}DK`;
  await call(
    agentToken,
    'mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { errors { code } } }',
    {
      input: { orderNumber: number, lineIds: ['L1'], carrier: 'PostNord', trackingNumber },
    },
  );
  const delivered = await shopCall(
    app.baseUrl,
    'mutation($input: MarkDeliveredInput!) { markDelivered(input: $input) { errors { code } } }',
    { input: { orderNumber: number, trackingNumber, deliveredAt: new Date().toISOString() } },
  );
  assert.deepEqual(delivered.markDelivered.errors, []);
  const answered = await call(
    null,
    'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { errors { code } } }',
    { input: { token, score, comment } },
  );
  assert.deepEqual(answered.answerQuestion.errors, []);
  return number;
}

test('an admin changes the shop’s look, sees it before saving, and customers’ pages show it', async () => {
  const { context, page } = await consolePage('admin');
  try {
    await page.getByRole('button', { name: 'Shop', exact: true }).click();
    const form = page.getByRole('form', { name: 'Look and contacts' });
    await form.getByLabel('Name').fill('Nordhavn Living');
    await form.getByLabel('Colour').fill('green');
    await form.getByLabel('Help page').fill('http://nordhavn.example/help');
    await form.getByLabel('Customer service e-mail').fill('not-an-email');
    await form.getByRole('button', { name: 'Save the look' }).click();
    // Refused next to each field it concerns, all at once and in the console's words (not the browser's bubble for
    // the e-mail first); nothing saved.
    await form.getByText('A colour is #rrggbb, e.g. #1f3a5f.', { exact: true }).waitFor();
    assert.equal(await form.getByLabel('Colour').getAttribute('aria-invalid'), 'true');
    assert.equal(await form.getByLabel('Help page').getAttribute('aria-invalid'), 'true');
    assert.equal(await form.getByLabel('Customer service e-mail').getAttribute('aria-invalid'), 'true');
    assert.equal((await call(null, '{ shop { name } }')).shop.name, 'Leadline');

    await form.getByLabel('Colour').fill('#2E7D32');
    await form.getByLabel('Help page').fill('https://nordhavn.example/help');
    await form.getByLabel('Customer service e-mail').fill('help@nordhavn.example');
    const preview = page.getByTestId('shop-preview');
    await preview.getByText('Nordhavn Living').waitFor();
    assert.equal(
      await preview.locator('.preview-bar').evaluate((bar) => getComputedStyle(bar).backgroundColor),
      'rgb(46, 125, 50)',
    );
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
    await form.getByRole('button', { name: 'Save the look' }).click();
    await form
      .getByRole('status')
      .getByText('Saved: tracking pages and messages show this look from now on.')
      .waitFor();
  } finally {
    await context.close();
  }

  const customer = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 900 } });
  const tracking = await customer.newPage();
  try {
    await tracking.goto(app.links[0]);
    const header = tracking.getByTestId('shop-header');
    await header.getByText('Nordhavn Living').waitFor();
    assert.equal(await header.evaluate((bar) => getComputedStyle(bar).backgroundColor), 'rgb(46, 125, 50)');
    const contact = tracking.getByTestId('shop-contact');
    await contact.getByRole('link', { name: 'help@nordhavn.example' }).waitFor();
    assert.equal(await tracking.title(), 'Nordhavn Living');
  } finally {
    await customer.close();
  }
});

test('an agent reads the customer’s answer on the order, and an admin downloads every answer', async () => {
  const { context, page } = await consolePage('admin');
  try {
    const token = await page.evaluate(() => sessionStorage.getItem('leadline.console.token'));
    const number = await answeredOrder(token, 4, 'Told early, every time.');

    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    await page.getByLabel('Search orders').fill(number);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: new RegExp(`^${number} — `) }).click();
    const answer = page.locator(`.order-detail[data-order="${number}"]`).getByTestId('customer-answer');
    await answer.getByText('Kept informed: 4 of 5.').waitFor();
    await answer.getByText('Told early, every time.').waitFor();

    await page.getByRole('button', { name: 'Shop', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the answers (CSV)' }).click(),
    ]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) {
      chunks.push(chunk);
    }
    const csv = Buffer.concat(chunks).toString('utf8').split('\n');
    assert.equal(csv[0], 'orderNumber,score,comment,answeredAt,changedAt');
    assert.ok(
      csv.some((row) => row.startsWith(`${number},4,"Told early, every time.",`)),
      csv.join('\n'),
    );
  } finally {
    await context.close();
  }
});
