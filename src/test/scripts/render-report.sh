#!/usr/bin/env bash
# Renders a consolidated workbook to PDF and PNG pages with LibreOffice, to look at it as a user
# would (and to check it opens without repair). Usage:
#   src/test/scripts/render-report.sh [output/2022/Relazione-2022.xlsx]
# Needs the Debian packages libreoffice-calc and poppler-utils (not needed by the build or CI).
set -euo pipefail
cd "$(dirname "$0")/../../.."
workbook="${1:-$(ls -t output/*/Relazione-*.xlsx 2>/dev/null | head -n 1)}"
[ -n "$workbook" ] && [ -f "$workbook" ] || { echo "no workbook: run the tool first or pass a path" >&2; exit 1; }
out="target/render/$(basename "$workbook" .xlsx)"
rm -rf "$out" && mkdir -p "$out"
# Italian locale: numbers read 99,89 % as an Italian user sees them.
LC_ALL=it_IT.UTF-8 soffice --headless --convert-to pdf --outdir "$out" "$workbook" >/dev/null
pdf="$out/$(basename "$workbook" .xlsx).pdf"
pdftoppm -png -r 60 "$pdf" "$out/page"
echo "$(ls "$out"/page*.png | wc -l) pages in $out"
