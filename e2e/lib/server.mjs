// Starts a private Polku server for one test file: its own temp dir, its own
// fresh SQLite database, an OS-chosen port (127.0.0.1:0). Waits on the
// "running at" line (no sleeps) and returns
// { baseUrl, email, password, databaseUrl, dir, stop }: `databaseUrl` lets a
// test run other polku commands (e.g. `polku user add`, lib/accounts.mjs)
// against the same SQLite file while the server runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the polku binary: $POLKU_BIN, else ../target/debug/polku from e2e/. */
export function polkuBin() {
  const bin = process.env.POLKU_BIN || '../target/debug/polku';
  return path.resolve(e2eDir, bin);
}

/**
 * Host used in URLs. Chromium keeps the `__Host-` Secure session cookie on
 * http://127.0.0.1 (a potentially trustworthy origin), so this is the default;
 * set POLKU_E2E_HOST=localhost to try the other one.
 */
const urlHost = process.env.POLKU_E2E_HOST || '127.0.0.1';

const live = new Set();
process.on('exit', () => {
  for (const child of live) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

export async function startServer({ timeoutMs = 60_000 } = {}) {
  const bin = polkuBin();
  if (!existsSync(bin)) {
    throw new Error(`polku binary not found at ${bin} (set POLKU_BIN or build it first)`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'polku-e2e-'));
  const database = `sqlite://${path.join(dir, 'polku.db')}`;
  const child = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--database', database], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' },
  });
  live.add(child);

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
  });

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    live.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };

  const ready = new Promise((resolve, reject) => {
    let port = null;
    let email = null;
    let password = null;
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(
      () => reject(new Error(`polku did not report its address within ${timeoutMs} ms\n${stderr}`)),
      timeoutMs,
    );
    const finish = () => {
      if (port && email && password) {
        clearTimeout(timer);
        resolve({ port, email, password });
      }
    };
    lines.on('line', (line) => {
      const running = line.match(/running at https?:\/\/[^\s:]+:(\d+)/);
      if (running) port = Number(running[1]);
      const demo = line.match(/Demo facilitator:\s*(\S+)\s+password:\s*(\S+)/);
      if (demo) [, email, password] = demo;
      finish();
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`polku exited early (code ${code}, signal ${signal})\n${stderr}`));
    });
  });

  try {
    const { port, email, password } = await ready;
    return { baseUrl: `http://${urlHost}:${port}`, email, password, databaseUrl: database, dir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
