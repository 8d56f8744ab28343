#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer + UBSan (preset `asan`, folder build-asan),
# leak checking on, with the suppressions for known third-party leaks in tests/sanitizers/.
#   scripts/asan-suite.sh                 configure, build (-j2) and run every test
#   scripts/asan-suite.sh -R golden       extra arguments go to ctest
#   JOBS=4 scripts/asan-suite.sh          build and test jobs (default 2)
# Long: every library and test is built again, instrumented (docs/sanitizers.md).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=${JOBS:-2}
supp=$root/tests/sanitizers

# ccache keys on the compiler flags, so sanitized objects never mix with the normal build's.
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake --preset asan "${launcher[@]}" >/dev/null
cmake --build --preset asan -j "$jobs"

# Leak checking stays on (detect_leaks=1); only the frames listed in lsan.supp are forgiven.
# UBSan stops at its first report, so any report fails the test that triggered it.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0
export LSAN_OPTIONS=suppressions=$supp/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=suppressions=$supp/ubsan.supp:print_stacktrace=1:halt_on_error=1
start=$SECONDS
status=0
ctest --preset asan -j "$jobs" --timeout 1800 "$@" || status=$?
echo "asan-suite: ctest terminó en $((SECONDS - start)) s (estado $status)"
exit "$status"
