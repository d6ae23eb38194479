#!/usr/bin/env bash
# Make sure the Debian packages the project needs are present.
#   ensure_system_packages.sh pdf       WeasyPrint's libraries (always required)
#   ensure_system_packages.sh browser   Debian's chromium for the browser tests (optional)
# As root, missing packages are installed with apt-get. Otherwise a missing PDF library
# stops with the package names to install; a missing browser only warns, and the browser
# tests are skipped.
set -euo pipefail

want="${1:-pdf}"
pdf_packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core)
browser_packages=(chromium)

missing_of() {
  local out=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out+=("$p")
  done
  echo "${out[@]:-}"
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "ensure_system_packages: not a Debian system; make sure Pango and HarfBuzz (with hb-subset) are installed." >&2
  exit 0
fi

if [ "$want" = "browser" ]; then
  packages=("${browser_packages[@]}")
else
  packages=("${pdf_packages[@]}")
fi
missing=$(missing_of "${packages[@]}")
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi

if [ "$want" = "browser" ]; then
  echo "WARNING: Debian's chromium is not installed and this is not root, so the browser" >&2
  echo "WARNING: tests will be SKIPPED. Install it with: sudo apt-get install chromium" >&2
  exit 0
fi
echo "Missing Debian packages needed to make PDFs: $missing" >&2
echo "Install them with: sudo apt-get install $missing" >&2
exit 1
