"""The control-number index: each cited control → the sections that cite it, per language.

The index is a graph over every page of both languages, so it is built from the whole
corpus (language → page → scan) once every page has been read, never page by page.
Only identifiers the catalogue knows are indexed; the others are validation problems.
"""

from __future__ import annotations

from dataclasses import dataclass

from isocontrols.catalogue import Catalogue, Control, sort_key
from isocontrols.citations import Citation, Heading, PageScan

Corpus = dict[str, dict[str, PageScan]]
"""Language → page path inside that language's folder (``operations.md``) → its scan."""


@dataclass(frozen=True)
class SectionRef:
    """A section (or a whole page) that cites controls, in one language."""

    page: str
    anchor: str | None
    number: str | None
    title: str
    line: int

    @property
    def label(self) -> str:
        """How the section is named in lists: ``5.3. バックアップ`` (``5.3.`` alone when it has no title)."""
        return " ".join(part for part in (f"{self.number}." if self.number else "", self.title) if part)

    @property
    def target(self) -> str:
        """The page path with the anchor: ``operations.md#backup``."""
        return f"{self.page}#{self.anchor}" if self.anchor else self.page


@dataclass(frozen=True)
class Entry:
    """One cited control and, for each language, the sections that cite it."""

    control: Control
    sections: dict[str, tuple[SectionRef, ...]]


def section_order(ref: SectionRef) -> tuple[int, tuple[int, ...], str]:
    """The white paper's order: numbered sections by number, then the rest by address."""
    if ref.number is None:
        return 1, (), ref.target
    return 0, tuple(int(part) for part in ref.number.split(".")), ref.target


def section_ref(page: str, scan: PageScan, section: Heading | None) -> SectionRef:
    """Describe the section a citation belongs to; ``None`` stands for the page itself.

    The title is the heading's text as the page shows it, less its number and the
    citations in it; a heading that holds nothing else is named by its number or, failing
    that, its anchor (validation refuses such a heading, so this only shows while serving).
    """
    heading = section or scan.title
    if heading is None:
        return SectionRef(page=page, anchor=None, number=None, title=page, line=1)
    own = [c for c in scan.citations_of(section) if c.in_heading] if section else []
    title = heading.title_without(own) or ("" if heading.number else f"#{heading.anchor or page}")
    return SectionRef(
        page=page,
        anchor=section.anchor if section else None,
        number=heading.number,
        title=title,
        line=heading.line,
    )


def known_ids(citation: Citation, catalogue: Catalogue) -> list[str]:
    """The items of a citation that name a control of the catalogue."""
    return [item for item in citation.ids if item in catalogue.controls]


def build(corpus: Corpus, catalogue: Catalogue) -> dict[str, Entry]:
    """Index every known cited control, in catalogue order, with its sections per language."""
    found: dict[str, dict[str, dict[SectionRef, None]]] = {}  # dicts as ordered sets
    for language, pages in corpus.items():
        for page, scan in pages.items():
            for section, citations in scan.by_section.items():
                ref = section_ref(page, scan, section)
                for citation in citations:
                    for control_id in known_ids(citation, catalogue):
                        found.setdefault(control_id, {}).setdefault(language, {})[ref] = None
    return {
        control_id: Entry(
            control=catalogue.controls[control_id],
            sections={lang: tuple(sorted(refs, key=section_order)) for lang, refs in found[control_id].items()},
        )
        for control_id in sorted(found, key=sort_key)
    }


def by_group(entries: dict[str, Entry]) -> dict[str, list[Entry]]:
    """Entries grouped by clause (``A.5`` … ``A.18``, then ``CLD``), in order."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries.values():
        groups.setdefault(entry.control.group, []).append(entry)
    return groups
