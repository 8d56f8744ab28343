#!/usr/bin/env bash
# Installs the Debian 12 packages poa needs, only those that are missing. Safe to run again.
#   scripts/setup-deps.sh          build and run dependencies
#   scripts/setup-deps.sh --test   also what the test suite uses (openpyxl, LibreOffice, pdftotext,
#                                  headless Chromium for the review report's browser tests, and
#                                  PostgreSQL's server, which tests/postgres_server.sh starts)
set -euo pipefail

packages=(build-essential cmake pkg-config
  libpoppler-cpp-dev libpoppler-private-dev libicu-dev rapidjson-dev libcli11-dev libfmt-dev
  libcairo2-dev libpng-dev libxlsxwriter-dev libminizip-dev libpugixml-dev libexpat1-dev libsqlite3-dev libpq-dev libssl-dev zlib1g-dev
  libtesseract-dev libleptonica-dev tesseract-ocr-spa)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev googletest poppler-utils qpdf python3 python3-openpyxl
    libreoffice-calc-nogui libreoffice-writer-nogui fonts-dejavu-core fonts-liberation fonts-crosextra-carlito time
    chromium imagemagick img2pdf postgresql)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
