"""Turn the structures into Markdown: linked citations, the control index, the errata table.

The output is Markdown, not HTML, on purpose: MkDocs then resolves and checks every
link (``controls.md#a-9-2-3`` becomes ``../controls/#a-9-2-3`` in each language), the
table of contents lists each clause and control, and search indexes them.

A citation keeps its brackets and becomes one link per identifier::

    【A.9.2.3, A.9.4.4】 → 【[A.9.2.3](controls.md#a-9-2-3 "特権的アクセス権の管理"){.citation}, …】
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from isocontrols.catalogue import Catalogue, Titled, anchor_for
from isocontrols.citations import PageScan
from isocontrols.errata import Erratum
from isocontrols.index import Entry, by_group

CONTROL_INDEX_PAGE = "controls.md"
"""The page, in each language's folder, that holds the control index."""

INDEX_MARKER = "<!-- control-index -->"
"""Where the control index is written into its page."""

ERRATA_MARKER = "<!-- errata -->"
"""Where the errata table is written into the revision history."""

WORDS = {
    "ja": {
        "cited_in": "引用している節",
        "section": "節",
        "original": "訂正前",
        "corrected": "訂正後",
        "reason": "理由",
        "no_sections": "この言語ではどの節も引用していません。",
    },
    "en": {
        "cited_in": "Cited in",
        "section": "Section",
        "original": "Original",
        "corrected": "Corrected",
        "reason": "Reason",
        "no_sections": "No section cites it in this language.",
    },
}
"""The few words the generated Markdown needs, per language."""


def _escape_title(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def relative_link(from_page: str, target: str) -> str:
    """A link from one page to another in the same language folder: ``operations.md`` → ``controls.md#…``."""
    base = posixpath.dirname(from_page)
    path, _, anchor = target.partition("#")
    link = posixpath.relpath(path, base or ".") if base else path
    return f"{link}#{anchor}" if anchor else link


def _title_markdown(item: Titled, language: str) -> str:
    """A title in the page's language; an English fallback is marked as English for screen readers."""
    if item.has_title(language):
        return item.title(language)
    return f'<span lang="en">{item.title_en}</span>'


def link_citations(markdown: str, scan: PageScan, page: str, language: str, catalogue: Catalogue) -> str:
    """Rewrite each known identifier of each citation as a link to its control index entry."""
    pieces = []
    position = 0
    for citation in scan.citations:
        for item in citation.items:
            control = catalogue.controls.get(item.text)
            if control is None:
                continue
            href = relative_link(page, f"{CONTROL_INDEX_PAGE}#{control.anchor}")
            title = _escape_title(control.title(language))
            pieces += [markdown[position : item.start], f'[{item.text}]({href} "{title}"){{ .citation }}']
            position = item.end
    pieces.append(markdown[position:])
    return "".join(pieces)


def render_index(entries: dict[str, Entry], catalogue: Catalogue, page: str, language: str) -> str:
    """The control index in ``language``: clauses as level-2 headings, controls as level-3 entries."""
    words = WORDS[language]
    lines: list[str] = []
    for group_id, group_entries in by_group(entries).items():
        group = catalogue.groups[group_id]
        lines += [f"## {group_id} {_title_markdown(group, language)} {{#{anchor_for('clause-' + group_id)}}}", ""]
        for entry in group_entries:
            control = entry.control
            lines += [
                f"### {control.id} {_title_markdown(control, language)} {{#{control.anchor} .control-entry}}",
                "",
                f"{words['cited_in']}:",
                "",
            ]
            refs = entry.sections.get(language, ())
            lines += [f"- [{ref.label}]({relative_link(page, ref.target)})" for ref in refs] or [words["no_sections"]]
            lines.append("")
    return "\n".join(lines)


def render_errata(errata: Iterable[Erratum], page: str, language: str) -> str:
    """The errata as a table: section (linked), original, corrected, reason."""
    words = WORDS[language]
    rows = [
        f"| {words['section']} | {words['original']} | {words['corrected']} | {words['reason']} |",
        "| --- | --- | --- | --- |",
    ]
    for erratum in errata:
        link = relative_link(page, f"{erratum.page}#{erratum.anchor}")
        reason = erratum.reason_ja if language == "ja" else erratum.reason_en
        rows.append(
            f"| [{erratum.section}]({link}) | <span lang=\"ja\">{_cell(erratum.original)}</span> "
            f"| <span lang=\"ja\">{_cell(erratum.corrected)}</span> | {_cell(reason)} |"
        )
    return "\n".join(rows)


def _cell(text: str) -> str:
    """Table-cell text: pipes escaped, brackets kept literal so a quoted citation is not linked."""
    return text.replace("|", "\\|").replace("【", "&#12304;").replace("】", "&#12305;")


def replace_marker(markdown: str, marker: str, generated: str) -> str:
    """Put generated Markdown where the page has its marker line."""
    return markdown.replace(marker, generated, 1)
