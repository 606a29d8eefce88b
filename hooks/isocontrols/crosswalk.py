"""The ISO/IEC 27001:2022 view of the index: each 2022 control a cited 2013 control maps to.

The white paper cites 2013 numbers; customers now ask in 2022 numbers. The catalogue
carries each 2013 control's 2022 equivalents (``data/map-2013-to-2022.csv``), so the
2022 view is derived from the index, never written by hand::

    A.9.2.3 cited in 4.4 (application-security.md#utility-programs)
        → 8.2 Privileged access rights: A.9.2.3 → 4.4

The view page holds a marker that the hook replaces with ``render_view``; each 2022
control gets the stable anchor ``#iso2022-8-2`` in both languages. Search adds the 2022
numbers of each section to its terms through ``ids_2022_by_section``.
"""

from __future__ import annotations

from dataclasses import dataclass

from isocontrols.catalogue import LANGUAGES, Catalogue, Control, Titled, anchor_for
from isocontrols.index import Entry, SectionRef, section_order
from isocontrols.escaping import html_text
from isocontrols.rendering import CONTROL_INDEX_PAGE, cited_in, link_list, title_html, title_markdown
from isocontrols.urls import Linker

VIEW_PAGE = "controls-2022.md"
"""The page, in each language's folder, that holds the 2022 view."""

VIEW_MARKER = "<!-- control-index-2022 -->"
"""Where the 2022 view is written into its page."""

WORDS = {
    "ja": {
        "mapped_from": "対応する ISO/IEC 27001:2013 の管理策",
        "summary": "ISO/IEC 27001:2022 附属書 A の {total} 管理策のうち {reached} 管理策が、ホワイトペーパーの引用する管理策に対応しています。",
    },
    "en": {
        "mapped_from": "ISO/IEC 27001:2013 controls that map to it",
        "summary": "{reached} of the {total} ISO/IEC 27001:2022 Annex A controls correspond to controls the white paper cites.",
    },
}
"""The words the 2022 view adds to those of ``rendering.WORDS``, per language."""


@dataclass(frozen=True)
class Equivalent:
    """One 2022 control reached from cited 2013 controls, with the sections that cite them."""

    control: Titled
    sources: tuple[Control, ...]
    """The cited 2013 controls that map to it, in catalogue order."""
    sections: dict[str, tuple[SectionRef, ...]]
    """Language → the sections citing any of ``sources``, each once, in the white paper's order."""

    @property
    def anchor(self) -> str:
        """The entry's anchor on the 2022 view: ``8.2`` → ``iso2022-8-2``."""
        return anchor_2022(self.control.id)


def anchor_2022(id_2022: str) -> str:
    """The URL fragment of a 2022 control, distinct from any 2013 anchor: ``iso2022-8-13``."""
    return anchor_for(f"iso2022-{id_2022}")


def sort_key_2022(id_2022: str) -> tuple[int, ...]:
    """Order 2022 identifiers numerically: 5.9 before 5.10."""
    return tuple(int(part) for part in id_2022.split("."))


def theme_of(id_2022: str) -> str:
    """The theme (clause) of a 2022 control: ``8.13`` → ``8``."""
    return id_2022.split(".")[0]


def _merged(refs: list[SectionRef]) -> tuple[SectionRef, ...]:
    return tuple(sorted(dict.fromkeys(refs), key=section_order))


def build(entries: dict[str, Entry], catalogue: Catalogue) -> dict[str, Equivalent]:
    """Every 2022 control reached from a cited control, in 2022 order."""
    sources: dict[str, list[Entry]] = {}
    for entry in entries.values():
        for id_2022 in entry.control.ids_2022:
            sources.setdefault(id_2022, []).append(entry)
    return {
        id_2022: Equivalent(
            control=catalogue.controls_2022[id_2022],
            sources=tuple(entry.control for entry in reached),
            sections={
                language: _merged([ref for entry in reached for ref in entry.sections.get(language, ())])
                for language in LANGUAGES
            },
        )
        for id_2022, reached in sorted(sources.items(), key=lambda item: sort_key_2022(item[0]))
    }


def ids_2022_by_section(entries: dict[str, Entry], language: str) -> dict[tuple[str, str | None], frozenset[str]]:
    """(page, anchor) → the 2022 numbers its citations map to, for one language.

    ``anchor`` is ``None`` for citations that belong to the page itself. Search adds these
    numbers to the section's terms, so that ``8.13`` finds the sections that answer it.
    """
    found: dict[tuple[str, str | None], set[str]] = {}
    for entry in entries.values():
        for ref in entry.sections.get(language, ()):
            found.setdefault((ref.page, ref.anchor), set()).update(entry.control.ids_2022)
    return {key: frozenset(ids) for key, ids in found.items() if ids}


def by_theme(equivalents: dict[str, Equivalent]) -> dict[str, list[Equivalent]]:
    """The equivalents grouped by theme (``5`` … ``8``), in order."""
    themes: dict[str, list[Equivalent]] = {}
    for equivalent in equivalents.values():
        themes.setdefault(theme_of(equivalent.control.id), []).append(equivalent)
    return themes


def render_view(equivalents: dict[str, Equivalent], catalogue: Catalogue, language: str, link: Linker) -> str:
    """The 2022 view in ``language``: themes as level-2 headings, 2022 controls as level-3 entries."""
    words = WORDS[language]
    themes = catalogue.themes_2022
    lines = [words["summary"].format(total=len(catalogue.controls_2022), reached=len(equivalents)), ""]
    for theme_id, members in by_theme(equivalents).items():
        theme = themes[theme_id]
        lines += [f"## {theme_id} {title_markdown(theme, language)} {{#{anchor_2022('theme-' + theme_id)}}}", ""]
        for equivalent in members:
            lines += _render_equivalent(equivalent, language, link)
    return "\n".join(lines)


def _render_equivalent(equivalent: Equivalent, language: str, link: Linker) -> list[str]:
    words = WORDS[language]
    control = equivalent.control
    sources = [(f"{CONTROL_INDEX_PAGE}#{s.anchor}", f"{html_text(s.id)} {title_html(s, language)}") for s in equivalent.sources]
    return [
        f"### {control.id} {title_markdown(control, language)} {{#{equivalent.anchor} .iso2022-entry}}",
        "",
        f"{words['mapped_from']}:",
        "",
        link_list(sources, link, ""),
        "",
        *cited_in(equivalent.sections.get(language, ()), language, link),
    ]
