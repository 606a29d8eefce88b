"""Coverage at a glance: every control of the catalogue, cited or not, clause by clause.

The 114 ISO/IEC 27001:2013 Annex A controls (14 clauses) and the 7 ISO/IEC 27017 CLD
controls become a compact grid, one cell per control. A cited cell is a link to the
control's entry in the index and carries a visible mark (✓, a bold border) besides its
colour; an uncited cell is plain text. Counts are written out as text too::

    ## A.5 情報セキュリティのための方針群 {#coverage-a-5}
    引用あり 1 件、引用なし 1 件（全 2 件）
    <ul class="coverage-grid" data-search-exclude><li class="coverage-cell coverage-cell--cited"><a href="../controls/#a-5-1-1">A.5.1.1 ✓
      <hidden: title (cited)></a></li><li class="coverage-cell coverage-cell--uncited">A.5.1.2 <hidden: title (not cited)></li></ul>

The cells are HTML links with final URLs (``urls.Linker``); each clause's grid is one line
of HTML that ``generate.Deferred`` keeps out of the Markdown, and ``tests/test_links.py``
checks every link of the built site. The page holds a marker that the hook replaces.
"""

from __future__ import annotations

from dataclasses import dataclass

from isocontrols.catalogue import Catalogue, Control, Titled, anchor_for
from isocontrols.index import Entry
from isocontrols.escaping import html_attribute, html_text
from isocontrols.rendering import CONTROL_INDEX_PAGE, title_html, title_markdown
from isocontrols.urls import Linker

COVERAGE_MARKER = "<!-- control-coverage -->"
"""Where the coverage grid is written into its page."""

WORDS = {
    "ja": {
        "summary": (
            "ISO/IEC 27001:2013 附属書 A の全 {a_total} 管理策のうち {a_cited} 管理策（引用なし {a_uncited}）、"
            "ISO/IEC 27017 のクラウドサービス拡張管理策 全 {cld_total} 管理策のうち {cld_cited} 管理策"
            "（引用なし {cld_uncited}）を、ホワイトペーパーが引用しています。"
        ),
        "counts": "引用あり {cited} 件、引用なし {uncited} 件（全 {total} 件）",
        "cited": "引用あり",
        "uncited": "引用なし",
        "described": "{title}（{state}）",
    },
    "en": {
        "summary": (
            "The white paper cites {a_cited} of the {a_total} ISO/IEC 27001:2013 Annex A controls "
            "({a_uncited} not cited) and {cld_cited} of the {cld_total} ISO/IEC 27017 cloud service controls "
            "({cld_uncited} not cited)."
        ),
        "counts": "{cited} cited, {uncited} not cited (of {total})",
        "cited": "cited",
        "uncited": "not cited",
        "described": "{title} ({state})",
    },
}
"""The few words the generated Markdown needs, per language."""


@dataclass(frozen=True)
class Cell:
    """One control of the grid and whether the white paper cites it in the page's language."""

    control: Control
    cited: bool


@dataclass(frozen=True)
class Clause:
    """A clause (``A.9``) or the CLD family, with a cell per control in catalogue order."""

    group: Titled
    cells: tuple[Cell, ...]

    @property
    def cited(self) -> int:
        """How many of its controls are cited."""
        return sum(cell.cited for cell in self.cells)

    @property
    def uncited(self) -> int:
        """How many of its controls are not cited."""
        return len(self.cells) - self.cited

    @property
    def anchor(self) -> str:
        """The clause's anchor on the coverage page: ``A.9`` → ``coverage-a-9``."""
        return anchor_for(f"coverage-{self.group.id}")


def build(entries: dict[str, Entry], catalogue: Catalogue, language: str) -> tuple[Clause, ...]:
    """Every clause with all its controls, marked cited where a section of ``language`` cites them."""
    cells: dict[str, list[Cell]] = {}
    for control in catalogue.controls.values():
        entry = entries.get(control.id)
        cited = entry is not None and bool(entry.sections.get(language))
        cells.setdefault(control.group, []).append(Cell(control, cited))
    return tuple(Clause(catalogue.groups[group], tuple(members)) for group, members in cells.items())


def _totals(clauses: tuple[Clause, ...], cld: bool) -> tuple[int, int]:
    chosen = [clause for clause in clauses if (clause.group.id == "CLD") == cld]
    return sum(len(c.cells) for c in chosen), sum(c.cited for c in chosen)


def summary(clauses: tuple[Clause, ...], language: str) -> str:
    """The counts of the whole grid as a sentence."""
    a_total, a_cited = _totals(clauses, cld=False)
    cld_total, cld_cited = _totals(clauses, cld=True)
    return WORDS[language]["summary"].format(
        a_total=a_total,
        a_cited=a_cited,
        a_uncited=a_total - a_cited,
        cld_total=cld_total,
        cld_cited=cld_cited,
        cld_uncited=cld_total - cld_cited,
    )


def render_cell(cell: Cell, language: str, link: Linker) -> str:
    """One grid cell: a marked link to the control's entry, or plain text.

    Both carry the control's title and state as visually hidden text, so a screen reader
    hears "A.9.2.3 Management of privileged access rights (cited)" for each cell.
    """
    words = WORDS[language]
    control = cell.control
    hidden = words["described"].format(title=title_html(control, language), state=html_text(words["cited" if cell.cited else "uncited"]))
    hidden = f'<span class="coverage-hidden"> {hidden}</span>'
    if cell.cited:
        href = html_attribute(link(f"{CONTROL_INDEX_PAGE}#{control.anchor}"))
        mark = '<span class="coverage-mark" aria-hidden="true">✓</span>'
        return f'<li class="coverage-cell coverage-cell--cited"><a href="{href}">{html_text(control.id)} {mark}{hidden}</a></li>'
    return f'<li class="coverage-cell coverage-cell--uncited">{html_text(control.id)}{hidden}</li>'


def render_coverage(clauses: tuple[Clause, ...], language: str, link: Linker) -> str:
    """The coverage page's body: the summary, then per clause a heading, its counts and its grid."""
    words = WORDS[language]
    lines = [summary(clauses, language), ""]
    for clause in clauses:
        group = clause.group
        lines += [
            f"## {group.id} {title_markdown(group, language)} {{#{clause.anchor}}}",
            "",
            words["counts"].format(cited=clause.cited, uncited=clause.uncited, total=len(clause.cells)),
            "{ .coverage-counts }",
            "",
            '<ul class="coverage-grid" data-search-exclude>' + "".join(render_cell(cell, language, link) for cell in clause.cells) + "</ul>",
            "",
        ]
    return "\n".join(lines)
