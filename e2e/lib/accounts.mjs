// Accounts for tests: `polku user add` against the test server's own database
// (SQLite in WAL mode, so this works while the server runs).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { polkuBin } from './server.mjs';

/** A password the server accepts: long, and not on any list of common ones. */
export function newPassword() {
  return `kirjava-Harakka-${randomBytes(6).toString('hex')}`;
}

/** Run `polku ARGS...` with `input` on stdin; resolves with stdout, rejects on a non-zero exit. */
export function runPolku(args, { input = '', timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(polkuBin(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => { clearTimeout(timer); reject(err); });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`polku ${args.join(' ')} failed (code ${code}, signal ${signal}):\n${stderr}${stdout}`));
    });
    child.stdin.end(input);
  });
}

/**
 * Create an account on `server`'s database with `polku user add`; the password
 * goes in on stdin's first line. Returns { email, name, password }, which
 * `login(page, server, account)` (lib/browser.mjs) accepts.
 */
export async function createAccount(server, { email, name, password = newPassword() }) {
  if (!server.databaseUrl) throw new Error('the server object has no databaseUrl (lib/server.mjs)');
  await runPolku(['user', 'add', '--email', email, '--name', name, '--database', server.databaseUrl], {
    input: `${password}\n`,
  });
  return { email, name, password };
}
