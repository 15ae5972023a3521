"""Start time of the frozen app (dist/sip-desk/sip-desk) against the source (python -m sip_desk).

Usage: python bench/bench_frozen_start.py [--runs 7] [--frozen dist/sip-desk/sip-desk]

Both programs are measured in the same run, interleaved, each in a fresh process; the median is
shown with the ratio frozen / source. Three measures, from the moment the process is started:

- ``window``: until SIP Desk's main window is mapped on an X server (a private Xvfb, found with
  ``xdotool`` polled every 10 ms), on a store holding the demo plans. Needs Xvfb and xdotool;
  skipped without them.
- ``version``: ``--version`` to its exit (the launcher, the interpreter and the argument parser).
- ``self-test``: ``--self-test`` to its exit (stores, PDFs, Qt PDF, calendar, translations).

Each program gets its own empty home folder (settings, log file), so the user's are not touched.
Build the frozen app first: ``python3 packaging/dev.py freeze``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLL_S = 0.01
TIMEOUT_S = 120.0


def _env(home: Path, display: str | None) -> dict[str, str]:
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    env.pop("SIP_DESK_DB", None)
    if display:
        env["DISPLAY"] = display
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _until_exit(command: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, timeout=TIMEOUT_S, check=False)
    seconds = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"{command} failed:\n{result.stdout.decode()}{result.stderr.decode()}")
    return seconds


def _window_visible(pid: int, env: dict[str, str]) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name", "SIP Desk"],
        env=env,
        capture_output=True,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def _until_window(command: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not _window_visible(process.pid, env):
            if process.poll() is not None:
                err = process.stderr.read().decode() if process.stderr else ""
                raise SystemExit(f"{command} ended before its window showed:\n{err}")
            if time.perf_counter() - t0 > TIMEOUT_S:
                raise SystemExit(f"{command}: no window after {TIMEOUT_S} s")
            time.sleep(POLL_S)
        return time.perf_counter() - t0
    finally:
        process.terminate()
        process.wait(timeout=30)


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        return None
    for number in range(91, 120):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        display = f":{number}"
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):  # ready once a client can connect
            probe = subprocess.run(
                ["xdotool", "getdisplaygeometry"],
                env=dict(os.environ, DISPLAY=display),
                capture_output=True,
                check=False,
            )
            if probe.returncode == 0:
                return server, display
            time.sleep(0.1)
        server.terminate()
        server.wait(timeout=10)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "sip-desk" / "sip-desk")
    args = parser.parse_args()
    if not args.frozen.is_file():
        raise SystemExit(f"{args.frozen} not found: build it with python3 packaging/dev.py freeze")
    programs = {"frozen": [str(args.frozen)], "source": [sys.executable, "-m", "sip_desk"]}
    work = Path(tempfile.mkdtemp(prefix="bench-frozen-"))
    xvfb = _start_xvfb()
    try:
        store = work / "demo.sqlite"
        homes = {name: work / name for name in programs}
        for home in homes.values():
            home.mkdir()
        _until_exit([*programs["source"], "--db", str(store), "demo"], _env(homes["source"], None))
        measures: dict[str, list[str]] = {"version": ["--version"], "self-test": ["--self-test"]}
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.runs):
            for name, command in programs.items():
                for measure, extra in measures.items():
                    env = _env(homes[name], None)
                    times.setdefault((measure, name), []).append(
                        _until_exit([*command, *extra], env)
                    )
                if xvfb is not None:
                    env = _env(homes[name], xvfb[1])
                    times.setdefault(("window", name), []).append(
                        _until_window([*command, "--db", str(store)], env)
                    )
        _print(times, args.runs, xvfb is not None)
    finally:
        if xvfb is not None:
            xvfb[0].terminate()
            xvfb[0].wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _print(times: dict[tuple[str, str], list[float]], runs: int, window: bool) -> None:
    print(f"median of {runs} runs, seconds from process start (frozen / source)")
    order = (["window"] if window else []) + ["version", "self-test"]
    if not window:
        print("window: skipped (needs Xvfb and xdotool)")
    for measure in order:
        frozen = statistics.median(times[(measure, "frozen")])
        source = statistics.median(times[(measure, "source")])
        ratio = frozen / source
        print(f"{measure:10} frozen {frozen:6.2f}  source {source:6.2f}  ratio {ratio:.2f}")


if __name__ == "__main__":
    sys.exit(main())
