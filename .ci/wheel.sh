#!/usr/bin/env bash
# CI: the wheel works on its own. Builds the sdist and, from it, the wheel; installs the wheel with the
# postgres extra into a fresh virtual environment; runs it from a folder outside the source tree
# against a temporary store (demo, list, PDFs in three scripts, --self-test), and against a fresh
# PostgreSQL database when SIP_DESK_TEST_PG_URL names a server (.ci/run sets it); validates the Linux
# menu entry and AppStream metainfo. Exits non-zero on the first failure.
#
# apt needs (for .ci/run's list): poppler-utils (pdfinfo, pdffonts), desktop-file-utils, appstream,
# and the Qt libraries .ci/run installs already. Run as root, this script installs the missing ones.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$(date +%s)
python=${PYTHON:-python3}
work=$(mktemp -d)
pg_db=""
cleanup() {
    if [[ -n $pg_db ]]; then pg_database drop >/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
pg_database() {  # create|drop: a database of its own on the test server; prints its URL
    "$work/venv/bin/python" - "$SIP_DESK_TEST_PG_URL" "$pg_db" "$1" <<'EOF'
import sys

from sqlalchemy import create_engine, make_url, text

url, name, action = make_url(sys.argv[1]), sys.argv[2], sys.argv[3]
engine = create_engine(url, isolation_level="AUTOCOMMIT")
with engine.connect() as conn:
    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    if action == "create":
        conn.execute(text(f'CREATE DATABASE "{name}"'))
engine.dispose()
print(url.set(database=name).render_as_string(hide_password=False))
EOF
}

need=()
command -v pdfinfo >/dev/null || need+=(poppler-utils)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
if ((${#need[@]})) && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "== wheel: apt packages ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== wheel: Linux menu entry and metainfo"
desktop-file-validate packaging/linux/se.sipdesk.SipDesk.desktop
appstreamcli validate --no-net packaging/linux/se.sipdesk.SipDesk.metainfo.xml

echo "== wheel: build (sdist, then the wheel from the sdist)"
"$python" -m venv "$work/build"
"$work/build/bin/python" -m pip install -q --disable-pip-version-check build
"$work/build/bin/python" -m build -q --outdir "$work/dist" "$root" >/dev/null
wheel=$(ls "$work"/dist/*.whl)
ls -l "$work"/dist

echo "== wheel: install into a fresh virtual environment"
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "${wheel}[postgres]"
bin=$work/venv/bin

echo "== wheel: run from outside the source tree"
mkdir -p "$work/run" "$work/home"
cd "$work/run"
export QT_QPA_PLATFORM=offscreen HOME=$work/home XDG_DATA_HOME=$work/home/.local/share
export SIP_DESK_DB=$work/run/store.sqlite
unset PYTHONPATH
"$bin/python" - "$root" <<'EOF'
import sys
from pathlib import Path

import psycopg  # the postgres extra
import sip_desk

where = Path(sip_desk.__file__).resolve()
assert Path(sys.argv[1]).resolve() not in where.parents, f"imported from the source tree: {where}"
print("sip_desk from", where.parent, "; psycopg", psycopg.__version__)
EOF
"$bin/sip-desk" demo
"$bin/sip-desk" list
test "$("$bin/sip-desk" list --json | "$bin/python" -c 'import json,sys; print(len(json.load(sys.stdin)))')" -ge 4
# The .desktop file's command is installed.
exec_command=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$root/packaging/linux/se.sipdesk.SipDesk.desktop")
test -x "$bin/$exec_command"
test -f "$work/venv/share/applications/se.sipdesk.SipDesk.desktop"

pdf_check() {  # FILE FONT: the PDF has pages and embeds FONT (a shipped Noto font)
    local pages
    pages=$(pdfinfo "$1" | sed -n 's/^Pages: *//p')
    test "${pages:-0}" -ge 1 || { echo "$1 has no pages"; return 1; }
    pdffonts "$1" | grep -q "$2" || { echo "$1 does not embed $2"; pdffonts "$1"; return 1; }
    echo "$1: $pages pages, $2 embedded"
}
"$bin/sip-desk" pdf 1 -o plan-sv.pdf
pdf_check plan-sv.pdf NotoSans-Regular
"$bin/sip-desk" pdf 3 --lang ar -o plan-ar.pdf
pdf_check plan-ar.pdf NotoSansArabic-Regular
"$bin/sip-desk" pdf 2 --lang ti -o plan-ti.pdf
pdf_check plan-ti.pdf NotoSansEthiopic-Regular

if [[ -n ${SIP_DESK_TEST_PG_URL:-} ]]; then
    echo "== wheel: the postgres extra, on a database of its own"
    pg_db=sipdesk_wheel_$$
    pg_url=$(pg_database create)
    "$bin/sip-desk" --db "$pg_url" demo
    "$bin/sip-desk" --db "$pg_url" list
    "$bin/sip-desk" --db "$pg_url" pdf 2 -o plan-pg.pdf
    pdf_check plan-pg.pdf NotoSans-Regular
else
    echo "(SIP_DESK_TEST_PG_URL not set: the PostgreSQL run is skipped)"
fi

"$bin/sip-desk" --self-test

echo "== wheel: all good in $(($(date +%s) - started)) s"
