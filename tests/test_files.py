"""Writing files whole or not at all: a failed write leaves the old file and no temporary file."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sip_desk.domain.errors import DomainError
from sip_desk.files import write_atomically

posix_only = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")


@contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """A real "file too large" (EFBIG) from the kernel for any write past ``limit`` bytes."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_files_write_replaces_the_old_contents(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_text("old", encoding="utf-8")
    write_atomically(target, "ny plan – åäö\n")
    assert target.read_bytes() == "ny plan – åäö\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_files_write_into_a_missing_folder_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "exports" / "plan.pdf"
    with pytest.raises(DomainError) as raised:
        write_atomically(target, b"%PDF-1.7")
    assert "No such file or directory" in raised.value.message("en")
    assert list(tmp_path.iterdir()) == []


@posix_only
def test_files_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    with _file_size_limit(4096), pytest.raises(DomainError) as raised:
        write_atomically(target, b"x" * 100_000)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]
    assert raised.value.code == "export.write_failed"
    assert str(target) in raised.value.message("en")


@posix_only
def test_files_failed_write_names_the_callers_message(tmp_path: Path) -> None:
    target = tmp_path / "meetings.ics"
    with _file_size_limit(4096), pytest.raises(DomainError) as raised:
        write_atomically(target, b"x" * 100_000, error="calendar.write_failed")
    assert raised.value.message("en").startswith("The calendar file could not be written")
    assert list(tmp_path.iterdir()) == []


def test_files_write_into_a_file_instead_of_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(DomainError) as raised:
        write_atomically(blocker / "plan.pdf", b"%PDF")
    assert raised.value.code == "export.write_failed"
    assert blocker.read_text(encoding="utf-8") == "x"
