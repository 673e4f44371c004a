#!/usr/bin/env bash
# Installs every Debian 12 package vncite needs to build, test and fuzz.
# Idempotent: installs only what is missing; needs root (or sudo) only then.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libxapian-dev xapian-tools            # the index; xapian-tcpsrv for remote shards
  libicu-dev libutf8proc-dev            # word breaking, conversion; NFC, case folding
  libjansson-dev libcsv-dev libxml2-dev libzip-dev libmicrohttpd-dev
  zlib1g-dev                            # stored citation records (common/stored.c)
  libcmocka-dev                         # unit tests
  clang libclang-rt-14-dev              # libFuzzer and sanitizers
  valgrind graphviz python3 python3-networkx
  time libsqlite3-dev libpcre2-dev ripgrep   # tools/bench (VNCITE_BENCH=ON): /usr/bin/time, FTS5, PCRE2, rg
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
