"""Domain errors. Each carries a message code; the texts live in :mod:`messages`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sip_desk.domain.messages import render


class DomainError(Exception):
    """Base of every error the services raise on purpose; never shown as a traceback."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params: Mapping[str, object] = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "sv") -> str:
        """The user-facing text in ``lang`` ("sv" or "en")."""
        return render(self.code, lang, self.params)


class ValidationError(DomainError):
    """One field holds a bad value.

    Attributes:
        field: a stable field key such as ``person.identity_number`` or ``actions.end_date``,
            used by the UI to show the message beside the field.
    """

    def __init__(self, field: str, code: str, **params: object) -> None:
        self.field = field
        super().__init__(code, field=field, **params)


class ValidationErrors(DomainError):
    """Several fields at once are bad; ``errors`` lists them in form order."""

    def __init__(self, errors: Sequence[ValidationError]) -> None:
        self.errors = tuple(errors)
        super().__init__("validation.several", count=len(self.errors))

    def message(self, lang: str = "sv") -> str:
        """All messages, one a line."""
        return "\n".join(e.message(lang) for e in self.errors)


class NotFoundError(DomainError):
    """The thing asked for does not exist (or was deleted meanwhile)."""

    def __init__(self, entity: str, entity_id: object) -> None:
        super().__init__("error.not_found", entity=entity, id=entity_id)


class StaleEditError(DomainError):
    """Someone else saved the plan since it was opened; the edit was not applied."""

    def __init__(self, plan_id: int, expected: int, actual: int) -> None:
        super().__init__("error.stale", plan_id=plan_id, expected=expected, actual=actual)


class StoreError(DomainError):
    """The store cannot be used: locked, read-only, full, corrupt, too new or unreachable."""


class DamagedStoreError(StoreError):
    """The store file is damaged or not a SIP Desk database.

    The message names the newest backup beside the store file, or says that there is none;
    without a backup folder (a database server) it points to the server's administrator.
    """

    def __init__(self, path: str, backup: str | None = None, backups: str = "") -> None:
        super().__init__("store.corrupt", path=path, backup=backup or "", backups=backups)

    def message(self, lang: str = "sv") -> str:
        """The user-facing text: what to do with the newest backup, if there is one."""
        if self.params.get("backup"):
            code = "store.corrupt"
        elif self.params.get("backups"):
            code = "store.corrupt_no_backup"
        else:
            code = "store.corrupt_server"
        return render(code, lang, self.params)


class UnexpectedError(DomainError):
    """A failure nobody planned for; the details are in the log, not in the message."""

    def __init__(self, kind: str, log_path: str = "") -> None:
        code = "error.unexpected" if log_path else "error.unexpected_no_log"
        super().__init__(code, kind=kind, log=log_path)


class ImportFormatError(DomainError):
    """An import file is broken; ``where`` says where (a JSON path such as ``$.goals[2].text``).

    ``problem`` names what is wrong (the catalogue text ``import.problem.<problem>``, filled
    from ``params``), so the whole message is in the user's language.
    """

    def __init__(self, where: str, problem: str, **params: object) -> None:
        self.where, self.problem, self.details = where, problem, params
        super().__init__("import.invalid", where=where)

    def message(self, lang: str = "sv") -> str:
        """The user-facing text in ``lang``: where, and what is wrong there."""
        if self.code != "import.invalid":
            return super().message(lang)
        detail = render(f"import.problem.{self.problem}", lang, self.details)
        return render(self.code, lang, {"where": self.where, "detail": detail})
