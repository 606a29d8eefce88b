"""Turn the structures into Markdown: linked citations, the control index, the errata table.

Headings stay Markdown, so that the table of contents lists each clause and control and
search indexes them; links are written as HTML with final URLs from a ``Linker`` (see
``urls``), so that the print edition can point the same links inside its own page.

A citation keeps its brackets and becomes one link per identifier::

    【A.9.2.3, A.9.4.4】 → 【<a class="citation" href="../controls/#a-9-2-3" title="特権的アクセス権の管理">A.9.2.3</a>, …】

Every value goes through ``escaping`` for the place it is written: HTML text, an attribute,
a URL fragment, or Markdown text.
"""

from __future__ import annotations

from collections.abc import Iterable

from isocontrols.catalogue import Catalogue, Control, Titled, anchor_for
from isocontrols.errata import Erratum
from isocontrols.escaping import html_attribute, html_text, markdown_text, url_fragment
from isocontrols.index import Entry, SectionRef, by_group
from isocontrols.urls import Linker

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
        "iso2022": "ISO/IEC 27001:2022 の対応管理策",
        "no_2022": "なし（ISO/IEC 27017 のクラウドサービス拡張管理策には、ISO/IEC 27001:2022 附属書 A の対応管理策がありません）",
    },
    "en": {
        "cited_in": "Cited in",
        "section": "Section",
        "original": "Original",
        "corrected": "Corrected",
        "reason": "Reason",
        "no_sections": "No section cites it in this language.",
        "iso2022": "ISO/IEC 27001:2022 equivalents",
        "no_2022": "none (ISO/IEC 27017 cloud service controls have no equivalent in ISO/IEC 27001:2022 Annex A)",
    },
}
"""The few words the generated Markdown needs, per language."""


def title_html(item: Titled, language: str) -> str:
    """A title in the page's language, as HTML; an English fallback is marked as English for screen readers."""
    if item.has_title(language):
        return html_text(item.title(language))
    return f'<span lang="en">{html_text(item.title_en)}</span>'


def title_markdown(item: Titled, language: str) -> str:
    """A title in the page's language, as Markdown text (``title_html`` with Markdown syntax escaped)."""
    if item.has_title(language):
        return markdown_text(item.title(language))
    return f'<span lang="en">{markdown_text(item.title_en)}</span>'


def citation_link(control: Control, language: str, link: Linker) -> str:
    """The link a cited identifier becomes: to its control index entry, titled with the control's title."""
    href = html_attribute(link(f"{CONTROL_INDEX_PAGE}#{url_fragment(control.anchor)}"))
    return f'<a class="citation" href="{href}" title="{html_attribute(control.title(language))}">{html_text(control.id)}</a>'


def link_list(targets: Iterable[tuple[str, str]], link: Linker, empty: str) -> str:
    """(target, label HTML) pairs as an HTML list of links: a raw block MkDocs passes through untouched.

    The list is left out of search (``data-search-exclude``): each link names a section or a
    control that search finds on its own, so the entry holding the list would only add noise.
    """
    items = [f'<li><a href="{html_attribute(link(target))}">{label}</a></li>' for target, label in targets]
    return f'<ul class="link-list" data-search-exclude>{"".join(items)}</ul>' if items else f"<p>{html_text(empty)}</p>"


def section_target(ref: SectionRef) -> str:
    """A section's link target with its anchor written for a URL: ``operations.md#backup``."""
    return f"{ref.page}#{url_fragment(ref.anchor)}" if ref.anchor else ref.page


def section_list(refs: Iterable[SectionRef], link: Linker, empty: str) -> str:
    """The sections that cite a control, each linked."""
    return link_list(((section_target(ref), html_text(ref.label)) for ref in refs), link, empty)


def cited_in(refs: Iterable[SectionRef], language: str, link: Linker) -> list[str]:
    """The "cited in" part of an entry (of the control index or the 2022 view): a label and the list."""
    words = WORDS[language]
    return [f"{words['cited_in']}:", "", section_list(refs, link, words["no_sections"]), ""]


def equivalents_2022(control: Control, catalogue: Catalogue, language: str) -> str:
    """The line of a control entry naming its ISO/IEC 27001:2022 equivalents (titles are English only)."""
    words = WORDS[language]
    separator = "、" if language == "ja" else ", "
    named = [f"{id_2022} {title_markdown(catalogue.controls_2022[id_2022], language)}" for id_2022 in control.ids_2022]
    return f"{words['iso2022']}: {separator.join(named) or words['no_2022']}"


def render_index(entries: dict[str, Entry], catalogue: Catalogue, language: str, link: Linker) -> str:
    """The control index in ``language``: clauses as level-2 headings, controls as level-3 entries."""
    lines: list[str] = []
    for group_id, group_entries in by_group(entries).items():
        group = catalogue.groups[group_id]
        lines += [f"## {group_id} {title_markdown(group, language)} {{#{anchor_for('clause-' + group_id)}}}", ""]
        for entry in group_entries:
            control = entry.control
            lines += [
                f"### {control.id} {title_markdown(control, language)} {{#{control.anchor} .control-entry}}",
                "",
                equivalents_2022(control, catalogue, language),
                "",
                *cited_in(entry.sections.get(language, ()), language, link),
            ]
    return "\n".join(lines)


def render_errata(errata: Iterable[Erratum], language: str, link: Linker) -> str:
    """The errata as one line of HTML: a table (section linked, original, corrected, reason) without a class, styled as any table.

    The quoted texts are marked ``quoted-text``: they show the source's words, citations
    included, which are neither linked nor counted (``page_checks`` knows the mark).
    """
    words = WORDS[language]
    head = "".join(f"<th>{html_text(words[key])}</th>" for key in ("section", "original", "corrected", "reason"))
    rows = []
    for erratum in errata:
        href = html_attribute(link(f"{erratum.page}#{url_fragment(erratum.anchor)}"))
        reason = erratum.reason(language)
        quoted = [f'<td><span class="quoted-text" lang="ja">{html_text(text)}</span></td>' for text in (erratum.original, erratum.corrected)]
        rows.append(f'<tr><td><a href="{href}">{html_text(erratum.section)}</a></td>{"".join(quoted)}<td>{html_text(reason)}</td></tr>')
    return f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
