#!/usr/bin/env bash
# Runs the golden comparison on cases still marked expected.todo.json (not part of the suite) and
# prints how many differences each has: `scripts/check-todo.sh [BUILD] [FIXTURE_DIR...]`.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
dirs=("$@")
if ((${#dirs[@]} == 0)); then
  mapfile -t dirs < <(find fixtures -name expected.todo.json -printf '%h\n' | sort)
fi
for d in "${dirs[@]}"; do
  [[ -f $d/expected.todo.json && ! -f $d/expected.json ]] || continue
  cp "$d/expected.todo.json" "$d/expected.json"
  name=$(basename "$d" | tr -- '-' '_')
  out=$("$build/tests/golden_test" --gtest_filter="*JsonMatchesExpected/$(tr "/-" "__" <<<"${d#fixtures/}")" 2>&1)
  rm -f "$d/expected.json"
  n=$(grep -oE '[0-9]+ difference' <<<"$out" | head -1 | cut -d' ' -f1)
  if grep -q "\[  PASSED  \]" <<<"$out" && ! grep -q "\[  FAILED  \]" <<<"$out"; then
    echo "PASS  $d"
  else
    echo "FAIL  $d (${n:-?} differences)"
    grep -E '^\s+(acciones|avisos|ejercicio|no_reconocido|fuente|\(root\))' <<<"$out" | head -${TODO_LINES:-4}
  fi
done
