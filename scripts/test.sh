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
exec "$PYTHON" -m pytest "$@"
