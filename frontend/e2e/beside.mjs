// Runs the browser tests (npm run e2e) in the background while the build goes on, so that `./mvnw verify` runs the
// JVM tests beside them, and waits for them after:
//
//   node e2e/beside.mjs start <folder>   starts them, their output to <folder>/output.log, and returns at once
//   node e2e/beside.mjs await <folder>   waits until they have ended, prints their output and exits with their code
//
// A start ends a run still going from an earlier build (one stopped before it waited) before it begins.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [command, folder] = process.argv.slice(2);
if (!['start', 'run', 'await'].includes(command) || !folder) {
  console.error('usage: node e2e/beside.mjs start|await <folder>');
  process.exit(2);
}
const output = join(folder, 'output.log');
const ended = join(folder, 'exit-code');
const runner = join(folder, 'pid');

function alive(pid) {
  try {
    process.kill(pid, 0);
    return pid > 0;
  } catch {
    return false;
  }
}

/** Whether {@code pid} is still a runner of this script (not a process that got its number since). */
function runnerStill(pid) {
  try {
    return alive(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('beside.mjs');
  } catch {
    return false;
  }
}

if (command === 'start') {
  mkdirSync(folder, { recursive: true });
  if (existsSync(runner)) {
    const earlier = Number(readFileSync(runner, 'utf8'));
    if (runnerStill(earlier)) {
      // Its own process group: the test runner, the test files, the applications and browsers they started.
      process.kill(-earlier, 'SIGTERM');
    }
  }
  rmSync(ended, { force: true });
  const log = openSync(output, 'w');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'run', folder], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  writeFileSync(runner, String(child.pid));
  child.unref();
  console.log(`Browser tests started in the background; their output: ${output}`);
} else if (command === 'run') {
  const tests = spawn('npm', ['run', 'e2e'], { stdio: 'inherit' });
  tests.on('close', (code, signal) => {
    // Written whole and then renamed, so that the waiting side never reads half a code.
    writeFileSync(`${ended}.partial`, String(code ?? (signal ? 128 : 1)));
    renameSync(`${ended}.partial`, ended);
  });
} else {
  const pid = Number(existsSync(runner) ? readFileSync(runner, 'utf8') : 0);
  await new Promise((done) => {
    const check = setInterval(() => {
      if (existsSync(ended) || !alive(pid)) {
        clearInterval(check);
        done();
      }
    }, 250);
  });
  process.stdout.write(existsSync(output) ? readFileSync(output, 'utf8') : '');
  if (!existsSync(ended)) {
    console.error(`The browser tests' runner (process ${pid}) ended without their result`);
    process.exit(1);
  }
  const code = Number(readFileSync(ended, 'utf8'));
  console.log(code === 0 ? 'Browser tests passed' : `Browser tests failed (exit code ${code})`);
  process.exit(code);
}
