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

from isocontrols.catalogue import LANGUAGES, Catalogue
from isocontrols.citations import Heading, PageScan
from isocontrols.index import Corpus, known_ids
from isocontrols.problems import Problem
from isocontrols.rendering import CONTROL_INDEX_PAGE, INDEX_MARKER

WELL_FORMED = re.compile(r"^(?:A|CLD)\.\d+(?:\.\d+)*$")
"""An identifier spelled the standards' way, known or not."""

LOOSE = re.compile(r"^(?P<prefix>A|CLD)?\.?(?P<numbers>\d+(?:\.\d+)*)$")
"""An identifier with its prefix or first dot missing: ``A9.2.3``, ``9.2.3``."""

LANGUAGE_NAMES = {"ja": "Japanese", "en": "English"}


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
    """One problem for each identifier of a page that does not name a known control."""
    problems = []
    for citation in scan.citations:
        for item in citation.items:
            found = check_item(item.text, catalogue)
            if found:
                message, suggestion = found
                problems.append(Problem(path, citation.line, f"{message} in {citation.text}{_did_you_mean(suggestion)}"))
    return problems


def check_anchors(path: str, scan: PageScan) -> list[Problem]:
    """Numbered section headings, and any heading that owns a citation, must carry an explicit
    anchor (the same in both languages): the index, the exports and shared links point at it."""
    owners = {citation.section for citation in scan.citations}
    return [
        Problem(path, h.line, f"section heading '{h.text}' has no explicit anchor; add one such as {{#backup}}")
        for h in scan.sections()
        if (h.number or h in owners) and not h.anchor
    ]


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
    """Citations link to the control index, so a language that cites controls needs that page."""
    return [
        Problem(
            f"{docs_prefix}{language}/{CONTROL_INDEX_PAGE}",
            None,
            f"missing: citations link to the control index; add this page with the line {INDEX_MARKER}",
        )
        for language, pages in corpus.items()
        if CONTROL_INDEX_PAGE not in pages and any(scan.citations for scan in pages.values())
    ]


def check(corpus: Corpus, catalogue: Catalogue, docs_prefix: str = "") -> list[Problem]:
    """All problems of the corpus: per-page citations and anchors, the index page, the editions compared."""
    problems = check_index_page(corpus, docs_prefix)
    for language, pages in corpus.items():
        for page, scan in pages.items():
            path = f"{docs_prefix}{language}/{page}"
            problems += check_citations(path, scan, catalogue) + check_anchors(path, scan)
    return problems + check_editions(corpus, catalogue, docs_prefix)
