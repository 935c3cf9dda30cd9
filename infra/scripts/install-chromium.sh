#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver) for the browser tests
# (services/hyoka-web/README.md) when either is missing, with Debian's Noto CJK fonts (the UI's screenshots are in
# Japanese; without them Chromium draws boxes). Nothing happens when all are there. Needs root, or sudo.
set -euo pipefail
cjk=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver && -f "$cjk" ]]; then
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]]; then
  sudo=()
elif command -v sudo > /dev/null; then
  sudo=(sudo)
else
  echo "install-chromium.sh: /usr/bin/chromium or /usr/bin/chromedriver is missing and this user cannot install" \
    "packages (not root, no sudo): apt-get install chromium chromium-driver, then run the tests again" >&2
  exit 1
fi
echo "Installing Debian's chromium, chromium-driver and fonts-noto-cjk for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq chromium chromium-driver fonts-noto-cjk > /dev/null
