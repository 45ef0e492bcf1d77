#!/usr/bin/env node
// Installs what the real-VS-Code tests and screenshots need, and nothing when it is there:
// Debian's chromium, ripgrep and libkrb5-dev (apt-get), and code-server 4.100.3 into
// .cache/vscode/ (its own npm install, not the project's lockfile). Idempotent; .ci/run calls it.
import { CS_DIR, ROOT, elapsed, ensureInstalled, log } from './lib.mjs';
import path from 'node:path';

try {
  const r = ensureInstalled();
  log(`ready: ${path.relative(ROOT, CS_DIR)} (${r.fresh ? 'installed' : 'cached'}) in ${elapsed()}`);
} catch (e) {
  console.error(`install: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
}
