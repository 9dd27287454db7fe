#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine with rustup lacks. Idempotent:
# each step checks first and is skipped when already done.
#   scripts/setup.sh build   — what building needs (wasm target, wasm-bindgen, npm tools)
#   scripts/setup.sh test    — the above plus Chromium and ChromeDriver for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"
say() { printf '\033[1m• %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Cài wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen CLI at exactly the version Cargo.lock pins (they must match).
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "Cài wasm-bindgen-cli $want (đang có: ${have:-chưa có})"
  # Not --locked: its lockfile pins a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# wasm-split-cli cuts the release wasm into the first download and the
# chunks loaded on demand (scripts/build.sh). ~3 min to compile, once.
if ! cargo install --list 2>/dev/null | grep -qx 'wasm_split_cli_support v0.2.4:'; then
  say "Cài wasm-split-cli 0.2.4 (wasm_split_cli_support)"
  cargo install --locked wasm_split_cli_support --version 0.2.4 --features build-binary --force
fi

# npm tools (wasm-opt 132, Playwright, axe-core) exactly as package-lock.json says.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Cài công cụ npm từ package-lock.json"
  npm ci --no-audit --no-fund
fi

if [ "$what" = test ]; then
  # poppler-utils reads back the printed PDF (pdftotext, pdftoppm);
  # LibreOffice Writer (no GUI) turns the Word report into a PDF to read back
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/pdftotext ] || [ ! -x /usr/bin/soffice ]; then
    say "Cài Chromium, ChromeDriver, poppler-utils và LibreOffice Writer của Debian"
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
  fi
fi
