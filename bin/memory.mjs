#!/usr/bin/env node
// Resident memory of the README's run command. Starts bin/leadline on an empty store (demo data loaded) and prints
// its resident set and its live heap (what a full collection leaves) once it has been idle for a while, again after
// a minute of tracking traffic (the demo links' tracking query over HTTP, 8 clients) and once it is idle again.
// Linux only (/proc; jcmd from the JDK for the heap). Build first: ./mvnw -q -DskipTests package.
//
//   ORDERS=n bin/memory.mjs            the same with that many demo orders in the store
//   STORE=backend/target/bench-stores/scale bin/memory.mjs
//                                      the same on a copy of the 100,000 orders ScaleBenchmark leaves (target
//                                      <= 600 MB resident), tracking the orders of the tokens.txt it leaves beside
//   SOAK_MINUTES=30 bin/memory.mjs     a leak run: tracking traffic and, in turn, supplier delays cascading through
//                                      the orders of a purchase order for that long, both measures printed each
//                                      minute (the heap as the least of three collections a second apart); at the
//                                      end each is compared with the fifth minute's (target: within 10 %)
//
// Settings after the script's name go to the application.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const IDLE_MS = Number(process.env.IDLE_SECONDS ?? 20) * 1000;
const TRAFFIC_MS = Number(process.env.TRAFFIC_SECONDS ?? 60) * 1000;
const SOAK_MINUTES = Number(process.env.SOAK_MINUTES ?? 0);
const ORDERS = process.env.ORDERS;
const STORE = process.env.STORE;
const launcher = fileURLToPath(new URL('./leadline', import.meta.url));

const port = await new Promise((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => done(port));
  });
});
const base = `http://localhost:${port}`;
const store = mkdtempSync(join(tmpdir(), 'leadline-memory-'));
if (STORE) cpSync(STORE, store, { recursive: true });
// The traffic comes from one address: the tracking rate limit is lifted so that it reaches the lookup.
const settings = [
  `--server.port=${port}`,
  `--leadline.public-base-url=${base}`,
  `--leadline.store.path=${store}`,
  '--leadline.tracking.rate-limit.burst=1000000000',
  '--leadline.tracking.rate-limit.per-minute=1000000000',
  // Messages to customers go to the embedded outbox, not to standard output.
  '--leadline.notifications.echo=false',
  ...(ORDERS ? [`--leadline.demo.orders=${ORDERS}`] : []),
  // A leak run's news goes out as it comes, whatever the hour: in the customers' quiet hours (21:00 to 08:00) it is
  // held till morning, and each of the delays would leave its news in every order it reached, growing them all.
  ...(SOAK_MINUTES > 0
    ? ['--leadline.console.access-token-ttl=2h', '--leadline.notifications.quiet-hours=00:00-00:00']
    : []),
  ...process.argv.slice(2),
];
const app = spawn(launcher, settings, { stdio: ['ignore', 'pipe', 'inherit'] });
const stop = () => {
  app.kill('SIGTERM');
  rmSync(store, { recursive: true, force: true });
};
process.on('exit', stop);

const links = STORE ? readFileSync(join(STORE, 'tokens.txt'), 'utf8').split('\n').filter(Boolean) : [];
await new Promise((done, fail) => {
  app.on('exit', (code) => fail(new Error(`Leadline exited with ${code}`)));
  let output = '';
  app.stdout.on('data', (chunk) => {
    output += chunk;
    for (const match of String(chunk).matchAll(/^Tracking link: \S+\/t\/(\S+)$/gm)) links.push(match[1]);
    // The showcase links come first; the rest of the demo orders follow them.
    if (STORE ? /Started LeadlineApplication/.test(output) : links.length >= 5 && /Loaded demo data/.test(output)) done();
  });
});

const megabytes = (kb) => Math.round(kb / 1024);
const rss = () => megabytes(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))[1]));
/** The live heap: what a full collection leaves, as the JVM's class histogram (which makes one) sums it. */
const heapAfterGc = () => {
  const histogram = execFileSync('jcmd', [String(app.pid), 'GC.class_histogram'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return megabytes(Number(/^Total\s+\d+\s+(\d+)/m.exec(histogram)[1]) / 1024);
};
const measures = () => `${rss()} MB resident, ${heapAfterGc()} MB heap after GC`;
const pause = (ms) => new Promise((done) => setTimeout(done, ms));
/**
 * What the heap keeps: the smallest live heap of three full collections a second apart. The live heap at one
 * collection includes the work in flight then (a sweep holding every order, a cascade's chunk), which moved a leak
 * run's minute-by-minute figure by up to a third; three collections a second apart differed by up to 33 MB.
 */
const heapKept = async () => {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await pause(1000);
    samples.push(heapAfterGc());
  }
  return { heap: Math.min(...samples), samples };
};
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

await pause(IDLE_MS);
const target = STORE ? ' (target <= 600 MB resident)' : ORDERS ? '' : ' (target <= 300 MB resident)';
console.log(`idle after start:     ${measures()}${target}; load average ${load()}`);

const trackQuery =
  'query($token: String!) { trackOrder(token: $token) { number lines { sku name status eta { earliest latest } } } }';
let requests = 0;
let failures = 0;
/** Tracking queries from 8 clients for as long as {@code going()} says. */
const track = (going) =>
  Promise.all(
    Array.from({ length: 8 }, async (_, client) => {
      while (going()) {
        const token = links[(requests + client) % links.length];
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: trackQuery, variables: { token } }),
        });
        await response.arrayBuffer();
        requests++;
        if (!response.ok) failures++;
      }
    }),
  );

if (SOAK_MINUTES <= 0) {
  const trafficEnds = Date.now() + TRAFFIC_MS;
  await track(() => Date.now() < trafficEnds);
  const holding = STORE ? ' (target <= 600 MB resident)' : '';
  console.log(`after traffic:        ${measures()}${holding} (${requests} tracking queries, ${failures} refused)`);
  await pause(IDLE_MS);
  console.log(`idle after traffic:   ${measures()}; load average ${load()}`);
  process.exit(0);
}

/** An agent's access token, through the console's own sign-in: authorization code with PKCE and the sign-in form. */
async function agentToken() {
  const cookies = new Map();
  const call = async (url, init = {}) => {
    const response = await fetch(new URL(url, base), {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${base}/console/callback`;
  const authorize = `/oauth2/authorize?${new URLSearchParams({
    response_type: 'code',
    client_id: 'leadline-console',
    redirect_uri: redirectUri,
    scope: 'openid profile',
    state: 'soak',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  })}`;
  await call(authorize);
  const form = await (await call('/login')).text();
  const csrf = /name="_csrf"[^>]*value="([^"]+)"/.exec(form)?.[1] ?? /value="([^"]+)"[^>]*name="_csrf"/.exec(form)?.[1];
  await call('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'agent', password: 'agent', ...(csrf ? { _csrf: csrf } : {}) }),
  });
  const back = await call(authorize);
  const code = new URL(back.headers.get('location') ?? '', base).searchParams.get('code');
  if (!code) throw new Error(`no authorization code (status ${back.status}, location ${back.headers.get('location')})`);
  const token = await call('/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: 'leadline-console',
      code_verifier: verifier,
    }),
  });
  return (await token.json()).access_token;
}

const token = await agentToken();
const asAgent = async (query, variables) => {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

let cascades = 0;
/** Delays of the demo's first open purchase order, each correcting the one before once it has finished. */
const cascade = async (going) => {
  const { purchaseOrders } = await asAgent('{ purchaseOrders { number } }');
  const purchaseOrder = purchaseOrders[0].number;
  while (going()) {
    const { logDelay } = await asAgent(
      'mutation($input: DelayInput!) { logDelay(input: $input) { report { id } errors { code message } } }',
      {
        input: {
          scope: { type: 'PURCHASE_ORDER', purchaseOrder },
          daysLate: 3 + (cascades % 2) * 4,
          reasonText: 'The supplier is behind schedule',
        },
      },
    );
    if (logDelay.errors.length) throw new Error(JSON.stringify(logDelay.errors));
    for (;;) {
      const { delayReport } = await asAgent('query($id: ID!) { delayReport(id: $id) { state } }', {
        id: logDelay.report.id,
      });
      if (delayReport.state === 'DONE') break;
      await pause(200);
    }
    cascades++;
  }
};

const minutes = [];
// The traffic goes on until the last minute has been measured, however long the measuring took.
let soaking = true;
const soak = Promise.all([track(() => soaking), cascade(() => soaking)]);
for (let minute = 1; minute <= SOAK_MINUTES; minute++) {
  await Promise.race([pause(60_000), soak]);
  const resident = rss();
  const { heap, samples } = await heapKept();
  const measured = { resident, heap };
  minutes.push(measured);
  console.log(
    `minute ${String(minute).padStart(2)}: ${resident} MB resident, ${heap} MB heap kept (after GC: ${samples.join(', ')} MB) ` +
      `(${requests} tracking queries, ${failures} refused, ${cascades} cascades); load average ${load()}`,
  );
}
soaking = false;
await soak;
const fifth = minutes[Math.min(4, minutes.length - 1)];
const last = minutes[minutes.length - 1];
const change = (now, then) => `${(((now - then) / then) * 100).toFixed(1)} %`;
console.log(
  `end against minute ${Math.min(5, minutes.length)}: resident ${change(last.resident, fifth.resident)}, ` +
    `heap kept ${change(last.heap, fifth.heap)} (target: within 10 %)`,
);
process.exit(0);
