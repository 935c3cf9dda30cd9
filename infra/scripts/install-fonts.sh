#!/usr/bin/env bash
# Installs Debian's IPAex fonts (fonts-ipaexfont-mincho, fonts-ipaexfont-gothic) when missing: the PDF export embeds
# IPAex明朝 (hyoka.export.pdf.font, default /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf; a plain TrueType
# file PDFBox can subset) and DejaVu Sans for ☑/☐ (fonts-dejavu-core). Nothing is ever downloaded at run time; without
# the font the server still starts and refuses PDF exports with PDF_UNAVAILABLE. Needs root, or sudo.
set -euo pipefail
font=/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf
symbols=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
if [[ -f "$font" && -f "$symbols" ]]; then
  exit 0
fi
"$(dirname "$0")/apt-install.sh" "the PDF export" fonts-ipaexfont-mincho fonts-ipaexfont-gothic fonts-dejavu-core
