#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver) for the browser tests
# (services/hyoka-web/README.md) when either is missing, with Debian's Noto CJK fonts (the UI's screenshots are in
# Japanese; without them Chromium draws boxes). Nothing happens when all are there. Needs root, or sudo.
set -euo pipefail
cjk=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver && -f "$cjk" ]]; then
  exit 0
fi
"$(dirname "$0")/apt-install.sh" "the browser tests" chromium chromium-driver fonts-noto-cjk
