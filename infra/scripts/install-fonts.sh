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
if [[ "$(id -u)" -eq 0 ]]; then
  sudo=()
elif command -v sudo > /dev/null; then
  sudo=(sudo)
else
  echo "install-fonts.sh: $font or $symbols is missing and this user cannot install packages (not root, no sudo):" \
    "apt-get install fonts-ipaexfont-mincho fonts-ipaexfont-gothic fonts-dejavu-core, else PDF exports are refused" >&2
  exit 1
fi
echo "Installing Debian's fonts-ipaexfont-mincho, fonts-ipaexfont-gothic and fonts-dejavu-core for the PDF export" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq fonts-ipaexfont-mincho fonts-ipaexfont-gothic fonts-dejavu-core > /dev/null
