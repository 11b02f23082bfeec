"""Problems that carry a location, collected rather than printed.

Every stage reports what is wrong as `Problem` records. A stage that cannot go
on raises `BriefdeckError` holding all the problems found so far, so the user
sees every error at once. Only the command line prints them or exits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True)
class Location:
    """Where in a file a problem is: 1-based line and column, either may be unknown."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    """One error or warning.

    `message` says what was expected and what was found; `hint` says what to
    do (valid choices, "did you mean"). `code` is a stable short name for tests
    and `--json` output, e.g. ``quote-not-found``.
    """

    message: str
    location: Location | None = None
    hint: str | None = None
    severity: str = "error"  # "error" | "warning"
    code: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        text = f"{where}{self.severity}: {self.message}"
        if self.hint:
            text += f"\n  {self.hint}"
        return text

    def as_error(self) -> "Problem":
        """The same problem raised to an error (for ``--strict``)."""
        return Problem(self.message, self.location, self.hint, "error", self.code)

    def to_json(self) -> dict:
        loc = self.location
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
        }


class BriefdeckError(Exception):
    """Raised when a stage cannot go on; carries every problem found.

    `usage` marks wrong use of the command line (exit status 2) as opposed to
    errors in a brief or a source (exit status 1).
    """

    def __init__(self, problems: Iterable[Problem] | Problem | str, *, usage: bool = False):
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        self.usage = usage
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Problems:
    """A collector: stages append to it and raise once at the end."""

    items: list[Problem] = field(default_factory=list)

    def error(self, message: str, location: Location | None = None, *, hint: str | None = None,
              code: str = "error") -> None:
        self.items.append(Problem(message, location, hint, "error", code))

    def warning(self, message: str, location: Location | None = None, *, hint: str | None = None,
                code: str = "warning") -> None:
        self.items.append(Problem(message, location, hint, "warning", code))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise BriefdeckError(self.items)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a misspelt name, or None if nothing is close."""
    import difflib  # here: only a misspelt name needs it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def choices_hint(word: str, choices: Iterable[str], noun: str = "choices") -> str:
    """"did you mean …?" when one is close, then the full list of valid choices."""
    choices = sorted(choices)
    guess = did_you_mean(word, choices)
    listed = f"valid {noun}: {', '.join(choices)}" if choices else f"there are no {noun}"
    return f"did you mean '{guess}'? {listed}" if guess else listed


def display_path(path: Path | str) -> str:
    """A path as the user should see it: relative to the working folder when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
