#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: native unit and
# property tests, wasm component tests in headless Chromium, the release
# build (with its size budget) and the Playwright end-to-end tests.
# Ends with one line: "Summary: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test || { echo "Summary: 0 passed, 1 failed"; exit 1; }
# A one-shot run gains nothing from incremental caches (gigabytes on disk).
export CARGO_INCREMENTAL=0

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
  sizes_json=$(node scripts/sizes.mjs dist --json)
  total=$(echo "$sizes_json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total.brotli))')
  lazy=$(echo "$sizes_json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).lazy.brotli))')
  # Ratchet: the first page (what opening the app transfers, brotli; the
  # chunks loaded on demand are counted apart) may not grow past this
  # ceiling; lower it as the first page shrinks. History: 180 → 400 KB as
  # the wizard, drafts, desk, offline use, demo, charts, print and English
  # landed on one page (395 KB); the split build (issue 17) took the drafts
  # list, summary, library and desk out of the first page (291 KB measured,
  # with the studio as a chunk of its own), so the ceiling drops to 295.
  # The bundled sets checked at build time instead of at every start
  # (examples/check_sets.rs) took the arithmetic checks out: 286 KB, 287.
  # The inside of the evidence boxes loads when a box is first opened (with
  # the library picker and undo): 277 KB, 278.
  # Last year's comparison and the frictions of issue 18 added ~2 KB; the
  # sample data's seeding became a chunk, and rules are read through
  # serde_json's Value instead of serde's Content buffer: 276 KB, 276.
  # The rule's fields read through `&Value` like the rest (one family of
  # Value readers, not two), and the crates' paths written short and the
  # same on every machine (CI measured 0.2 KB more than a laptop): 274 KB, 275.
  # A field's page (the item cards, their inputs and evidence) became a
  # chunk of its own, with the draft's score kept per criterion: the page
  # a new agency opens first (its set and profile) carries neither: 254 KB,
  # 255.
  # The score bar drawn once (only its figures change as one types) added
  # 1 KB back: 254.7 KB, under 255.
  # The desk's and the studio's styles load with their chunks
  # (style/desk-and-studio.css): 253.9 KB; the appraisal page's per-item
  # signals (in the desk's chunk) still added 0.15 KB to the main wasm,
  # cause not traced: 254.0 KB (260,144 bytes, 48 over 254 KB); after the
  # batched save 253.8 KB (259,937 bytes); with the long fields' parts'
  # sums back in the domain 254.2 KB (260,306 bytes), under 255; with
  # the desk's import rehearsal tried and taken out again 253.8 KB
  # (259,904 bytes): 192 bytes under 254 KB, too close to lower the
  # ceiling to it. The desk's seal hashed without a copy and the ranking's
  # CSV written on demand (both in the desk's chunk) and the desk's list
  # naming sets short still added 0.3 KB to the first part, cause not
  # traced (the first part's size moves by ~0.1 KB with what the desk's
  # chunk holds): 254.1 KB (260,187 bytes), under 255.
  # The score bar, the side panel and the sums following the score a frame
  # late (Assessment::with_totals) added 0.7 KB: 254.8 KB (260,873 bytes),
  # under 255; the item's evidence flag following the same way (in the
  # field's chunk) moved the first part by 0.1 KB: 254.9 KB (260,976
  # bytes); reading the card's values with try_* there moved it back:
  # 254.8 KB (260,888 bytes), under 255. A draft opened again from the
  # submission it sent (two messages): 254.9 KB (260,993 bytes), under 255.
  # The guided tour's dialog and texts became a chunk loaded on first use:
  # 252.2 KB (258,281 bytes); the file-kind hints, the drafts' round-trip
  # line and the recovery's label (all in chunks) moved it by noise:
  # 252.7 KB (258,782 bytes), so the ceiling drops to 254 (1.3 KB margin
  # for brotli's ±0.2 KB swings on small changes). Files picked by mistake
  # named by their first bytes (PDF, Office, image) put 0.4 KB on the first
  # page through the JSON reader the start-up shares; the start-up now reads
  # its own sets without that guess: 252.5 KB (258,579 bytes).
  # The aim was 270 KB (0.85 × SurveyJS's library); it is met.
  ceiling_kb=254; target_kb=270
  echo "Phần tải khi cần (các trang tách riêng): brotli $((lazy / 1024)) KB, không tính vào trang đầu"
  if [ "$total" -le $((ceiling_kb * 1024)) ]; then
    echo "Dung lượng trang đầu: brotli $((total / 1024)) KB ≤ trần ${ceiling_kb} KB — đạt (mục tiêu ${target_kb} KB)"; passed=$((passed + 1))
  else
    echo "Dung lượng trang đầu: brotli $((total / 1024)) KB > trần ${ceiling_kb} KB — VƯỢT"; failed=$((failed + 1)); failures+=("size")
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
echo "Dung lượng thư mục target: $(du -sh target 2>/dev/null | cut -f1) (đĩa còn trống: $(df -h . | awk 'NR==2{print $4}'))"
if [ ${#failures[@]} -eq 0 ]; then
  echo "KẾT QUẢ: TẤT CẢ ĐẠT"
else
  echo "KẾT QUẢ: CÓ LỖI ở: ${failures[*]}"
fi
echo "Summary: $passed passed, $failed failed"
[ ${#failures[@]} -eq 0 ]
