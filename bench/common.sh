# shellcheck shell=bash
# Sourced by bench/run.sh and bench/batch.sh: the build's tools, a work folder removed on exit,
# and the timing of one command (best of RUNS).
#   BUILD=build-release (default build), RUNS=3; `pin` (an array, default empty) runs each timed
#   command under it (run.sh: taskset -c CORE); `bench_before`, when defined, runs before each.
#   needs_gen=0 (set before sourcing): the script does not generate PDFs (ocr.sh).

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD:-build}
[[ $build == /* ]] || build=$root/$build
poa=$build/poa
gen=$build/bench/poa_bench_gen
runs=${RUNS:-3}
pin=()

tools=("$poa")
[[ ${needs_gen:-1} == 0 ]] || tools+=("$gen")
for tool in "${tools[@]}"; do
  [[ -x $tool ]] || { echo "falta $tool: compile primero (cmake --build $build)" >&2; exit 1; }
done

# Stops the script when a command it needs is missing.
bench_need() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null || { echo "falta $cmd: scripts/setup-deps.sh --test" >&2; exit 1; }
  done
}
bench_need /usr/bin/time

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs "$@" (under "${pin[@]}"); prints "<wall s> <cpu s> <peak RSS KiB>". Wall time is taken
# around /usr/bin/time (whose %e has only centiseconds); CPU time (user + system, centiseconds)
# is what to compare on a busy machine, where the wall time includes waiting for a core.
measure() {
  local start end
  if declare -F bench_before >/dev/null; then bench_before; fi
  start=$EPOCHREALTIME
  "${pin[@]}" /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
    echo "falló: $*" >&2
    cat "$work/stderr" >&2
    exit 1
  }
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" '{ printf "%.6f %.2f %d\n", e - s, $1 + $2, $3 }' \
    <(tail -n 1 "$work/time")
}

# Best (lowest) wall and CPU times of $runs runs of "$@", and the largest peak RSS.
best_of() {
  local wall="" cpu="" rss=0 w c m i
  for ((i = 0; i < runs; i++)); do
    read -r w c m < <(measure "$@")
    if [[ -z $wall ]] || awk -v a="$w" -v b="$wall" 'BEGIN { exit !(a < b) }'; then wall=$w; fi
    if [[ -z $cpu ]] || awk -v a="$c" -v b="$cpu" 'BEGIN { exit !(a < b) }'; then cpu=$c; fi
    ((m > rss)) && rss=$m
  done
  printf '%.3f %s %s\n' "$wall" "$cpu" "$rss"
}
