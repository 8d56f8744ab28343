#!/usr/bin/env bash
# Time per page on empty pages (issue 12, item 6): `poa convert` reads every page of a PDF
# without text before it refuses it (PDF_NO_TEXT); the CPU time per 1,000 pages must be flat
# from 1,000 to 100,000 pages. Not a test: prints one line per size, with pdftotext -tsv beside.
#   bench/empty_pages.sh                 uses ./build
#   PAGES="1000 100000" BUILD=build-release bench/empty_pages.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build}
[[ $build == /* ]] || build=$root/$build
pages_list=${PAGES:-1000 10000 100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# CPU seconds (user + system) and peak RSS KiB of "$@", whatever its exit status.
cpu_of() {
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%.2f %d\n", $1 + $2, $3 }' <(tail -n 1 "$work/time")
}

printf '%8s %10s %14s %9s %14s\n' pages "poa CPU s" "poa s/1000 p" "poa RSS" "pdftotext CPU s"
for n in $pages_list; do
  python3 "$root/bench/empty_pages_pdf.py" "$n" "$work/empty.pdf"
  read -r poa_cpu poa_rss < <(cpu_of "$build/poa" convert "$work/empty.pdf" -o "$work/out" -q)
  read -r pt_cpu _ < <(cpu_of pdftotext -tsv "$work/empty.pdf" /dev/null)
  awk -v n="$n" -v c="$poa_cpu" -v r="$poa_rss" -v p="$pt_cpu" \
    'BEGIN { printf "%8d %10.2f %14.4f %6d MiB %14.2f\n", n, c, c / n * 1000, r / 1024, p }'
done
