"""Control numbers as customers write them → the controls of the catalogue, in the order asked.

``overrides/assets/javascripts/answers/resolve.js`` is the browser twin of this module;
``tests/test_answers_resolver.py`` runs both on one table of cases. What a customer
pastes is cut into cells at line breaks, tabs, ``,`` ``、`` ``，`` ``;`` (an Excel column, a
list typed by hand); each character is NFKC-folded and lower-cased, so full-width
``Ａ．９．２．３`` and ``a.9.2.3`` read as ``A.9.2.3``; in each cell every control number is
found, and whatever else the cell holds becomes a text item, so nothing typed is lost::

    A.9.2.3, 9.2.3, Ａ．９．２．３, a9.2.3   → A.9.2.3   ISO/IEC 27001:2013 Annex A (three parts)
    CLD.6.3.1, cld 6.3.1, 6.3.1          → CLD.6.3.1  ISO/IEC 27017 (a bare number that only CLD has)
    8.13, A.8.13                         → 8.13       ISO/IEC 27001:2022 Annex A (two parts)
    A.9, A.9.2, 9.2                      → a clause or objective of the 2013 Annex A, not a control
    A.12.4.5                             → no such control; did you mean CLD.12.4.5?
    附属書 / v1.2 / ～                     → text, reported as not a control number

Two parts are a 2022 control when 2022 has it (``A.8.1`` is 2022's 8.1, not the 2013 objective
A.8.1); otherwise the 2013 objective. The CLD numbers never coincide with a 2013 control
(``A.6.3.1`` does not exist), so a bare ``6.3.1`` is CLD.6.3.1. Bare numbers need at least
two parts and may not follow a letter, a digit or a dot (``v1.2``, ``No.5.1``, ``ISO 27001``
are text); ``A`` and ``CLD`` may not follow a letter, and ``A`` needs a dot or two parts after
it (``A5`` paper is text). Text items are kept as typed, spaces around them aside; what is
only brackets and punctuation between numbers (``【A.9.2.3】.``) is no item.

Each item has a canonical spelling (``id``): the catalogue's identifier, a 2022 number as
``8.13``, the text itself for text. The answers page keeps the list in its address as these
spellings joined by commas (``?ids=A.9.2.3,8.13``), and reading that list back gives the same
items (``tests/test_answers_resolver.py`` checks it on random input).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

CONTROL_2013 = "iso27001-2013"
CONTROL_27017 = "iso27017"
CONTROL_2022 = "iso27001-2022"
GROUP = "group"
"""A clause (``A.9``) or control objective (``A.9.2``) of ISO/IEC 27001:2013 Annex A."""
UNKNOWN = "unknown"
"""Written as a control number, but no catalogue has it."""
TEXT = "text"
"""Not a control number at all."""

CONTROLS = frozenset({CONTROL_2013, CONTROL_27017, CONTROL_2022})
"""The kinds that name one control, which the white paper may answer."""

SEPARATORS = re.compile(r"[\n\r\t\v\f\x85\u2028\u2029,、;]+")
"""What separates cells after folding (``，`` is ``,`` and ``；`` is ``;`` then)."""

NUMBER = re.compile(
    r"(?<![a-z])(?:cld *\.? *(?P<cld>[0-9]+(?:\.[0-9]+)*)"
    r"|a(?:\.(?P<dotted>[0-9]+(?:\.[0-9]+)*)|(?P<dotless>[0-9]+(?:\.[0-9]+)+)))"
    r"|(?<![a-z0-9.])(?P<bare>[0-9]+(?:\.[0-9]+)+)"
)
"""A control number in folded text: ``cld.6.3.1``, ``a.9.2.3``, ``a9.2.3``, ``a.9`` or a bare ``9.2.3`` / ``8.13``.
ASCII digits only, as in JavaScript."""

SPACES = " \u200b\ufeff"
"""What a text item is trimmed of (after folding, every other kind of space is `` ``)."""

IGNORED = SPACES + "()[]{}<>【】「」『』〔〕〈〉《》\"'“”‘’・。.:!?"
"""Brackets, quotes and punctuation: between numbers, nothing but these is no text item (``【A.9.2.3】.``)."""


@dataclass(frozen=True)
class Known:
    """The identifiers each kind of number is looked up in (from the catalogue, or the answers data in the browser)."""

    controls_2013: frozenset[str]
    controls_27017: frozenset[str]
    controls_2022: frozenset[str]
    groups: frozenset[str]


def known(controls: Iterable[str], controls_2022: Iterable[str], groups: Iterable[str]) -> Known:
    """What to look numbers up in: the identifiers of the controls (2013 and CLD), the 2022 controls and the groups
    (of the catalogue, or of the answers data in the browser)."""
    controls = frozenset(controls)
    return Known(
        controls_2013=frozenset(i for i in controls if i.startswith("A.")),
        controls_27017=frozenset(i for i in controls if i.startswith("CLD.")),
        controls_2022=frozenset(controls_2022),
        groups=frozenset(i for i in groups if i.startswith("A.")),
    )


@dataclass(frozen=True)
class Asked:
    """One item of what was asked: as typed, what it is, and its canonical spelling."""

    typed: str
    kind: str
    id: str
    suggestion: str = ""
    """For an unknown number, the control it was probably meant as (``A.12.4.5`` → ``CLD.12.4.5``)."""
    prefixed: bool = False
    """Written with ``A`` or ``CLD`` in front (a checklist's own numbering never is)."""

    @property
    def is_control(self) -> bool:
        """Whether it names one control of a catalogue."""
        return self.kind in CONTROLS


def _classify(prefix: str, number: str, known: Known) -> tuple[str, str, str]:
    """(kind, canonical id, suggestion) of a number written with ``prefix`` (``a``, ``cld`` or nothing)."""
    parts = [str(int(part)) for part in number.split(".")]
    dotted = ".".join(parts)
    if prefix == "cld":
        identifier = f"CLD.{dotted}"
        if identifier in known.controls_27017:
            return CONTROL_27017, identifier, ""
        return UNKNOWN, identifier, _first_known([f"A.{dotted}"], known.controls_2013)
    if len(parts) == 2 and dotted in known.controls_2022:
        return CONTROL_2022, dotted, ""
    if len(parts) <= 2 and f"A.{dotted}" in known.groups:
        return GROUP, f"A.{dotted}", ""
    if len(parts) == 3 and f"A.{dotted}" in known.controls_2013:
        return CONTROL_2013, f"A.{dotted}", ""
    if len(parts) == 3 and not prefix and f"CLD.{dotted}" in known.controls_27017:
        return CONTROL_27017, f"CLD.{dotted}", ""
    identifier = f"A.{dotted}" if prefix else dotted
    return UNKNOWN, identifier, _first_known([f"CLD.{dotted}"], known.controls_27017) if prefix else ""


def _first_known(candidates: list[str], known: frozenset[str]) -> str:
    return next((candidate for candidate in candidates if candidate in known), "")


def fold(text: str) -> tuple[str, list[int]]:
    """Each character NFKC-normalised and lower-cased on its own; also the original offset of each output character.

    Character by character (as the browser twin does), so that what was typed can be cut
    out of the original text: ``text[origin[i] : origin[j - 1] + 1]`` for ``folded[i:j]``.
    """
    chars: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char).lower()
        chars.append(folded)
        origin += [offset] * len(folded)
    return "".join(chars), origin


def _text_item(text: str, folded: str, origin: list[int], start: int, end: int) -> Asked | None:
    """The text between two numbers of a cell (``folded[start:end]``), as typed but for the spaces around it;
    ``None`` where it is only spaces, brackets and punctuation."""
    while start < end and folded[start] in SPACES:
        start += 1
    while end > start and folded[end - 1] in SPACES:
        end -= 1
    if all(char in IGNORED for char in folded[start:end]):
        return None
    typed = text[origin[start] : origin[end - 1] + 1]
    return Asked(typed=typed, kind=TEXT, id=typed)


def resolve(text: str, known: Known) -> list[Asked]:
    """Every item of ``text`` in the order written: control numbers resolved, the rest as text items."""
    folded, origin = fold(text)
    items: list[Asked] = []
    cell_start = 0
    for separator in [*SEPARATORS.finditer(folded), None]:
        cell_end = separator.start() if separator else len(folded)
        position = cell_start
        for match in NUMBER.finditer(folded, cell_start, cell_end):
            items += filter(None, [_text_item(text, folded, origin, position, match.start())])
            prefix = "cld" if match["cld"] else "a" if match["dotted"] or match["dotless"] else ""
            number = match["cld"] or match["dotted"] or match["dotless"] or match["bare"]
            kind, identifier, suggestion = _classify(prefix, number, known)
            typed = text[origin[match.start()] : origin[match.end() - 1] + 1]
            items.append(Asked(typed, kind, identifier, suggestion, prefixed=bool(prefix)))
            position = match.end()
        items += filter(None, [_text_item(text, folded, origin, position, cell_end)])
        cell_start = separator.end() if separator else cell_end
    return items
