#!/usr/bin/env bash
# CI: build the one-folder app with PyInstaller and run its self-test offscreen (issue 14).
# Assumes .ci/run has set up .venv with `python3 packaging/dev.py test` (apt libraries included);
# `dev.py freeze` adds the build extra (PyInstaller, the PostgreSQL driver, SQLCipher), builds
# dist/sip-desk/, runs `dist/sip-desk/sip-desk --self-test` with no display and prints the size.
# Exits non-zero when the build or any self-test check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

export QT_QPA_PLATFORM=offscreen
unset DISPLAY WAYLAND_DISPLAY
started=$(date +%s)

echo "== frozen app (README: python3 packaging/dev.py freeze)"
python3 packaging/dev.py freeze

echo "== bundle"
du -sh dist/sip-desk
echo "frozen.sh took $(( $(date +%s) - started )) s"
