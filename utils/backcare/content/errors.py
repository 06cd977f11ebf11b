"""Problems found in content files, and the one exception that reports all of them together."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file.

    ``file`` is the path as shown to the reader, ``line`` is 1-based (``None`` when unknown), ``path`` is the dotted
    path of the bad value inside the file (``treatments.3.tier``; empty for the whole file), ``allowed`` lists the
    values that would have been accepted, where there is such a list.

    Examples
    --------
    >>> str(Problem("content/treatments.yaml", 12, "treatments.3.tier", "unknown value 'pill'",
    ...             ("self_care", "medicine")))
    "content/treatments.yaml:12: treatments.3.tier: unknown value 'pill' (allowed: self_care, medicine)"
    >>> str(Problem("content/facts.yaml", None, "", "not valid YAML"))
    'content/facts.yaml: not valid YAML'
    """

    file: str
    line: int | None
    path: str
    message: str
    allowed: tuple[str, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        if self.allowed:
            text += f" (allowed: {', '.join(self.allowed)})"
        return text


class ContentError(ValueError):
    """Raised when content files break a rule; ``problems`` holds every problem found, not just the first.

    Examples
    --------
    >>> err = ContentError([Problem("a.yaml", 3, "x", "missing required field")])
    >>> print(err)
    1 problem in course content:
      a.yaml:3: x: missing required field
    >>> err.problems[0].line
    3
    """

    def __init__(self, problems: Sequence[Problem]):
        self.problems: list[Problem] = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in course content:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))

    def __reduce__(self):  # keep pickling (pytest-xdist) working with the custom __init__
        return (type(self), (self.problems,))
