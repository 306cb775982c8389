#!/bin/sh
# Regenerates the office fixtures in convert/testdata/ from the flat OpenDocument sources in
# this folder (invented content, RFC 2606 example domains) and gen-long.py. Needs LibreOffice
# and Python 3. Run from convert/testdata/src; commit the results.
set -eu
profile=$(mktemp -d)
trap 'rm -rf "$profile" ls-long.fodt' EXIT
lo() { soffice -env:UserInstallation="file://$profile" --headless --norestore --convert-to "$1" --outdir .. "$2"; }
for f in docx odt doc rtf pdf; do lo "$f" ls-sample.fodt; done
for f in xlsx ods; do lo "$f" ls-sheet.fods; done
for f in pptx odp; do lo "$f" ls-slides.fodp; done
python3 gen-long.py
lo pdf ls-long.fodt
