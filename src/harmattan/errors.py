"""One exception tree.  Each message says what went wrong and how to fix it."""

from __future__ import annotations


class HarmattanError(Exception):
    """Base of every error Harmattan raises on purpose."""

    code = "E000"

    def __init__(self, message: str, fix: str | None = None) -> None:
        self.message = message
        self.fix = fix
        super().__init__(f"[{self.code}] {message}" + (f"\n  fix: {fix}" if fix else ""))


class InputError(HarmattanError):
    """An input path cannot be read at all (missing file, unknown format)."""

    code = "E001"


class InputWarning(UserWarning):
    """Input that can be read but probably not as meant (a CSV without a date column)."""


class RecordError(HarmattanError):
    """One record is bad; the caller rejects it and goes on with the rest."""

    code = "E002"


class ResourceError(HarmattanError):
    """A shipped resource (dictionary, model) is missing or damaged."""

    code = "E003"


class ConfigError(HarmattanError):
    """A setting is invalid."""

    code = "E004"


class RecordsRefused(RecordError):
    """Records a request must store whole were refused; nothing of the request was stored.

    ``rejects`` holds each refused record (``harmattan.schema.Reject``) with its reason.
    """

    def __init__(self, rejects: list) -> None:
        self.rejects = list(rejects)
        named = "; ".join(
            (f"article {r.line}" if r.line is not None else r.origin)
            + (f" ({r.record_id!r})" if r.record_id is not None else "") + f": {r.reason}"
            for r in self.rejects)
        count = len(self.rejects)
        super().__init__(f"{count} article{'s' if count != 1 else ''} refused, nothing stored: {named}",
                         fix="correct or leave out the articles named, then send the request again")
