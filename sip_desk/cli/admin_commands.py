"""``admin``: units, memberships, database roles and their rights (a shared PostgreSQL store).

Run by the municipality's DBA or an administrator. Creating and dropping login roles needs a
connection with ``CREATEROLE``; units and memberships may also be managed by a member of the
store's ``<database>_admin`` group. On SQLite units and memberships are kept but enforce
nothing: the single-user store's user is the OS account.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sip_desk.cli.common import EXIT_OK, Runner, command_parser, print_table
from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.errors import DomainError
from sip_desk.domain.text import text

if TYPE_CHECKING:
    from sip_desk.bootstrap import StoreAdmin


def register(sub: Any) -> None:
    """Add ``admin`` and its actions."""
    p = command_parser(sub, "admin", "units, memberships and database roles (PostgreSQL)")
    groups = p.add_subparsers(dest="admin_group", metavar="ACTION", required=True)
    _add(groups, "setup", "create the store's group roles and grant their rights", _setup)

    role = command_parser(groups, "role", "login roles (PostgreSQL)")
    roles = role.add_subparsers(dest="role_action", metavar="ACTION", required=True)
    add = _add(roles, "add", "create a login role with the application's rights", _role_add)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--unit", metavar="U", help="unit id, name or ORGANISATION/UNIT")
    add.add_argument("--admin", action="store_true", help="may manage units and memberships")
    add.add_argument(
        "--log-reviewer", action="store_true", help="may read every row of the logs (log review)"
    )
    add.add_argument("--password-file", type=Path, metavar="FILE", help="first line: password")
    remove = _add(roles, "remove", "end the role's memberships and drop it", _role_remove)
    remove.add_argument("name", metavar="NAME")

    grant = _add(groups, "grant-app-role", "give an existing role the application's rights", _grant)
    grant.add_argument("name", metavar="NAME")
    grant.add_argument("--admin", action="store_true", help="may manage units and memberships")
    grant.add_argument(
        "--log-reviewer", action="store_true", help="may read every row of the logs (log review)"
    )

    unit = command_parser(groups, "unit", "units of the organisations taking part")
    units = unit.add_subparsers(dest="unit_action", metavar="ACTION", required=True)
    unit_add = _add(units, "add", "add a unit (and its organisation)", _unit_add)
    unit_add.add_argument("name", metavar="NAME")
    unit_add.add_argument("--organisation", required=True, metavar="ORG")
    unit_add.add_argument("--principal", choices=[p.value for p in PrincipalType], default="kommun")
    _add(units, "list", "units with their members and plans", _unit_list).add_argument(
        "--json", action="store_true", help="print JSON"
    )

    member = command_parser(groups, "member", "which roles belong to which units")
    members = member.add_subparsers(dest="member_action", metavar="ACTION", required=True)
    for name, help_text, func in (
        ("add", "make a role a member of a unit", _member_add),
        ("remove", "end a role's membership of a unit", _member_remove),
    ):
        q = _add(members, name, help_text, func)
        q.add_argument("role", metavar="ROLE")
        q.add_argument("--unit", required=True, metavar="U", help="unit id, name or ORG/UNIT")
    listing = _add(members, "list", "memberships, of all units or one", _member_list)
    listing.add_argument("--unit", metavar="U")
    listing.add_argument("--json", action="store_true", help="print JSON")


def _add(sub: Any, name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
    parser = command_parser(sub, name, help_text)
    parser.set_defaults(func=lambda args, runner: func(args, runner, _admin(runner)))
    return parser


def _admin(runner: Runner) -> StoreAdmin:
    from sip_desk.bootstrap import open_store_admin
    from sip_desk.paths import default_store

    admin = open_store_admin(str(runner.args.db or default_store()))
    runner.on_close(admin.db.dispose)
    return admin


def _say(runner: Runner, key: str, **params: object) -> int:
    print(text(runner.lang, key, **params))
    return EXIT_OK


def _setup(_args: argparse.Namespace, runner: Runner, admin: StoreAdmin) -> int:
    users, admins = admin.setup()
    return _say(runner, "cli.admin.setup", users=users, admins=admins)


def _role_add(args: argparse.Namespace, runner: Runner, admin: StoreAdmin) -> int:
    from sip_desk.passphrase import read_secret_file

    password = None
    if args.password_file is not None:
        password = read_secret_file(
            args.password_file, too_open="admin.password_file_open", unreadable="admin.no_password"
        )
        if password is None:
            raise DomainError("admin.no_password", path=args.password_file)
    admin.add_role(
        args.name, args.unit, admin=args.admin, password=password, reviewer=args.log_reviewer
    )
    return _say(runner, "cli.admin.role_added", role=args.name)


def _role_remove(args: argparse.Namespace, runner: Runner, admin: StoreAdmin) -> int:
    admin.remove_role(args.name)
    return _say(runner, "cli.admin.role_removed", role=args.name)


def _grant(args: argparse.Namespace, runner: Runner, admin: StoreAdmin) -> int:
    admin.grant_app_role(args.name, admin=args.admin, reviewer=args.log_reviewer)
    return _say(runner, "cli.admin.granted", role=args.name)


def _unit_add(args: argparse.Namespace, runner: Runner, admin: StoreAdmin) -> int:
    unit_id = admin.add_unit(args.organisation, args.name, PrincipalType(args.principal))
    return _say(runner, "cli.admin.unit_added", id=unit_id, unit=args.name)


def _unit_list(args: argparse.Namespace, runner: Runner, admin: StoreAdmin) -> int:
    units = admin.units()
    if args.json:
        runner.print_json([asdict(u) for u in units])
        return EXIT_OK
    heads = [text(runner.lang, f"cli.admin.col.{c}") for c in ("id", "org", "unit", "members")]
    heads.append(text(runner.lang, "cli.admin.col.plans"))
    rows = [[str(u.id), u.organisation, u.name, str(u.members), str(u.plans)] for u in units]
    print_table(heads, rows)
    return EXIT_OK


def _member_add(args: argparse.Namespace, runner: Runner, admin: StoreAdmin) -> int:
    added = admin.add_member(args.role, args.unit)
    key = "cli.admin.member_added" if added else "cli.admin.member_already"
    _say(runner, key, role=args.role, unit=args.unit)
    _sqlite_note(runner, admin)
    return EXIT_OK


def _member_remove(args: argparse.Namespace, runner: Runner, admin: StoreAdmin) -> int:
    admin.remove_member(args.role, args.unit)
    return _say(runner, "cli.admin.member_removed", role=args.role, unit=args.unit)


def _member_list(args: argparse.Namespace, runner: Runner, admin: StoreAdmin) -> int:
    members = admin.members(args.unit)
    if args.json:
        runner.print_json([asdict(m) for m in members])
        return EXIT_OK
    heads = [text(runner.lang, f"cli.admin.col.{c}") for c in ("role", "id", "org", "unit")]
    rows = [[m.role, str(m.unit_id), m.organisation, m.unit] for m in members]
    print_table(heads, rows)
    return EXIT_OK


def _sqlite_note(runner: Runner, admin: StoreAdmin) -> None:
    if admin.db.is_sqlite:
        print(f"sip-desk: {text(runner.lang, 'cli.admin.sqlite_note')}", file=sys.stderr)
