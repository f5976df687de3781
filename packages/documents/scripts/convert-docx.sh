#!/bin/sh
# Convert every DOCX under a folder (the demo's whole output, or samples-out/) to PDF with
# LibreOffice headless, next to each DOCX, and report the ones that fail. With --png, also
# PNG pages (pdftoppm, 60 dpi) for looking at them.
#   packages/documents/scripts/convert-docx.sh out/ [--png]
# Needs: libreoffice-writer-nogui (Debian), poppler-utils for --png.
set -eu
dir=${1:?usage: convert-docx.sh DIR [--png]}
png=${2:-}
office=$(command -v soffice || command -v libreoffice || true)
[ -n "$office" ] || { echo "LibreOffice is not installed" >&2; exit 2; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
failed=0
total=0
for f in $(find "$dir" -name '*.docx' | sort); do
  total=$((total + 1))
  out=$(dirname "$f")
  if ! "$office" -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1 \
    || [ ! -s "${f%.docx}.pdf" ]; then
    echo "FAILED: $f" >&2
    failed=$((failed + 1))
    continue
  fi
  if [ "$png" = "--png" ]; then pdftoppm -png -r 60 "${f%.docx}.pdf" "${f%.docx}"; fi
done
echo "converted $((total - failed)) of $total DOCX files"
[ "$failed" -eq 0 ]
