#!/usr/bin/env bash
# Builds the app and serves it with the bundled criteria sets.
#   scripts/serve.sh            → http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh  → another port
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build.sh
exec node scripts/static-server.mjs --dir dist --port "${PORT:-8080}" --host 127.0.0.1
