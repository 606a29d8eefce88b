"""Each Japanese section against the record: current, possibly out of date, or not yet recorded.

- *current*: the Japanese text is the one the English twin was last confirmed against;
- *possibly out of date*: the Japanese text changed since; the English page shows a notice
  under that section and the build says so (at INFO: the original must be publishable at once);
- *not yet recorded*: a new section (or a new record): its English twin was written with it
  and has never been confirmed. The build lists these in one line and the page shows no notice,
  since nothing says the English lags; ``./run translations --check`` fails until they are accepted.

A record whose section is no longer in the Japanese edition (renamed, moved to another page, or
deleted) applies to nothing: the build and the command name it, with its line in the record and,
when a section not yet recorded has the very same Japanese text, where it went. It is never
carried over on a guess: the next ``accept`` removes it and says so, and the section in its new
place is recorded when a writer accepts it there.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from isocontrols.catalogue import LANGUAGES
from isocontrols.problems import Problem
from isocontrols.translations.record import Record
from isocontrols.translations.sections import Section, split

ORIGINAL, TRANSLATION = LANGUAGES
"""The language whose text is recorded (Japanese) and the one that follows it (English)."""

COMMAND = "./run translations"
"""How writers run the command, as messages name it."""

NAMES_SHOWN = 8
"""How many section names a one-line summary lists before ``…``."""


class State(Enum):
    """Where a section's English twin stands against its Japanese original."""

    CURRENT = "current"
    OUT_OF_DATE = "possibly out of date"
    NOT_RECORDED = "not yet recorded"


@dataclass(frozen=True)
class Tracked:
    """A section of the Japanese edition and its state."""

    section: Section
    state: State
    recorded: str | None
    """The fingerprint in the record, if any."""


@dataclass(frozen=True)
class Vanished:
    """A record of a section that is no longer in the Japanese edition."""

    name: str
    line: int
    page_exists: bool
    now_at: tuple[str, ...]
    """Sections not yet recorded whose Japanese text has the recorded fingerprint: where it likely went."""


@dataclass(frozen=True)
class Status:
    """Every section's state, the records that apply to nothing, and the problems found on the way."""

    tracked: tuple[Tracked, ...]
    vanished: tuple[Vanished, ...]
    problems: tuple[Problem, ...]
    record_exists: bool

    def named(self, state: State) -> list[str]:
        """The names of the sections in ``state``, in page order."""
        return [item.section.name for item in self.tracked if item.state is state]

    def out_of_date(self, page: str | None = None) -> list[Section]:
        """The sections (of ``page``, or of every page) whose Japanese original changed since the record."""
        return [item.section for item in self.tracked if item.state is State.OUT_OF_DATE and page in (None, item.section.page)]

    @property
    def in_step(self) -> bool:
        """Whether every section is current and every record applies to a section."""
        return not self.vanished and all(item.state is State.CURRENT for item in self.tracked)


class UnknownSections(ValueError):
    """Names given to ``accept`` that are no section of the Japanese edition (one line per name)."""


def compare(pages: Mapping[str, str], record: Record, original_folder: str) -> Status:
    """The state of every section of the Japanese ``pages`` (name → file text) against ``record``.

    ``original_folder`` is how messages name the Japanese folder (``docs/ja/``).
    """
    tracked, problems = [], list(record.problems)
    for page in sorted(pages):
        for section in _unique(split(page, pages[page]), original_folder, problems):
            recorded = record.fingerprints.get(section.name)
            state = State.NOT_RECORDED if recorded is None else State.CURRENT if recorded == section.fingerprint else State.OUT_OF_DATE
            tracked.append(Tracked(section, state, recorded))
    names = {item.section.name for item in tracked}
    unrecorded = [item.section for item in tracked if item.state is State.NOT_RECORDED]
    vanished = [
        Vanished(
            name,
            record.lines[name],
            page_exists=name.partition("#")[0] in pages,
            now_at=tuple(section.name for section in unrecorded if section.fingerprint == fingerprint),
        )
        for name, fingerprint in record.fingerprints.items()
        if name not in names
    ]
    return Status(tuple(tracked), tuple(vanished), tuple(problems), record.exists)


def _unique(sections: Sequence[Section], original_folder: str, problems: list[Problem]) -> list[Section]:
    """The sections of a page, less a second heading with the same anchor (a problem: the record could not tell them apart)."""
    first_line: dict[str | None, int] = {}
    kept = []
    for section in sections:
        if section.anchor in first_line:
            problems.append(
                Problem(
                    f"{original_folder}{section.page}",
                    section.line,
                    f"anchor #{section.anchor} is already used on line {first_line[section.anchor]}; give each section its own anchor",
                )
            )
            continue
        first_line[section.anchor] = section.line
        kept.append(section)
    return kept


@dataclass(frozen=True)
class Acceptance:
    """The record after ``accept``, and what changed in it."""

    entries: tuple[tuple[str, str], ...]
    """The new record's lines (section, fingerprint), in page order."""
    recorded: tuple[Tracked, ...]
    """The sections whose record was written, with the state they had before."""
    already_current: tuple[str, ...]
    """Sections named that were current already."""
    removed: tuple[Vanished, ...]


def accept(status: Status, names: Sequence[str] | None, original_folder: str) -> Acceptance:
    """Record the current Japanese text of the sections ``names`` (every section when ``None``).

    Records of vanished sections are removed. Raises ``UnknownSections`` (nothing accepted)
    when a name is no section of the Japanese edition.
    """
    by_name = {item.section.name: item for item in status.tracked}
    if names is not None:
        errors = [_unknown(name, status, original_folder) for name in names if name not in by_name]
        if errors:
            raise UnknownSections("\n".join(dict.fromkeys(errors)))
    chosen = set(by_name) if names is None else set(names)
    entries, recorded, already_current = [], [], []
    for item in status.tracked:
        section = item.section
        if section.name in chosen:
            entries.append((section.name, section.fingerprint))
            if item.state is State.CURRENT:
                already_current.append(section.name)
            else:
                recorded.append(item)
        elif item.recorded is not None:
            entries.append((section.name, item.recorded))
    current = tuple(already_current) if names is not None else ()
    return Acceptance(tuple(entries), tuple(recorded), current, status.vanished)


def _unknown(name: str, status: Status, original_folder: str) -> str:
    """Why ``name`` is no section: an unknown page, or an unknown anchor on a known page (with the likeliest one meant)."""
    page, hash_sign, anchor = name.partition("#")
    sections = [item.section for item in status.tracked if item.section.page == page]
    if not sections:
        pages = sorted({item.section.page for item in status.tracked})
        hint = _did_you_mean(page, pages, "") or " (page names are as under " + original_folder + ")"
        return f"{name}: there is no page {original_folder}{page}{hint}"
    anchors = [section.anchor for section in sections if section.anchor]
    if not hash_sign or not anchor:
        return f"{name}: write a section as {page}#anchor, or {page} for the text before its first section"
    return f"{name}: {original_folder}{page} has no section #{anchor}{_did_you_mean(anchor, anchors, '#')}"


def _did_you_mean(wrong: str, candidates: Sequence[str], prefix: str) -> str:
    close = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return f"; did you mean {prefix}{close[0]}?" if close else ""


def _summary(names: Sequence[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    return shown + (f", … ({len(names) - NAMES_SHOWN} more)" if len(names) > NAMES_SHOWN else "")


def out_of_date_note(section: Section, docs_prefix: str) -> str:
    """What the build says of a section whose Japanese original changed (once, by the English file)."""
    where = f"{docs_prefix}{TRANSLATION}/{section.page}"
    where += f"#{section.anchor}" if section.anchor else " (the text before its first section)"
    return f"{where}: the Japanese original changed; confirm with {COMMAND} accept {section.name}"


def vanished_reason(vanished: Vanished, docs_prefix: str) -> str:
    """Why a record applies to nothing, and where its section likely went."""
    page = vanished.name.partition("#")[0]
    gone = f"no such section in {docs_prefix}{ORIGINAL}/{page}" if vanished.page_exists else f"no page {docs_prefix}{ORIGINAL}/{page}"
    moved = f"; the same Japanese text is now {' and '.join(vanished.now_at)}, not yet recorded" if vanished.now_at else ""
    return f"{gone} any more (renamed, moved or deleted){moved}"


def vanished_note(vanished: Vanished, record_shown: str, docs_prefix: str) -> str:
    """What the build and the command say of a record whose section is gone."""
    return (
        f"{record_shown}:{vanished.line}: {vanished.name}: {vanished_reason(vanished, docs_prefix)}; "
        f"this record applies to nothing and the next {COMMAND} accept removes it"
    )


def not_recorded_note(status: Status, record_shown: str) -> str | None:
    """One line for every section not yet recorded, or ``None`` when there is none."""
    names = status.named(State.NOT_RECORDED)
    if not names:
        return None
    if not status.record_exists:
        return f"{record_shown} does not exist yet: {len(names)} sections not yet recorded; once the English edition is in step, create it with {COMMAND} accept --all"
    counted = "1 section" if len(names) == 1 else f"{len(names)} sections"
    return f"{counted} not yet recorded in {record_shown} (no notice is shown for them): {_summary(names)}; confirm with {COMMAND} accept SECTION"
