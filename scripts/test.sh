#!/usr/bin/env bash
# The test command (README): make sure what the browser tests need is on the
# machine, then run pytest in the project's virtual environment.
#   - Debian's chromium and a CJK font (fonts-noto-cjk), for Playwright;
#   - axe-core from the npm registry, for the accessibility scan.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1 DEBIAN_FRONTEND=noninteractive

if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "scripts/test.sh: please install Debian's chromium and fonts-noto-cjk (sudo apt-get install chromium fonts-noto-cjk)" >&2
  fi
fi

AXE_DIR=.cache/axe
if [ ! -f "$AXE_DIR/node_modules/axe-core/axe.min.js" ]; then
  mkdir -p "$AXE_DIR"
  npm install --prefix "$AXE_DIR" --no-audit --no-fund --silent axe-core@4 >/dev/null
fi
export XINYU_AXE="$PWD/$AXE_DIR/node_modules/axe-core/axe.min.js"

PYTHON=python3
[ -x .venv/bin/python ] && PYTHON=.venv/bin/python
if [ "$#" -gt 0 ] || [ "$(nproc 2>/dev/null || echo 1)" -lt 2 ]; then
  exec "$PYTHON" -m pytest "$@"
fi

# The whole suite on a machine with a second core: the tests that drive
# Chromium and the others run side by side, in two pytest processes (the
# dependency list has no pytest-xdist); the second one's report follows the
# first's, and the command fails if either does.
BROWSER_LOG=$(mktemp)
trap 'rm -f "$BROWSER_LOG"' EXIT
"$PYTHON" -m pytest -m browser -p no:cacheprovider >"$BROWSER_LOG" 2>&1 &
BROWSER_PID=$!
status=0
"$PYTHON" -m pytest -m "not browser" || status=$?
browser_status=0
wait "$BROWSER_PID" || browser_status=$?
echo
echo "=== tests that drive Chromium (pytest -m browser) ==="
cat "$BROWSER_LOG"
[ "$status" -ne 0 ] && exit "$status"
exit "$browser_status"
