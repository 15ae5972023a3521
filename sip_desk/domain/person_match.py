"""A person from a new plan or an import file, matched against the stored person.

The stored person is the truth. A new plan or an imported plan for an identity number that is
already stored is attached to the stored person; what differs is listed, and an import applies
it only when the user asks (``sip-desk import --update-person``, or the checkbox in the import
dialog). Two rules hold even then, because they protect the person:

* Protected identity is sticky. No import and no new plan switches it off; only an explicit,
  confirmed change in the editor's person section does. A file that marks the person as
  protected switches protection on even unasked: that can only hide more, never show more.
* An address is never taken from a file for a person who is (or becomes) protected, and the
  stored address of such a person is never shown in the list of differences.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sip_desk.domain.errors import DomainError
from sip_desk.domain.messages import label as field_label
from sip_desk.domain.messages import render
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.domain.text import text

if TYPE_CHECKING:
    from sip_desk.domain.plan import PlanDetail

COMPARED_FIELDS = tuple(f.name for f in fields(PersonData) if f.name != "identity_number")
"""Every field of :class:`PersonData` but the identity number, which is what matched."""


class DifferenceRule(StrEnum):
    """When a difference from a file reaches the stored person."""

    ON_REQUEST = "on_request"  # only when the user asks
    ALWAYS = "always"  # protection switched on: it can only hide more
    NEVER = "never"  # protection switched off, or an address for a protected person


@dataclass(frozen=True, kw_only=True)
class KnownPerson:
    """A stored person found by identity number, as a new-plan dialog or an import shows it."""

    id: int
    first_name: str
    last_name: str
    protected_identity: bool
    plan_count: int

    @property
    def full_name(self) -> str:
        """First and last name, as stored."""
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, kw_only=True)
class PersonDifference:
    """One :class:`PersonData` field where the file's person differs from the stored one.

    ``stored`` and ``incoming`` are ``None`` when hidden; ``rule`` says when the file's value
    is applied.
    """

    field: str
    stored: object = None
    incoming: object = None
    rule: DifferenceRule = DifferenceRule.ON_REQUEST

    @property
    def hidden(self) -> bool:
        """True for a protected person's address: neither value is shown."""
        return self.field == "address" and self.rule is DifferenceRule.NEVER

    def label(self, lang: str) -> str:
        """The field's name in ``lang``."""
        return field_label(f"person.{self.field}", lang)

    def stored_text(self, lang: str) -> str:
        """The stored value as the user reads it."""
        return _hidden(lang) if self.hidden else value_text(self.stored, lang)

    def incoming_text(self, lang: str) -> str:
        """The file's value as the user reads it."""
        return _hidden(lang) if self.hidden else value_text(self.incoming, lang)

    def note(self, lang: str) -> str:
        """What happens to this difference: empty for an ordinary one."""
        if self.rule is DifferenceRule.ALWAYS:
            return render("person.protection_switched_on", lang, {})
        if self.rule is DifferenceRule.NEVER and self.field == "protected_identity":
            return render("person.protection_kept", lang, {})
        if self.rule is DifferenceRule.NEVER:
            return render("person.address_kept", lang, {})
        return ""

    def line(self, lang: str) -> str:
        """One line for the command line: label, both values (unless hidden) and the note."""
        if self.hidden:
            return f"{self.label(lang)} – {self.note(lang)}"
        sentence = render(
            "person.difference",
            lang,
            {
                "label": self.label(lang),
                "stored": self.stored_text(lang),
                "incoming": self.incoming_text(lang),
            },
        )
        note = self.note(lang)
        return f"{sentence}. {note}" if note else sentence


def compare_person(
    stored: PersonData, incoming: PersonData, has_address: bool
) -> tuple[PersonDifference, ...]:
    """Where ``incoming`` (from a file, same identity number) differs from ``stored``.

    With each difference goes its rule. ``has_address`` is False when the file leaves the
    address out (it then says nothing about it).
    """
    protected = stored.protected_identity or incoming.protected_identity
    out: list[PersonDifference] = []
    for name in COMPARED_FIELDS:
        old, new = getattr(stored, name), getattr(incoming, name)
        if old == new or (name == "address" and not has_address):
            continue
        if name == "protected_identity":
            rule = DifferenceRule.ALWAYS if new else DifferenceRule.NEVER
        elif name == "address" and protected:
            out.append(PersonDifference(field=name, rule=DifferenceRule.NEVER))
            continue
        else:
            rule = DifferenceRule.ON_REQUEST
        out.append(PersonDifference(field=name, stored=old, incoming=new, rule=rule))
    return tuple(out)


def value_text(value: object, lang: str) -> str:
    """A person field's value for a list of differences."""
    if isinstance(value, bool):
        return text(lang, "person.value.yes" if value else "person.value.no")
    if isinstance(value, tuple):
        reps = [r for r in value if isinstance(r, RepresentativeData)]
        return "; ".join(_representative(r, lang) for r in reps) or _empty(lang)
    typed = "" if value is None else str(value)
    return typed.replace("\n", ", ") if typed else _empty(lang)


def _representative(rep: RepresentativeData, lang: str) -> str:
    kind = text(lang, f"person.kind.{rep.kind.value}")
    details = ", ".join(p for p in (kind, rep.phone, rep.email) if p)
    return f"{rep.name} ({details})"


def _empty(lang: str) -> str:
    return text(lang, "person.value.empty")


def _hidden(lang: str) -> str:
    return text(lang, "person.value.hidden")


class PersonExistsError(DomainError):
    """A new plan's identity number belongs to a stored person; nothing was written.

    Attributes:
        known: the stored person, for the dialog to offer a plan for them instead.
    """

    def __init__(self, known: KnownPerson) -> None:
        self.known = known
        code = "person.exists_one" if known.plan_count == 1 else "person.exists_many"
        super().__init__(code, name=known.full_name, count=known.plan_count)


@dataclass(frozen=True, kw_only=True)
class PersonMatch:
    """How the person of an import file met the store.

    ``known`` is the stored person the plan is attached to (as before the import), ``None`` when
    the file's person was new and has been created; ``updated`` is True when the user asked for
    the differences to be applied.
    """

    known: KnownPerson | None = None
    differences: tuple[PersonDifference, ...] = ()
    updated: bool = False

    @property
    def applied(self) -> tuple[PersonDifference, ...]:
        """The differences written to the stored person."""
        return tuple(
            d
            for d in self.differences
            if d.rule is DifferenceRule.ALWAYS
            or (self.updated and d.rule is DifferenceRule.ON_REQUEST)
        )

    def apply(self, stored: PersonData) -> PersonData:
        """``stored`` with the :attr:`applied` differences."""
        changes: dict[str, Any] = {d.field: d.incoming for d in self.applied}
        return replace(stored, **changes)

    @property
    def on_request(self) -> bool:
        """True when some difference is applied only when the user asks."""
        return any(d.rule is DifferenceRule.ON_REQUEST for d in self.differences)

    def report_lines(self, lang: str) -> list[str]:
        """What the command line prints: the match, each difference, what was done."""
        if self.known is None:
            return []
        count = self.known.plan_count
        code = "person.import_matched_one" if count == 1 else "person.import_matched_many"
        lines = [render(code, lang, {"name": self.known.full_name, "count": count})]
        if self.differences:
            lines.append(render("person.import_differences", lang, {}))
            lines += [f"  {d.line(lang)}" for d in self.differences]
        if self.on_request:
            done = "person.import_applied" if self.updated else "person.import_not_applied"
            if not self.updated and self.applied:  # e.g. protection switched on, the rest not
                done = "person.import_others_not_applied"
            lines.append(render(done, lang, {}))
        return lines


@dataclass(frozen=True, kw_only=True)
class ImportResult:
    """An imported plan and how its person met the store."""

    plan: PlanDetail
    person: PersonMatch
