// Starts the packaged Leadline application the way a user does (bin/leadline, the README's run command:
// embedded default, demo data) on a free port with a fresh store, and hands the tests its demo tracking links.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STARTUP_TIMEOUT_MS = 180_000;
const LAUNCHER = fileURLToPath(new URL('../../bin/leadline', import.meta.url));

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * Starts Leadline; {@code settings} are further command-line settings, e.g. the shop's look. A port found free can be
 * taken by another process (another test file's browser or application) before Leadline binds it: it then starts again
 * on another.
 */
export async function startApplication(settings = []) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(settings);
    } catch (error) {
      if (attempt >= 3 || !/Port \d+ was already in use/.test(String(error?.message))) {
        throw error;
      }
    }
  }
}

async function startOnce(settings) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const store = mkdtempSync(join(tmpdir(), 'leadline-e2e-'));
  const child = spawn(
    LAUNCHER,
    [
      `--server.port=${port}`,
      `--leadline.public-base-url=${baseUrl}`,
      `--leadline.store.path=${store}`,
      '--leadline.demo.orders=60',
      // A test file's customers all come from this machine's one address, dozens of lookups and choices a minute
      // between them, where a real customer's address makes a few: the per-address limit (30 at once, then 30 a
      // minute) would refuse them on a fast machine. The limit itself is tested apart (TrackingRateLimitIntegrationTests).
      '--leadline.tracking.rate-limit.burst=100000',
      ...settings,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const links = [];
  const ready = new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Leadline did not print its demo links in time:\n${output}`)), STARTUP_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(store, { recursive: true, force: true });
      fail(new Error(`Leadline exited with ${code} before it was ready:\n${output}`));
    });
    // The promise watch's first sweep runs just after start; the tests read the orders as it leaves them.
    const readyWhenSwept = () => {
      const swept =
        /Promise watch after start/.test(output) || settings.includes('--leadline.promise-watch.enabled=false');
      if (links.length >= 5 && swept) {
        clearTimeout(timer);
        done();
      }
    };
    child.stderr.on('data', (chunk) => {
      output += chunk;
      readyWhenSwept();
    });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      for (const match of String(chunk).matchAll(/^Tracking link: (\S+)$/gm)) {
        links.push(match[1]);
      }
      readyWhenSwept();
    });
  });
  await ready;
  return {
    baseUrl,
    links,
    /** The newest one-time code the embedded outbox printed for an order, waiting for it if need be. */
    async codeFor(orderNumber, after = 0) {
      // The code message in any of the four languages: "code is 123456", "kode er …", "Code ist …", "kod to …".
      const pattern = new RegExp(
        `^Outbox \\w+ to \\S+ \\[${orderNumber}\\]: .*?(?:code is|kode er|Code ist|kod to) (\\d{6})\\b`,
        'gm',
      );
      for (let waited = 0; waited < 10_000; waited += 100) {
        const codes = [...output.matchAll(pattern)].map((match) => match[1]);
        if (codes.length > after) {
          return codes[codes.length - 1];
        }
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error(`No code for ${orderNumber} in the outbox`);
    },
    /** The link the embedded outbox printed in a "find my order" message for an order, waiting for it if need be. */
    async linkSentFor(orderNumber) {
      const pattern = new RegExp(`^Outbox EMAIL to \\S+ \\[${orderNumber}\\]: .*?(https?://\\S+/t/[\\w-]+)`, 'gm');
      for (let waited = 0; waited < 10_000; waited += 100) {
        const links = [...output.matchAll(pattern)].map((match) => match[1]);
        if (links.length > 0) {
          return links[links.length - 1];
        }
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error(`No link for ${orderNumber} in the outbox`);
    },
    /** How many codes the outbox has printed for an order so far. */
    codesSentFor(orderNumber) {
      return [
        ...output.matchAll(
          new RegExp(`^Outbox \\w+ to \\S+ \\[${orderNumber}\\]: .*?(?:code is|kode er|Code ist|kod to) \\d{6}`, 'gm'),
        ),
      ].length;
    },
    async stop() {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(store, { recursive: true, force: true });
    },
  };
}

/** The order behind a link, as the API gives it: what the page must show. */
export async function trackOrder(baseUrl, link) {
  const token = new URL(link).pathname.split('/').pop();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query:
        'query($token: String!) { trackOrder(token: $token) { number locale deliveryPreference ' +
        'lines { id sku name quantity source status eta { earliest latest confidence } } parcels { lineIds eta { earliest latest } } ' +
        'choice { open } } }',
      variables: { token },
    }),
  });
  const body = await response.json();
  return body.data.trackOrder;
}

/**
 * The window the page gives a line in bold: the one delivery's, where the customer waits for everything the shop
 * sends and the line would come sooner on its own; else the line's own (null then).
 */
export function oneDeliveryWindow(order, line) {
  const waits =
    order.deliveryPreference === 'WAIT_FOR_ALL' &&
    line.source !== 'DROPSHIP' &&
    ['RESERVED', 'AWAITING_SUPPLIER', 'READY'].includes(line.status);
  const together = waits ? order.parcels.find((parcel) => parcel.lineIds.includes(line.id))?.eta : null;
  return together && line.eta.latest < together.latest ? together : null;
}

/**
 * The demo shop hands one order over (a Danish address unless the order names another) and gets it back as
 * Leadline placed it, with the customer's tracking link; refused orders fail the test with their errors.
 */
export async function placeOrder(baseUrl, order) {
  const placed = await shopCall(
    baseUrl,
    'mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { orders { number trackingUrl } errors { code field message } } }',
    {
      input: {
        orders: [
          {
            currency: 'DKK',
            destination: { street: 'Nørregade 1', postalCode: '1165', city: 'København', country: 'DK' },
            ...order,
          },
        ],
      },
    },
  );
  if (placed.placeOrders.errors.length > 0) {
    throw new Error(`Order ${order.number} refused: ${JSON.stringify(placed.placeOrders.errors)}`);
  }
  return placed.placeOrders.orders[0];
}

/** Calls the GraphQL API as the demo shop's own system (client credentials, orders and purchasing). */
export async function shopCall(baseUrl, query, variables) {
  const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'orders:write purchasing:write' });
  const tokenResponse = await fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from('demo-shop:demo-shop-secret').toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: form,
  });
  const { access_token: token } = await tokenResponse.json();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()).data;
}
