#!/usr/bin/env node
// Resident memory of the README's run command: starts bin/leadline on an empty store (demo data loaded), prints
// its resident set once it has been idle for a while, then again after a minute of tracking traffic (the demo
// links' tracking query over HTTP, 8 clients) and once it has been idle again. Linux only (/proc). Build first:
// ./mvnw -q -DskipTests package. Settings after the script's name go to the application.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const IDLE_MS = Number(process.env.IDLE_SECONDS ?? 20) * 1000;
const TRAFFIC_MS = Number(process.env.TRAFFIC_SECONDS ?? 60) * 1000;
const launcher = fileURLToPath(new URL('./leadline', import.meta.url));

const port = await new Promise((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => done(port));
  });
});
const store = mkdtempSync(join(tmpdir(), 'leadline-memory-'));
// The traffic comes from one address: the tracking rate limit is lifted so that it reaches the lookup.
const settings = [
  `--server.port=${port}`,
  `--leadline.store.path=${store}`,
  '--leadline.tracking.rate-limit.burst=1000000000',
  '--leadline.tracking.rate-limit.per-minute=1000000000',
  ...process.argv.slice(2),
];
const app = spawn(launcher, settings, {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => {
  app.kill('SIGTERM');
  rmSync(store, { recursive: true, force: true });
};
process.on('exit', stop);

const links = [];
await new Promise((done, fail) => {
  app.on('exit', (code) => fail(new Error(`Leadline exited with ${code}`)));
  app.stdout.on('data', (chunk) => {
    for (const match of String(chunk).matchAll(/^Tracking link: \S+\/t\/(\S+)$/gm)) links.push(match[1]);
    if (links.length >= 5) done();
  });
});

const rss = () => {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))[1]);
  return `${Math.round(kb / 1024)} MB`;
};
const pause = (ms) => new Promise((done) => setTimeout(done, ms));
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

await pause(IDLE_MS);
console.log(`idle after start:     ${rss()} resident (target <= 300 MB); load average ${load()}`);

const query =
  'query($token: String!) { trackOrder(token: $token) { number lines { sku name status eta { earliest latest } } } }';
let requests = 0;
let failures = 0;
const until = Date.now() + TRAFFIC_MS;
await Promise.all(
  Array.from({ length: 8 }, async (_, client) => {
    while (Date.now() < until) {
      const token = links[(requests + client) % links.length];
      const response = await fetch(`http://localhost:${port}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query, variables: { token } }),
      });
      await response.arrayBuffer();
      requests++;
      if (!response.ok) failures++;
    }
  }),
);
console.log(`after traffic:        ${rss()} resident (${requests} tracking queries, ${failures} refused)`);
await pause(IDLE_MS);
console.log(`idle after traffic:   ${rss()} resident; load average ${load()}`);
process.exit(0);
