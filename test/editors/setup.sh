#!/usr/bin/env bash
# Installs Debian's Neovim for test/editors/neovim.test.ts when `nvim` is missing (CI machines
# are fresh Debian). Prints the version; exits 1 if Neovim cannot be installed, in which case
# the test is skipped with a message. Safe to run again.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then nvim --version | head -n 1; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "setup: no nvim and no apt-get" >&2; exit 1; fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else echo "setup: no nvim, and apt-get needs root" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
# the package lists of a fresh machine may be missing or stale: update only when needed
if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends neovim >/dev/null 2>&1; then
  "${SUDO[@]}" apt-get update -q >/dev/null
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends neovim >/dev/null
fi
nvim --version | head -n 1
