#!/usr/bin/env bash
# Installs Debian packages for the project's scripts (install-chromium.sh, install-fonts.sh): as root, or through
# sudo; without either it says which packages are missing and fails. Usage: apt-install.sh "what for" package...
set -euo pipefail
purpose=$1
shift
if [[ "$(id -u)" -eq 0 ]]; then
  sudo=()
elif command -v sudo > /dev/null; then
  sudo=(sudo)
else
  echo "$(basename "$0"): cannot install packages (not root, no sudo): apt-get install $* ($purpose)" >&2
  exit 1
fi
echo "Installing Debian's $* for $purpose" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "$@" > /dev/null
