"""What every check returns: a problem a writer must fix, where it is, and what to write instead.

Nothing in ``isocontrols`` logs: checks return ``Problem`` values and the MkDocs hook
reports them (as warnings, so that ``mkdocs build --strict`` fails)::

    docs/ja/operations.md:42: unknown control A.12.4.5 in 【A.12.4.5】; did you mean CLD.12.4.5?
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something a writer must fix: the file (as the writer sees it), the line if known, and the message."""

    file: str
    line: int | None
    message: str

    @property
    def where(self) -> str:
        """``file:line``, or the file alone when the line is not known."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@contextmanager
def warnings_of(logger: logging.Logger) -> Iterator[list[str]]:
    """The warnings ``logger`` emits while the block runs, kept instead of printed (a library's, or MkDocs' own when a tool builds the site)."""
    messages: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    propagate, logger.propagate = logger.propagate, False
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
