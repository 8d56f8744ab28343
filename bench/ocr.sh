#!/usr/bin/env bash
# OCR time per page (issue 8): `poa convert` of long scanned POAs made of the scan fixtures' pages
# (fixtures/pdf/scans: one image a page, no text layer), on one core and on all cores; wall and
# CPU time per page, and peak RSS, which must not grow with the number of pages (only with the
# pages read at once: one per OCR thread).
#   bench/ocr.sh                            uses ./build; PAGES="1 4 16 32" KINDS="300 200" RUNS=1
#   BUILD=build-release RUNS=3 bench/ocr.sh
#   KINDS=fax PAGES="2 8" bench/ocr.sh
# Kinds (the fixture whose pages are repeated): 300 = wrapped_cells_300dpi_skewed (300 ppp grey
# JPEG, +1.2°, noise), 200 = full_month_names_200dpi_noisy (200 ppp grey JPEG, −1.5°, noise: read
# enlarged to 300), fax = missing_labels_fax_200dpi (200 ppp, one bit a pixel).
# One core is `taskset -c CORE`: poa reads as many OCR pages at once as it may use cores (its
# affinity), so one page at a time there. On a busy machine compare CPU s: wall s also counts
# waiting for a core, and "all cores" only gets the cores other processes leave.
set -euo pipefail

pages_list=${PAGES:-1 4 16 32}
kinds=${KINDS:-300 200}
core=${CORE:-0}
RUNS=${RUNS:-1}  # OCR takes seconds a page: one run each unless asked
needs_gen=0
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"
bench_need qpdf pdfinfo taskset nproc

declare -A fixture=(
  [300]=wrapped_cells_300dpi_skewed
  [200]=full_month_names_200dpi_noisy
  [fax]=missing_labels_fax_200dpi
)

# A PDF of `count` pages: the fixture's pages over and over (qpdf copies the images untouched).
long_scan() {
  local src=$1 count=$2 out=$3 have copies args=()
  have=$(pdfinfo "$src" | awk '/^Pages:/ { print $2 }')
  copies=$(((count + have - 1) / have))
  for ((i = 0; i < copies; i++)); do args+=("$src"); done
  qpdf --empty --pages "${args[@]}" -- "$work/copies.pdf"
  qpdf --empty --pages "$work/copies.pdf" "1-$count" -- "$out"
}

printf '| %-5s | %5s | %-8s | %7s | %7s | %8s | %8s | %7s | %5s |\n' escaneo páginas núcleos \
  "pared s" "CPU s" "pared/pág" "CPU/pág" RSS carga
echo "|-------|------:|----------|--------:|--------:|---------:|---------:|--------:|------:|"
for kind in $kinds; do
  [[ -n ${fixture[$kind]:-} ]] || { echo "tipo desconocido: $kind (300, 200, fax)" >&2; exit 2; }
  src=$root/fixtures/pdf/scans/${fixture[$kind]}/input.pdf
  for pages in $pages_list; do
    pdf=$work/scan-$kind-$pages.pdf
    long_scan "$src" "$pages" "$pdf"
    for cores in 1 all; do
      if [[ $cores == 1 ]]; then pin=(taskset -c "$core"); else pin=(); fi
      load=$(cut -d' ' -f1 /proc/loadavg)
      read -r wall cpu rss < <(best_of "$poa" convert "$pdf" -o "$work/out" --format json -q \
        --no-progress)
      label=$cores
      [[ $cores == all ]] && label="todos ($(nproc))"
      awk -v k="$kind" -v p="$pages" -v c="$label" -v w="$wall" -v u="$cpu" -v r="$rss" \
        -v l="$load" 'BEGIN { printf "| %-5s | %5d | %-8s | %7.2f | %7.2f | %8.2f | %8.2f | %3d MiB | %5s |\n",
          k, p, c, w, u, w / p, u / p, r / 1024, l }'
    done
  done
done
echo "(mejor de $runs; un núcleo: taskset -c $core; CPU = usuario + sistema; RSS máximo según /usr/bin/time)"
