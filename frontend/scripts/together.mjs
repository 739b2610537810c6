// Runs the commands given as arguments side by side, each in a shell (npm puts node_modules/.bin on its path), and
// prints each one's output whole when it ends. Exits with the first failed command's code, after all have ended:
// `npm run build` checks the types, lints and bundles at once on a machine's cores instead of one after the other.
import { spawn } from 'node:child_process';

const run = (command) =>
  new Promise((done) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error}\n`));
    child.on('close', (code) => {
      process.stdout.write(`> ${command}${code ? ` (exit ${code})` : ''}\n${output}`);
      done(code ?? 1);
    });
  });

const codes = await Promise.all(process.argv.slice(2).map(run));
process.exit(codes.find((code) => code !== 0) ?? 0);
