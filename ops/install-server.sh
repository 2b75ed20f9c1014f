#!/usr/bin/env bash
# Installs the hall server as a systemd service (README "Installing in a hall"). Run as root from
# /opt/xinfang-hall after `npm ci`:  sudo ops/install-server.sh [--dry-run]
# Safe to run again (after an update too): existing users and settings are kept.
set -euo pipefail

app="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
unit=/etc/systemd/system/xinfang-hall.service
env_file=/etc/xinfang-hall/hall.env
run() { if [[ "${dry:-0}" == 1 ]]; then echo "+ $*"; else "$@"; fi; }
dry=0
if [[ "${1:-}" == "--dry-run" ]]; then dry=1; elif [[ $EUID -ne 0 ]]; then
  echo "run as root (or with --dry-run)" >&2; exit 1
fi

if ! getent group xinfang >/dev/null; then run groupadd --system xinfang; fi
if ! getent passwd xinfang >/dev/null; then
  run useradd --system --gid xinfang --home-dir /var/lib/xinfang-hall --no-create-home \
    --shell /usr/sbin/nologin xinfang
fi
run usermod --append --groups dialout xinfang
run install -d -m 0750 -g xinfang /etc/xinfang-hall
if [[ ! -e "$env_file" ]]; then
  run install -m 0600 -o xinfang -g xinfang "$app/.env.example" "$env_file"
  # The env file wins over the unit's Environment=: point it at the state directory.
  run sed -i 's#^HALL_DATA_DIR=.*#HALL_DATA_DIR=/var/lib/xinfang-hall#' "$env_file"
fi
# The service cannot write to the application folder: compile the server and build the apps now.
run bash -c "cd '$app' && node scripts/build.mjs"
run install -m 0644 "$app/ops/systemd/xinfang-hall.service" "$unit"
run systemctl daemon-reload
run systemctl enable xinfang-hall
run systemctl restart xinfang-hall
