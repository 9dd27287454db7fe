#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: native unit and
# property tests, wasm component tests in headless Chromium, the release
# build (with its size budget) and the Playwright end-to-end tests.
# Ends with one line: "Summary: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test || { echo "Summary: 0 passed, 1 failed"; exit 1; }

# Headless Chromium leaves large temp folders: keep them in one throw-away place.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch" XDG_CACHE_HOME="$scratch/cache" XDG_CONFIG_HOME="$scratch/config"

passed=0; failed=0; failures=()
count_cargo() { # adds the counts of every "test result:" line of a log
  local p f
  p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed' "$1" | awk '{s+=$4} END {print s+0}')
  f=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed' "$1" | awk '{s+=$6} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1/4 Kiểm thử Rust gốc (domain, thuộc tính, bộ tiêu chí)"
if cargo test --color never 2>&1 | tee "$scratch/native.log"; then :; else failures+=("native"); fi
count_cargo "$scratch/native.log"

step "2/4 Kiểm thử thành phần trong trình duyệt (wasm-bindgen-test)"
export CHROMEDRIVER=/usr/bin/chromedriver
if cargo test --color never --target wasm32-unknown-unknown --test browser_components --test browser_inputs 2>&1 | tee "$scratch/wasm.log"; then :; else failures+=("wasm"); fi
count_cargo "$scratch/wasm.log"

step "3/4 Bản phát hành (release) và ngân sách dung lượng"
if scripts/build.sh 2>&1 | tee "$scratch/build.log"; then
  total=$(node scripts/sizes.mjs dist --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total.brotli))')
  # Ratchet: the shipped total may not grow past this ceiling. The target
  # is 150 KB (issue 7); lower the ceiling as the bundle shrinks. Raised
  # from 180 to 265 when the assessment wizard landed (258 KB measured),
  # to 295 with the drafts list and autosave (288 KB measured), and to 335
  # with the submission export and the reviewer's desk (329 KB measured,
  # after one deserializer and one serializer per type saved 27 KB), and to
  # 360 with appraisal, review files and the ranking (355 KB measured), and
  # to 365 with the offline worker and the radar chart (361 KB measured),
  # and to 370 with the demo space and the guided tour (368 KB measured; the
  # sample data itself, 24 KB, is fetched only when asked for and not
  # counted: sizes.mjs totals it apart), and to 375 with the bar charts
  # (self against appraised per field, the ranking; 373 KB measured), and
  # to 380 with the printable detail table and document heading (375 KB),
  # and to 400 with the English interface (395 KB measured: +17.5 KB brotli
  # for 610 English texts, 21 KB raw, and a second format path per message).
  ceiling_kb=400; target_kb=150
  if [ "$total" -le $((ceiling_kb * 1024)) ]; then
    echo "Dung lượng: tổng brotli $((total / 1024)) KB ≤ trần ${ceiling_kb} KB — đạt (mục tiêu ${target_kb} KB)"; passed=$((passed + 1))
  else
    echo "Dung lượng: tổng brotli $((total / 1024)) KB > trần ${ceiling_kb} KB — VƯỢT"; failed=$((failed + 1)); failures+=("size")
  fi
else
  failures+=("build"); failed=$((failed + 1))
fi

step "4/4 Kiểm thử đầu-cuối (Playwright, Chromium headless)"
if [ -f dist/index.html ]; then
  node --test --test-concurrency=1 tests/e2e/ 2>&1 | tee "$scratch/e2e.log"
  p=$(grep -E '^# pass [0-9]+' "$scratch/e2e.log" | awk '{print $3}'); f=$(grep -E '^# fail [0-9]+' "$scratch/e2e.log" | awk '{print $3}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
  [ "${f:-1}" = 0 ] || failures+=("e2e")
else
  failures+=("e2e (chưa có bản build)"); failed=$((failed + 1))
fi

echo
if [ ${#failures[@]} -eq 0 ]; then
  echo "KẾT QUẢ: TẤT CẢ ĐẠT"
else
  echo "KẾT QUẢ: CÓ LỖI ở: ${failures[*]}"
fi
echo "Summary: $passed passed, $failed failed"
[ ${#failures[@]} -eq 0 ]
