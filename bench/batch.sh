#!/usr/bin/env bash
# Batches (issue 9): `poa convert -j 2` against `-j 1` on a batch of large generated PDFs, pages
# per second into JSON, SQLite and PostgreSQL, and peak memory against the number of files.
#   bench/batch.sh                         uses ./build; FILES=8 PAGES=150 RUNS=3
#   BUILD=build-release FILES=16 PAGES=300 bench/batch.sh
#   PARTS=memory COUNTS="4 16 64 128" bench/batch.sh   only the memory table (PARTS: speed memory)
# Prints, for each run: wall s, CPU s (user + system), CPU/wall (how many cores it kept busy)
# and peak RSS, and the load average before it: on a shared machine read the speed-up beside
# the load (other processes take cores from -j 2, never from -j 1's single thread).
set -euo pipefail

files=${FILES:-8}
pages=${PAGES:-150}
parts=${PARTS:-speed memory}
counts=${COUNTS:-1 4 16 64 128}
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"

# PostgreSQL rows: a throwaway server (tests/postgres_server.sh) on a socket in the work folder,
# its database emptied before each run, as each run starts from an empty OUTDIR/poa.sqlite.
pg=""
if "$root/tests/postgres_server.sh" start "$work/pg" >/dev/null && [[ $(cat "$work/pg/server") != SKIP* ]]; then
  pg=$(cat "$work/pg/server")
  trap '"$root/tests/postgres_server.sh" stop "$work/pg" >/dev/null; rm -rf "$work"' EXIT
else
  echo "(sin filas de PostgreSQL: $(cat "$work/pg/server" 2>/dev/null))"
fi
pg_url="postgresql://poa_test@/bench?host=$pg"
bench_before() {
  rm -rf "$work/out"
  if [[ -n $pg ]]; then
    PGOPTIONS='-c client_min_messages=warning' psql -q -h "$pg" -U poa_test -d postgres \
      -c 'DROP DATABASE IF EXISTS bench' \
      -c 'CREATE DATABASE bench' >/dev/null
  fi
}

# Distinct documents (one seed each), so the database holds every one (rows are keyed by sha256).
mkdir -p "$work/in"
for ((i = 1; i <= files; i++)); do
  "$gen" --pages "$pages" --seed "$((2022 + i))" -o "$work/in/poa-$i.pdf" >/dev/null
done
total_pages=0
for f in "$work"/in/*.pdf; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  total_pages=$((total_pages + ${n:-0}))
done
echo "lote: $files PDF, $total_pages páginas"

# Runs poa convert with "$@" into a fresh folder; prints "<wall s> <cpu s> <peak RSS KiB>".
convert() { measure "$poa" convert "$@" -o "$work/out" -q --no-progress; }

row() {
  local label=$1
  shift
  local load wall cpu rss
  load=$(cut -d' ' -f1 /proc/loadavg)
  read -r wall cpu rss < <(best_of "$poa" convert "$@" -o "$work/out" -q --no-progress)
  awk -v l="$label" -v w="$wall" -v c="$cpu" -v r="$rss" -v p="$total_pages" -v ld="$load" \
    'BEGIN { printf "| %-24s | %7.2f | %6.2f | %5.2f | %7.1f | %4d MiB | %4s |\n", l, w, c, c / w, p / w, r / 1024, ld }'
  echo "$wall" >"$work/last_wall"
  echo "$cpu" >"$work/last_cpu"
}

if [[ " $parts " == *" speed "* ]]; then
echo "| run                      |  wall s |  CPU s | CPU/wall | pág/s | RSS | load |"
echo "|--------------------------|--------:|-------:|------:|--------:|---------:|-----:|"
row "json -j 1" "$work/in" --format json -j 1
one=$(cat "$work/last_wall")
one_cpu=$(cat "$work/last_cpu")
row "json -j 2" "$work/in" --format json -j 2
two=$(cat "$work/last_wall")
two_cpu=$(cat "$work/last_cpu")
row "sqlite -j 1" "$work/in" --format sqlite -j 1
row "sqlite -j 2" "$work/in" --format sqlite -j 2
row "json,csv,sqlite -j 2" "$work/in" --format json,csv,sqlite -j 2
if [[ -n $pg ]]; then
  row "postgresql -j 1" "$work/in" --db "$pg_url" -j 1
  row "postgresql -j 2" "$work/in" --db "$pg_url" -j 2
  row "json,csv,postgresql -j 2" "$work/in" --format json,csv --db "$pg_url" -j 2
fi
awk -v a="$one" -v b="$two" 'BEGIN { printf "speed-up -j 2 / -j 1 (json, wall): %.2fx\n", a / b }'
# On a busy machine the wall time says little: -j 2 must at least not cost more CPU than -j 1.
awk -v a="$one_cpu" -v b="$two_cpu" 'BEGIN { printf "CPU -j 2 / -j 1 (json): %.2f\n", b / a }'
fi
[[ " $parts " == *" memory "* ]] || exit 0

# Peak memory against the number of files (the FILES documents again and again), json,csv,sqlite:
# it must stay flat, bounded by the largest document (and -j), not by the batch.
echo
echo "| files | pages | RSS -j 1 | RSS -j 2 |"
echo "|------:|------:|---------:|---------:|"
mkdir -p "$work/many"
for n in $counts; do
  rm -rf "$work/many"/*
  for ((i = 1; i <= n; i++)); do ln -s "$work/in/poa-$(((i - 1) % files + 1)).pdf" "$work/many/poa-$i.pdf"; done
  p=$(( (total_pages / files) * n ))
  read -r _ _ r1 < <(convert "$work"/many/*.pdf --format json,csv,sqlite -j 1)
  read -r _ _ r2 < <(convert "$work"/many/*.pdf --format json,csv,sqlite -j 2)
  printf '| %5d | %5d | %4d MiB | %4d MiB |\n' "$n" "$p" $((r1 / 1024)) $((r2 / 1024))
done
