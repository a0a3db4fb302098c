#!/usr/bin/env bash
# Page 1 of the nomination paper as the README shows it: the shipped example
# written as .docx, printed to PDF by LibreOffice, page 1 turned into a PNG.
# Needs soffice (libreoffice-writer-nogui) and pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet -- nominate examples/ninh-phuoc-2023.csv \
  --individuals examples/ninh-phuoc-2023-canhan.csv \
  --doc examples/van-ban.yaml -o "$tmp/de-nghi.docx"
soffice "-env:UserInstallation=file://$tmp/lo" --headless \
  --convert-to pdf --outdir "$tmp" "$tmp/de-nghi.docx" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/de-nghi.pdf" docs/de-nghi-trang-1
echo "docs/de-nghi-trang-1.png"
