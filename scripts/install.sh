#!/usr/bin/env bash
# Install or upgrade Warkat on a Debian 12 server from this checkout (docs/DEPLOY.md).
#   scripts/install.sh              as root: packages, users, files, venv, database, services
#   scripts/install.sh --root DIR   (or DESTDIR=DIR) every file under DIR, for tests and
#                                   packaging: no apt, no useradd, no systemctl; owners are set
#                                   when the users exist (and we are root), modes always.
# Running it again upgrades in place: the venv gets this checkout, data and config are kept.
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
ROOT=${DESTDIR:-}
while [ $# -gt 0 ]; do
  case $1 in
    --root) ROOT=${2:?--root memerlukan folder}; shift 2 ;;
    --root=*) ROOT=${1#--root=}; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "install.sh: pilihan tidak dikenal: $1" >&2; exit 2 ;;
  esac
done
ROOT=${ROOT%/}
PYTHON=${PYTHON:-/usr/bin/python3}
# The service user and group, and the OS group of the staff who log in over SSH. Other names
# than warkat / warkat-staf are for tests, which must not touch a real install's accounts.
SVC=${WARKAT_SERVICE_USER:-warkat}
STAFF=${WARKAT_STAFF_GROUP:-warkat-staf}
DATA=/var/lib/warkat
ETC=/etc/warkat
APP=/opt/warkat
VENV=$APP/venv
BIN=/usr/local/bin/warkat
PACKAGES=(python3 python3-venv fonts-dejavu-core cups-client sudo
          openssh-server util-linux)
umask 022

say() { echo "warkat-install: $*"; }
die() { echo "warkat-install: $*" >&2; exit 1; }
real() { [ -z "$ROOT" ]; }
systemd_up() { real && [ -d /run/systemd/system ]; }
# owner USER GROUP: "USER:GROUP" when we may and can chown to them, else empty.
owner() {
  if [ "$(id -u)" -eq 0 ] && getent passwd "$1" >/dev/null && getent group "$2" >/dev/null; then
    echo "$1:$2"
  fi
}
# render FILE: deploy/FILE into the build folder, with the names above.
render() {
  sed -e "s/warkat-staf/$STAFF/g" -e "s/-u warkat /-u $SVC /g" -e "s/(warkat)/($SVC)/g" \
    -e "s/^User=warkat\$/User=$SVC/" -e "s/^Group=warkat\$/Group=$SVC/" \
    "$SRC/deploy/$1" >"$build/deploy/$1"
}
# put MODE OWNER SOURCE DEST: install a file (always replaced: it is ours, not the admin's).
put() {
  install -m "$1" "$3" "$ROOT$4"
  [ -z "$2" ] || chown "$2" "$ROOT$4"
}
dir() {
  install -d -m "$1" "$ROOT$3"
  chmod "$1" "$ROOT$3"
  [ -z "$2" ] || chown "$2" "$ROOT$3"
}

for name in "$SVC" "$STAFF"; do
  [[ $name =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || die "nama akun tidak sah: $name"
done
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
mkdir "$build/deploy"

if real; then
  [ "$(id -u)" -eq 0 ] || die "jalankan sebagai root (sudo make install), atau pakai --root FOLDER"
  missing=()
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "memasang paket Debian: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  getent group "$SVC" >/dev/null || groupadd --system "$SVC"
  getent passwd "$SVC" >/dev/null ||
    useradd --system --gid "$SVC" --home-dir "$DATA" --no-create-home \
      --shell /usr/sbin/nologin --comment "Warkat (layanan)" "$SVC"
  getent group "$STAFF" >/dev/null || groupadd --system "$STAFF"
  # dialout: the fax modem (warkat fax modem-info); lp: a raw dot-matrix printer.
  usermod -a -G dialout,lp "$SVC"
fi
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  die "$PYTHON harus Python 3.11 atau lebih baru"

SVC_OWN=$(owner "$SVC" "$SVC")
CONF_OWN=$(owner root "$SVC")
ROOT_OWN=$(owner root root)

dir 0755 "$ROOT_OWN" "$APP"
dir 0750 "$CONF_OWN" "$ETC"
dir 0700 "$SVC_OWN" "$DATA"
for d in /usr/local/bin /etc/systemd/system /etc/ssh/sshd_config.d /etc/sudoers.d; do
  install -d -m 0755 "$ROOT$d"
done

say "memasang aplikasi ke $ROOT$VENV"
[ -x "$ROOT$VENV/bin/python" ] || "$PYTHON" -m venv "$ROOT$VENV"
# A copy, so that building leaves nothing in the checkout.
cp -r "$SRC/pyproject.toml" "$SRC/README.md" "$SRC/model" "$SRC/hw" "$SRC/mail" "$SRC/print" \
  "$SRC/spool" "$SRC/tui" "$build/"
find "$build" -name __pycache__ -prune -exec rm -rf {} +
"$ROOT$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-warn-script-location \
  -c "$SRC/constraints.txt" "$build"  # a local project is always reinstalled
put 0644 "$ROOT_OWN" "$SRC/docs/DEPLOY.md" "$APP/DEPLOY.md"

for file in warkat warkat-daemon.service warkat-backup.service warkat-backup.timer \
    sshd-warkat.conf sudoers-warkat; do
  render "$file"
done
put 0755 "$ROOT_OWN" "$build/deploy/warkat" "$BIN"
for unit in warkat-daemon.service warkat-backup.service warkat-backup.timer; do
  put 0644 "$ROOT_OWN" "$build/deploy/$unit" "/etc/systemd/system/$unit"
done
put 0644 "$ROOT_OWN" "$build/deploy/sshd-warkat.conf" /etc/ssh/sshd_config.d/warkat.conf
if command -v visudo >/dev/null; then
  visudo -q -c -f "$build/deploy/sudoers-warkat" >/dev/null || die "deploy/sudoers-warkat tidak sah"
fi
put 0440 "$ROOT_OWN" "$build/deploy/sudoers-warkat" /etc/sudoers.d/warkat

CONF=$ETC/warkat.toml
if [ -e "$ROOT$CONF" ]; then
  say "konfigurasi $ROOT$CONF sudah ada: tidak diubah"
else
  say "menulis konfigurasi awal $ROOT$CONF"
  "$ROOT$VENV/bin/python" -c 'import sys; from model.config import TEMPLATE
sys.stdout.write(TEMPLATE)' >"$ROOT$CONF"
fi
chmod 0640 "$ROOT$CONF"
[ -z "$CONF_OWN" ] || chown "$CONF_OWN" "$ROOT$CONF"

was_running=no
if systemd_up && systemctl -q is-active warkat-daemon.service; then
  systemctl stop warkat-daemon.service
  was_running=yes
fi
say "menyiapkan folder data $ROOT$DATA (basis data, migrasi)"
init=(env "WARKAT_HOME=$ROOT$DATA" "WARKAT_CONFIG=$ROOT$CONF" "$ROOT$VENV/bin/warkat" init)
# The data stay the service's alone, whoever made a file (a recreated user, a root command).
private_data() {
  [ -z "$SVC_OWN" ] || chown -R "$SVC_OWN" "$ROOT$DATA"
  chmod -R go-rwx "$ROOT$DATA"
}
if real; then
  private_data
  (umask 077; cd /; runuser -u "$SVC" -- "${init[@]}" >/dev/null)
else
  (umask 077; "${init[@]}" >/dev/null)
  private_data
fi

if systemd_up; then
  systemctl daemon-reload
  systemctl enable -q warkat-daemon.service warkat-backup.timer
  systemctl restart warkat-daemon.service
  systemctl start warkat-backup.timer
  if [ "$was_running" = yes ]; then say "daemon dijalankan ulang"; else say "daemon dijalankan"; fi
  if /usr/sbin/sshd -t; then
    systemctl reload-or-restart ssh.service
  else
    say "PERHATIAN: konfigurasi sshd tidak sah, ssh tidak dimuat ulang"
  fi
elif real; then
  say "systemd tidak berjalan: jalankan daemon sendiri (warkat daemon) dan muat ulang sshd"
fi
say "selesai: $("$ROOT$VENV/bin/warkat" --version)"
