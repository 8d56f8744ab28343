#!/usr/bin/env bash
# Times `poa convert` (JSON and CSV) against `pdftotext -tsv` on generated 30- and 300-page POA
# PDFs, on one core: best wall time of 3 runs each, the ratio poa/pdftotext, and peak RSS (then
# `poa review` of the same PDFs: time, memory, output size, largest HTML page); and,
# when Debian's python3-fitz is installed, against PyMuPDF's word list (page.get_text("words"),
# the fastest text layer we know; its time includes Python's start-up and `import fitz`).
#   bench/run.sh                  uses ./build (cmake -S . -B build && cmake --build build)
#   BUILD=build-release bench/run.sh
#   PAGES="30 300 1000" RUNS=5 bench/run.sh
set -euo pipefail

pages_list=${PAGES:-30 300}
core=${CORE:-0}
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"
bench_need pdftotext taskset
pin=(taskset -c "$core")

pymupdf=""
if /usr/bin/python3 -c 'import fitz' 2>/dev/null; then
  pymupdf=$work/words.py
  printf 'import sys, fitz\nfor page in fitz.open(sys.argv[1]):\n    page.get_text("words")\n' >"$pymupdf"
fi

printf '%-8s| %-28s| %-28s| %-15s| %s\n' "" "poa convert (json,csv)" "pdftotext -tsv" "poa/pdftotext" \
  "PyMuPDF words: CPU s, poa/PyMuPDF CPU"
printf '%-9s| %-9s %-8s %-9s| %-9s %-8s %-9s| %-6s %-8s|\n' páginas "pared s" "CPU s" RSS \
  "pared s" "CPU s" RSS pared CPU
for pages in $pages_list; do
  pdf=$work/poa-$pages.pdf
  "$gen" --pages "$pages" -o "$pdf" >"$work/gen.txt"
  actual=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  read -r poa_w poa_c poa_m < <(best_of "$poa" convert "$pdf" -o "$work/out-$pages" --format json,csv -q)
  read -r txt_w txt_c txt_m < <(best_of pdftotext -tsv "$pdf" /dev/null)
  ratio_w=$(awk -v a="$poa_w" -v b="$txt_w" 'BEGIN { printf "%.2f", a / b }')
  ratio_c=$(awk -v a="$poa_c" -v b="$txt_c" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), (b > 0 ? a / b : 0) }')
  fitz_col="(sin python3-fitz)"
  if [[ -n $pymupdf ]]; then
    read -r _ fitz_c _ < <(best_of /usr/bin/python3 "$pymupdf" "$pdf")
    fitz_col="$fitz_c $(awk -v a="$poa_c" -v b="$fitz_c" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), (b > 0 ? a / b : 0) }')"
  fi
  printf '%-8s| %-9s %-8s %-9s| %-9s %-8s %-9s| %-6s %-8s| %s\n' "${actual:-$pages}" "$poa_w" \
    "$poa_c" "$((poa_m / 1024)) MiB" "$txt_w" "$txt_c" "$((txt_m / 1024)) MiB" "$ratio_w" \
    "$ratio_c" "$fitz_col"
done
echo "(mejor de $runs ejecuciones, un núcleo: taskset -c $core; RSS máximo según /usr/bin/time)"

# The review report of the same PDFs (poa review): page images rendered and written as PNG.
echo
printf '%-8s| %-28s| %s\n' "" "poa review (informe html)" "salida"
printf '%-9s| %-9s %-8s %-9s| %-9s %-9s %-9s %s\n' páginas "pared s" "CPU s" RSS total PNG \
  "HTML máx" "páginas html"
for pages in $pages_list; do
  pdf=$work/poa-$pages.pdf
  actual=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  rm -rf "$work/review-$pages"
  read -r rev_w rev_c rev_m < <(best_of "$poa" review "$pdf" -o "$work/review-$pages" -q)
  total=$(du -sk "$work/review-$pages" | cut -f1)
  png=$(find "$work/review-$pages" -name '*.png' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s / 1024 }')
  biggest=$(find "$work/review-$pages" -name '*.html' -printf '%s\n' | sort -n | tail -n 1)
  parts=$(find "$work/review-$pages" -name '*.html' ! -name index.html | wc -l)
  printf '%-8s| %-9s %-8s %-9s| %-9s %-9s %-9s %s\n' "${actual:-$pages}" "$rev_w" "$rev_c" \
    "$((rev_m / 1024)) MiB" "$((total / 1024)) MiB" "$((png / 1024)) MiB" \
    "$((biggest / 1024)) KiB" "$parts"
done
