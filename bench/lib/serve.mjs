// Starts scripts/serve.mjs on a free port for a benchmark; shared by the
// bench scripts so each does not carry its own copy.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Serves `dist` (plus `extraArgs`, e.g. ['--data', dir]); resolves to { base, stop }. */
export function startServer(dist, extraArgs = []) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--dir', dist, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/on (http:\/\/\S+?)\/?\s/);
      if (m) resolve({ base: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
}

/** Chromium flags that work on this machine (../shared/toolchain.md). */
export const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
