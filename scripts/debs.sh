#!/usr/bin/env bash
# Install the Debian packages the tests use (real Dovecot, CUPS with cups-pdf, poppler,
# DejaVu fonts, PostgreSQL; OpenSSH, sudo, systemd-analyze and python3-venv for the server
# install; SpanDSP, libtiff and a C compiler to build the Class 1 fax far end), only those
# missing, and only when running as root.
set -euo pipefail
want=(dovecot-core dovecot-imapd cups cups-client printer-driver-cups-pdf poppler-utils
      fonts-dejavu-core e2fsprogs postgresql tmux openssh-server openssh-client sudo systemd
      python3-venv procps libspandsp-dev libtiff-dev gcc libc6-dev pkg-config)
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Paket Debian belum terpasang: ${missing[*]} (jalankan sebagai root: apt-get install ${missing[*]})" >&2
  exit 0
fi
echo "Memasang paket Debian: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
