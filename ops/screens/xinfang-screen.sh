#!/usr/bin/env bash
# Full-screen Chromium for a kiosk, the hall board, a window screen or a window's evaluator (README "Installing in a hall").
#   xinfang-screen.sh [--print] [ROLE [SERVER [WINDOW]]]
# ROLE is kiosk, board, window or evaluator; without arguments the values come from
# /etc/xinfang-hall/screen.env (SERVER=http://HALL:3000, ROLE=window, WINDOW=3). PAIR=<code> (from
# the console's 管理 → 设备) pairs the screen on its first start; the token then stays in the profile.
# --print writes the Chromium command line instead of running it.
set -euo pipefail

print=0
if [[ "${1:-}" == "--print" ]]; then print=1; shift; fi
env_file="${XINFANG_SCREEN_ENV:-/etc/xinfang-hall/screen.env}"
# shellcheck source=/dev/null
if [[ -r "$env_file" ]]; then . "$env_file"; fi
ROLE="${1:-${ROLE:-}}"
SERVER="${2:-${SERVER:-}}"
WINDOW="${3:-${WINDOW:-}}"
SERVER="${SERVER%/}"

case "$ROLE" in
  kiosk) url="$SERVER/kiosk/" ;;
  board) url="$SERVER/display/" ;;
  window)
    [[ "$WINDOW" =~ ^[0-9]+$ ]] || { echo "window needs WINDOW=<number>" >&2; exit 2; }
    url="$SERVER/display/?window=$WINDOW" ;;
  evaluator)
    [[ "$WINDOW" =~ ^[0-9]+$ ]] || { echo "evaluator needs WINDOW=<number>" >&2; exit 2; }
    url="$SERVER/display/?window=$WINDOW&evaluator" ;;
  *) echo "usage: $0 [--print] kiosk|board|window|evaluator SERVER [WINDOW]" >&2; exit 2 ;;
esac
[[ "$SERVER" =~ ^https?:// ]] || { echo "SERVER must be http(s)://host:port" >&2; exit 2; }

chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || echo chromium)}"
profile="${XDG_CACHE_HOME:-$HOME/.cache}/xinfang-screen-$ROLE"
args=(--kiosk --autoplay-policy=no-user-gesture-required --noerrdialogs
  --disable-session-crashed-bubble --disable-infobars --check-for-update-interval=31536000
  --overscroll-history-navigation=0 --disable-pinch --no-first-run "--user-data-dir=$profile")
if [[ "$ROLE" == kiosk || "$ROLE" == evaluator ]]; then args+=(--touch-events=enabled); fi

# The pairing code is used once, while the profile (where the device token will live) is new.
first_url="$url"
if [[ -n "${PAIR:-}" && ! -d "$profile" ]]; then
  [[ "$PAIR" =~ ^[0-9]{8}$ ]] || { echo "PAIR must be the 8-digit pairing code" >&2; exit 2; }
  [[ "$url" == *\?* ]] && first_url="$url&pair=$PAIR" || first_url="$url?pair=$PAIR"
fi

if ((print)); then printf '%s\n' "$chromium ${args[*]} $first_url"; exit 0; fi

# No blanking under X; on Wayland the compositor's idle settings do this instead.
if [[ -n "${DISPLAY:-}" ]] && command -v xset >/dev/null; then xset s off -dpms s noblank || true; fi
# Chromium is restarted when it ends. The profile is kept (it holds the device token); only its
# crash flags are reset, so no "restore pages" prompt covers the screen.
prefs="$profile/Default/Preferences"
start="$first_url"
while true; do
  if [[ -f "$prefs" ]]; then
    sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[^"]*"/"exit_type":"Normal"/' "$prefs"
  fi
  "$chromium" "${args[@]}" "$start" || true
  start="$url"
  sleep 3
done
