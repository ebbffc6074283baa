#!/usr/bin/env bash
# Installs what Ecosol needs on Debian 12: build tools and libraries, the PostgreSQL 15 server used
# by the tests, Chromium for the browser tests, and the web app's npm packages.
# Idempotent: packages already present are skipped, and nothing is fetched when all are there.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ccache clang-format clang libclang-rt-14-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-contrib
  nlohmann-json3-dev libcli11-dev libcpp-httplib-dev libfmt-dev
  libutf8proc-dev libstemmer-dev libsodium-dev libssl-dev libjemalloc-dev libgtest-dev libgmock-dev libbenchmark-dev
  libyaml-cpp-dev libre2-dev libhyperscan-dev libpoppler-cpp-dev libzip-dev libxml2-dev ripgrep
  libvalijson-dev libeigen3-dev libtomlplusplus-dev libserd-dev serdi raptor2-utils libigraph-dev python3-igraph python3-networkx
  coinor-libcbc-dev
  libcairo2-dev libpango1.0-dev librsvg2-dev fonts-dejavu-core
  chromium chromium-driver wrk curl iproute2 jq python3 systemd
)
# Node.js may come from another package source (its own npm included): install Debian's only if
# there is no node at all.
command -v node >/dev/null 2>&1 || DEBIAN_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || DEBIAN_PACKAGES+=(npm)

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "bootstrap: Debian packages present"
fi

# PostgreSQL's Debian package creates and starts a default cluster; Ecosol's tests start their own
# throwaway cluster instead and do not need it.

if [ -f web/package.json ]; then
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    echo "bootstrap: installing npm packages for web/"
    (cd web && npm ci --no-audit --no-fund)
  else
    echo "bootstrap: npm packages present"
  fi
fi
