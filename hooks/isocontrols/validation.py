"""Check every citation and the two editions against each other; return the problems.

Nothing here logs: each check returns ``Problem`` values and the MkDocs hook reports
them as warnings, so that ``mkdocs build --strict`` fails and a writer reads e.g.::

    docs/ja/operations.md:42: unknown control A.12.4.5 in 【A.12.4.5】; did you mean CLD.12.4.5?

Writers' rule for identifiers (a decision, documented in the README): a citation must
spell identifiers exactly as the standards do, ASCII and upper case (``A.9.2.3``,
``CLD.12.1.5``). Full-width (``Ａ．９．２．３``) or lower-case (``a.9.2.3``) spellings are
rejected with the exact fix, rather than normalised, so that the published text, the
index and the search terms all carry one spelling.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection
from pathlib import PurePosixPath

from isocontrols.catalogue import LANGUAGE_NAMES, LANGUAGES, Catalogue
from isocontrols.citations import Heading, PageScan, as_plain_text
from isocontrols.crosswalk import VIEW_MARKER, VIEW_PAGE
from isocontrols.errata import Errata
from isocontrols.frontmatter import Split
from isocontrols.index import Corpus, known_ids
from isocontrols.problems import Problem
from isocontrols.rendering import CONTROL_INDEX_PAGE, INDEX_MARKER

WELL_FORMED = re.compile(r"^(?:A|CLD)\.\d+(?:\.\d+)*$")
"""An identifier spelled the standards' way, known or not."""

LOOSE = re.compile(r"^(?P<prefix>A|CLD)?\.?(?P<numbers>\d+(?:\.\d+)*)$")
"""An identifier with its prefix or first dot missing: ``A9.2.3``, ``9.2.3``."""


BARE_NUMBERS = re.compile(r"^\d+(?:\.\d+)+$")
"""An identifier without its ``A.``/``CLD.`` prefix: it may as well be a version or a clause."""

MARKER_NAME = re.compile(r"^<!--\s*(?P<name>\S+?)\s*-->$")
"""The name inside a marker line: ``control-index`` in ``<!-- control-index -->``."""

PAGES_WITH_PARTS = {CONTROL_INDEX_PAGE: INDEX_MARKER, VIEW_PAGE: VIEW_MARKER}
"""Pages whose generated part other pages link into: without its marker line they would be empty."""


def _canonical(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper()


def _did_you_mean(candidate: str | None) -> str:
    return f"; did you mean {candidate}?" if candidate else ""


def _closest(control_id: str, catalogue: Catalogue) -> str | None:
    """The likeliest intended control: the CLD twin of an unknown A.x.y.z, else the closest
    spelling, looked for first among the controls of the same objective (A.12.3.2 → A.12.3.1)."""
    twin = "CLD." + control_id[2:] if control_id.startswith("A.") else None
    if twin in catalogue.controls:
        return twin
    siblings = catalogue.objective_controls(control_id.rsplit(".", 1)[0])
    for candidates in ([c.id for c in siblings], list(catalogue.controls)):
        matches = difflib.get_close_matches(control_id, candidates, n=1, cutoff=0.85)
        if matches:
            return matches[0]
    return None


def check_item(item: str, catalogue: Catalogue) -> tuple[str, str | None] | None:
    """What is wrong with one identifier, and the suggested fix; ``None`` when it is a known control."""
    if item in catalogue.controls:
        return None
    if not item:
        return "a separator with no control ID next to it", None
    canonical = _canonical(item)
    if canonical != item and canonical in catalogue.controls:
        return f"write control IDs in ASCII capitals: '{item}'", canonical
    if WELL_FORMED.match(item) and item in catalogue.groups:
        group = catalogue.groups[item]
        members = catalogue.objective_controls(item)
        span = f"{members[0].id} … {members[-1].id}" if members else "its controls"
        return f"{item} is a clause or control objective ({group.title_en}), not a control; cite one of {span}", None
    if WELL_FORMED.match(item):
        return f"unknown control {item}", _closest(item, catalogue)
    loose = LOOSE.match(canonical)
    if loose:
        numbers = loose.group("numbers")
        prefixes = [loose.group("prefix")] if loose.group("prefix") else ["A", "CLD"]
        guess = next((f"{p}.{numbers}" for p in prefixes if f"{p}.{numbers}" in catalogue.controls), None)
        return f"malformed control ID '{item}'", guess
    return f"'{item}' is not a control ID", None


def check_citations(path: str, scan: PageScan, catalogue: Catalogue) -> list[Problem]:
    """One problem for each identifier of a page that does not name a known control.

    Where the identifier may be no control at all (no near miss of one, as ``【A.1】``; or bare
    numbers, as a version ``[6.1.2]``, even when a control is close), the message also says how
    to write the brackets as plain text. A prefixed near miss (``A12.4.1``) only gets the control.
    """
    problems = []
    for citation in scan.citations:
        for item in citation.items:
            found = check_item(item.text, catalogue)
            if found:
                message, suggestion = found
                hint = _did_you_mean(suggestion)
                as_text = f"it is not a citation, write it as {as_plain_text(citation.text)}"
                if not suggestion and item.text and item.text not in catalogue.groups:  # a clause's message names its controls
                    hint = f"; if {as_text}"
                elif BARE_NUMBERS.match(unicodedata.normalize("NFKC", item.text)):
                    hint += f" If {as_text}"
                problems.append(Problem(path, citation.line, f"{message} in {citation.text}{hint}"))
    return problems


def check_refusals(path: str, scan: PageScan) -> list[Problem]:
    """Citation-shaped text the page cannot publish as a citation (a link's label), with how to fix it."""
    return [Problem(path, refusal.line, refusal.reason) for refusal in scan.refusals]


ANCHOR = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
"""What an explicit anchor may be: ASCII letters, digits, ``-`` and ``_``, starting with a letter."""


def _anchor_like(text: str) -> str:
    """A valid anchor close to ``text``: ``5.3 Backup!`` → ``backup``, ``"x>`` → ``x``; ``backup`` when ``text`` has no ASCII word."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-_")
    return re.sub(r"^[0-9_-]+", "", slug) or "backup"


def check_anchors(path: str, scan: PageScan) -> list[Problem]:
    """The headings' anchors: where one is needed, whether it is well formed, and that none is used twice.

    Numbered section headings, and any heading that owns a citation, must carry an explicit
    anchor (the same in both languages): the index, the exports and shared links point at it.
    An anchor is written into addresses and HTML, so it may only hold ASCII letters, digits,
    ``-`` and ``_``, starting with a letter; and it must name one heading of its page.
    """
    owners = set(scan.by_section)
    problems = []
    seen: dict[str, int] = {}
    for heading in scan.headings:
        if heading.level >= 2 and (heading.number or heading in owners) and not heading.anchor:
            suggestion = _anchor_like(heading.title_without(list(scan.citations_of(heading))))
            message = f"section heading '{heading.text}' has no explicit anchor; add one such as {{#{suggestion}}}, the same in both languages"
            problems.append(Problem(path, heading.line, message))
        if heading.anchor is None:
            continue
        if not ANCHOR.match(heading.anchor):
            problems.append(
                Problem(
                    path,
                    heading.line,
                    f"anchor '#{heading.anchor}' of heading '{heading.text}' may hold only ASCII letters, digits, '-' and '_', "
                    f"starting with a letter; write {{#{_anchor_like(heading.anchor)}}}",
                )
            )
        elif heading.anchor in seen:
            problems.append(
                Problem(path, heading.line, f"anchor #{heading.anchor} is already used by the heading on line {seen[heading.anchor]}; give this heading another anchor")
            )
        seen.setdefault(heading.anchor, heading.line)
    return problems


def check_titles(path: str, scan: PageScan) -> list[Problem]:
    """A heading that holds a citation must also have words: the index, the exports and search name the section by them."""
    return [
        Problem(path, heading.line, f"heading '{heading.text}' has no title besides its number and citation; write what the section is about before the citation")
        for heading, citations in scan.by_section.items()
        if heading is not None and any(c.in_heading for c in citations) and not heading.title_without([c for c in citations if c.in_heading])
    ]


def check_markers(path: str, scan: PageScan, known: Collection[str]) -> list[Problem]:
    """A generated part is written once: a second marker line of the same part would stay empty.
    A marker line spelled almost as a known one (``<!--control-index-->``, ``<!-- control_index -->``)
    would generate nothing, so it is refused with the spelling to write."""
    problems = []
    for marker in known:
        lines = scan.marker_lines(marker)
        problems += [
            Problem(path, later.line, f"{marker} is already on line {lines[0].line}; a page holds each generated part once (remove this line)")
            for later in lines[1:]
        ]
    names = {match.group("name"): marker for marker in known if (match := MARKER_NAME.match(marker))}
    for line in scan.markers:
        written = MARKER_NAME.match(line.text)
        if line.text in known or not written:
            continue
        meant = difflib.get_close_matches(written.group("name").lower().replace("_", "-"), names, n=1, cutoff=0.8)
        if meant:
            problems.append(Problem(path, line.line, f"{line.text} generates nothing; write {names[meant[0]]} exactly, alone on its line"))
    return problems


def _cited_by_section(scan: PageScan, catalogue: Catalogue) -> dict[str | None, tuple[Heading | None, set[str]]]:
    """Anchor → (section heading, the known controls it cites); ``None`` holds the page's own citations."""
    cited: dict[str | None, tuple[Heading | None, set[str]]] = {h.anchor: (h, set()) for h in scan.sections() if h.anchor}
    cited.setdefault(None, (None, set()))
    for citation in scan.citations:
        anchor = citation.section.anchor if citation.section else None
        cited.setdefault(anchor, (citation.section, set()))[1].update(known_ids(citation, catalogue))
    return cited


def _describe(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) if ids else "nothing"


def check_editions(corpus: Corpus, catalogue: Catalogue, docs_prefix: str = "") -> list[Problem]:
    """Every page exists in both languages; twin sections have the same number and cite the same controls."""
    default, other = LANGUAGES
    problems = []
    pages = sorted(set(corpus.get(default, {})) | set(corpus.get(other, {})))
    for page in pages:
        present = [lang for lang in LANGUAGES if page in corpus.get(lang, {})]
        if len(present) < len(LANGUAGES):
            missing = next(lang for lang in LANGUAGES if lang not in present)
            problems.append(
                Problem(
                    f"{docs_prefix}{present[0]}/{page}",
                    None,
                    f"page has no {LANGUAGE_NAMES[missing]} version: add {docs_prefix}{missing}/{page}",
                )
            )
            continue
        problems += _compare_sections(page, corpus[default][page], corpus[other][page], catalogue, docs_prefix)
    return problems


def _compare_sections(page: str, first: PageScan, second: PageScan, catalogue: Catalogue, prefix: str) -> list[Problem]:
    default, other = LANGUAGES
    ours, theirs = _cited_by_section(first, catalogue), _cited_by_section(second, catalogue)
    problems = []
    for anchor in sorted(set(ours) | set(theirs), key=str):
        if anchor not in theirs or anchor not in ours:
            lang, where = (default, ours) if anchor in ours else (other, theirs)
            missing = other if lang == default else default
            heading = where[anchor][0]
            problems.append(
                Problem(
                    f"{prefix}{lang}/{page}",
                    heading.line if heading else None,
                    f"section #{anchor} has no {LANGUAGE_NAMES[missing]} twin in {prefix}{missing}/{page}",
                )
            )
            continue
        (head_a, ids_a), (head_b, ids_b) = ours[anchor], theirs[anchor]
        where_b = f"{prefix}{other}/{page}"
        line_b = head_b.line if head_b else None
        label = f"section #{anchor}" if anchor else "the page"
        if head_a and head_b and head_a.number != head_b.number:
            numbered = f"{label} is numbered {head_b.number} here but {head_a.number} in {prefix}{default}/{page}"
            problems.append(Problem(where_b, line_b, numbered))
        if ids_a != ids_b:
            problems.append(
                Problem(
                    where_b,
                    line_b,
                    f"{label} cites {_describe(ids_b)} here but {_describe(ids_a)} in {prefix}{default}/{page}",
                )
            )
    return problems


def check_index_page(corpus: Corpus, docs_prefix: str = "") -> list[Problem]:
    """Citations link to the control index, so a language that cites controls needs that page; it
    and the 2022 crosswalk, which other pages link into, must hold their marker line (outside any
    block), or they would be published empty and every link into them broken."""
    problems = [
        Problem(
            f"{docs_prefix}{language}/{CONTROL_INDEX_PAGE}",
            None,
            f"missing: citations link to the control index; add this page with the line {INDEX_MARKER}",
        )
        for language, pages in corpus.items()
        if CONTROL_INDEX_PAGE not in pages and any(scan.citations for scan in pages.values())
    ]
    for language, pages in corpus.items():
        for page, marker in PAGES_WITH_PARTS.items():
            if page in pages and not pages[page].marker_lines(marker):
                problems.append(
                    Problem(
                        f"{docs_prefix}{language}/{page}",
                        None,
                        f"holds no line {marker}: other pages link into what it generates; write that line alone, outside any block",
                    )
                )
    return problems


def check_errata(errata: Errata, corpus: Corpus, docs_prefix: str = "") -> list[Problem]:
    """Each correction must point at a section that exists in both languages, with its number, and
    its corrected text must be on the Japanese page: a correction that no longer matches the page
    would publish a wrong erratum."""
    problems = list(errata.problems)
    default = LANGUAGES[0]
    file = errata.file
    for erratum in errata.rows:
        for language in LANGUAGES:
            where = f"{docs_prefix}{language}/{erratum.page}"
            scan = corpus.get(language, {}).get(erratum.page)
            heading = scan.heading(erratum.anchor) if scan else None
            if scan is None:
                problems.append(Problem(file, erratum.line, f"page {erratum.page} does not exist ({where})"))
            elif heading is None:
                problems.append(Problem(file, erratum.line, f"{where} has no section #{erratum.anchor}"))
            elif heading.number != erratum.section:
                problems.append(Problem(file, erratum.line, f"section {erratum.section} is numbered {heading.number} at {where}#{erratum.anchor}"))
            elif language == default and " ".join(erratum.corrected.split()) not in " ".join(scan.text.split()):
                problems.append(
                    Problem(file, erratum.line, f"the corrected text '{erratum.corrected}' is not on {where}; correct the row or the page")
                )
    return problems


def check_file(path: str, in_a_language: bool, page: Split, docs_prefix: str) -> list[Problem]:
    """How a page's file stands: inside a language folder (elsewhere nobody would check its citations),
    and without MultiMarkdown meta-data, which MkDocs takes off the page without a word (``Note: …``)."""
    if not in_a_language:
        relative = PurePosixPath(path.removeprefix(docs_prefix))
        if relative.parts[0] in LANGUAGES and relative.suffix != ".md":  # notes.markdown: MkDocs publishes it too
            return [Problem(path, None, f"pages are named .md here (no other page is checked); rename it to {relative.with_suffix('.md').name}")]
        folders = " and ".join(f"{docs_prefix}{language}/" for language in LANGUAGES)
        return [Problem(path, None, f"page outside the language folders; move it into {folders}")]
    if page.multimarkdown:
        keys = ", ".join(f"'{key}:'" for key in page.meta)
        return [
            Problem(path, 1, f"the page opens with {keys}, which MkDocs takes as meta-data and does not show; "
                    "put meta-data between --- lines, or start the page with its heading")
        ]
    return []


def check_page(path: str, scan: PageScan, catalogue: Catalogue, markers: Collection[str] = ()) -> list[Problem]:
    """Every problem of one page on its own, in the order of its lines."""
    found = check_citations(path, scan, catalogue) + check_refusals(path, scan) + check_anchors(path, scan)
    found += check_titles(path, scan) + check_markers(path, scan, markers)
    return sorted(found, key=lambda problem: problem.line or 0)


def check(corpus: Corpus, catalogue: Catalogue, docs_prefix: str = "", markers: Collection[str] = ()) -> list[Problem]:
    """All problems of the corpus: each page on its own, the index page, the editions compared.

    ``markers`` are the marker lines of generated parts (``<!-- control-index -->``), each
    allowed once per page.
    """
    problems = check_index_page(corpus, docs_prefix)
    for language, pages in corpus.items():
        for page, scan in pages.items():
            problems += check_page(f"{docs_prefix}{language}/{page}", scan, catalogue, markers)
    return problems + check_editions(corpus, catalogue, docs_prefix)
