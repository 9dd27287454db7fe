#!/usr/bin/env bash
# Builds the app and serves it with the bundled criteria sets.
#   scripts/serve.sh            → http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh  → another port
#   LAN=1 scripts/serve.sh      → listen on every interface, so a trainer's
#                                 laptop serves the room (http://<its IP>:8080/)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build.sh
host=127.0.0.1
if [ "${LAN:-0}" = 1 ]; then
  host=0.0.0.0
  echo "Phục vụ cả mạng nội bộ. Địa chỉ của máy này:" $(hostname -I 2>/dev/null || true)
  echo "Lưu ý: qua http trong mạng nội bộ, ứng dụng chạy đầy đủ nhưng trình duyệt không cho lưu bản ngoại tuyến (chỉ https hoặc localhost)."
fi
exec node scripts/static-server.mjs --dir dist --port "${PORT:-8080}" --host "$host"
