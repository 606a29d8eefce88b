"""The PDF editions of the real site, read back: text, outline, contents, tags, links, fonts, size.

The session's site (``built_site``) is built with the PDFs, as ``./run build`` builds it.
The expected text comes from the print page each PDF is made from: every heading,
paragraph, list item and table cell of its parts is in the PDF's body text (Japanese
searchable, since it is extracted through the fonts' Unicode maps), and every chapter and
section is a bookmark pointing at the page it starts on, the page the contents list gives.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination

from conftest import SITE_URL
from test_links import _parse, _target

EDITIONS = {"ja": ("whitepaper.pdf", "print/index.html", "Decidim セキュリティホワイトペーパー"),
            "en": ("en/whitepaper.pdf", "en/print/index.html", "Decidim Security White Paper")}
MM = 72 / 25.4
TOP_MARGIN, BOTTOM_MARGIN = 24 * MM, 22 * MM
"""The page margins of ``edition.css``: the running head and the footer sit in them."""
BLOCKS = {"h2", "h3", "h4", "p", "li", "td", "th"}


class _PrintPage(HTMLParser):
    """The print page's parts: each block's text, and the headings (level, id, text) in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.headings: list[tuple[int, str, str]] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self._in_parts = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._in_parts = self._in_parts or "print-part" in values.get("class", "")
        if tag == "a" and "headerlink" in values.get("class", ""):
            self._skip += 1
        if self._in_parts and tag in BLOCKS:
            self._open.append((tag, values, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip:
            self._skip -= 1
        if self._open and self._open[-1][0] == tag:
            name, values, texts = self._open.pop()
            text = " ".join("".join(texts).split())
            if text:
                self.blocks.append(text)
            if name in ("h2", "h3") and values.get("id"):
                self.headings.append((int(name[1]), values["id"], text))

    def handle_data(self, data: str) -> None:
        if not self._skip:
            for _, _, texts in self._open:
                texts.append(data)


@functools.cache
def _print_page(site: Path, language: str) -> _PrintPage:
    html = (site / EDITIONS[language][1]).read_text(encoding="utf-8")
    parser = _PrintPage()
    parser.feed(html[html.index("<article") : html.index("</article>")])
    return parser


@functools.cache
def _reader(site: Path, language: str) -> PdfReader:
    return PdfReader(site / EDITIONS[language][0])


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _page_text(page: object) -> dict[str, str]:
    """The text of one page by where it sits: ``body`` inside the margins, ``head`` above, ``foot`` below."""
    height = float(page.mediabox.height)  # type: ignore[attr-defined]
    parts: dict[str, list[str]] = {"head": [], "body": [], "foot": []}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5]
        parts["head" if y >= height - TOP_MARGIN else "foot" if y <= BOTTOM_MARGIN else "body"].append(text)

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return {where: "".join(texts) for where, texts in parts.items()}


@functools.cache
def _pages(site: Path, language: str) -> tuple[dict[str, str], ...]:
    """``_page_text`` of every page of a language's PDF, read once per run."""
    return tuple(_page_text(page) for page in _reader(site, language).pages)


def _texts(site: Path, language: str, where: str) -> list[str]:
    return [page[where] for page in _pages(site, language)]


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """Every bookmark as (depth, title, page index), in order."""
    entries: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                assert isinstance(item, Destination)
                entries.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return entries


@pytest.mark.parametrize("language", EDITIONS)
def test_pdf_holds_every_heading_paragraph_item_and_cell_of_the_print_edition(built_site: Path, language: str) -> None:
    body = _squeezed("".join(_texts(built_site, language, "body")))
    blocks = _print_page(built_site, language).blocks
    assert len(blocks) > 200
    assert [block for block in blocks if _squeezed(block) not in body] == []
    if language == "ja":
        assert "バックアップは、日次で3世代分のデータを保持します" in body  # Japanese text is searchable


@pytest.mark.parametrize("language", EDITIONS)
def test_pdf_outline_has_every_chapter_and_section_at_the_page_it_starts(built_site: Path, language: str) -> None:
    reader = _reader(built_site, language)
    outline = _outline(reader)
    headings = _print_page(built_site, language).headings
    chapters_and_sections = [(depth, title) for depth, title, _ in outline if depth < 2]
    title, contents = EDITIONS[language][2], chapters_and_sections[1]
    assert chapters_and_sections == [(0, title), contents] + [(level - 2, text) for level, _, text in headings]
    for depth, text, page in outline:
        start = _squeezed(_texts(built_site, language, "body")[page])
        assert _squeezed(text) in start, (text, page)
    assert sum(depth == 2 for depth, _, _ in outline) > 30  # the control index's entries, under their clauses


@pytest.mark.parametrize("language", EDITIONS)
def test_pdf_contents_gives_the_page_of_every_chapter_and_section(built_site: Path, language: str) -> None:
    reader = _reader(built_site, language)
    contents, *entries = [(title, page) for depth, title, page in _outline(reader) if depth < 2][1:]
    text = _squeezed("".join(_texts(built_site, language, "body")[contents[1] : entries[0][1]]))
    # Each entry is its title, a dotted leader and the page it starts on (counted from the cover, as viewers count).
    expected = re.escape(_squeezed(contents[0])) + "".join(rf"{re.escape(_squeezed(title))}\.{{3,}}{page + 1}" for title, page in entries)
    assert re.fullmatch(expected, text), text[:400]


@pytest.mark.parametrize("language", EDITIONS)
def test_pdf_pages_carry_the_chapter_above_and_the_page_number_below_but_the_cover(built_site: Path, language: str) -> None:
    heads, feet = _texts(built_site, language, "head"), _texts(built_site, language, "foot")
    total = len(feet)
    assert 12 <= total <= 60  # cover, contents, 7 chapters, 2 appendices
    assert heads[0].strip() == feet[0].strip() == ""
    for number in range(2, total + 1):
        assert feet[number - 1].rstrip().endswith(f"{number} / {total}") and heads[number - 1].strip()
    operations = next(page for _, title, page in _outline(_reader(built_site, language)) if title.startswith("5. "))
    assert heads[operations + 1].strip().startswith("5. ")


@pytest.mark.parametrize("language", EDITIONS)
def test_pdf_is_tagged_with_its_language_and_title(built_site: Path, language: str) -> None:
    reader = _reader(built_site, language)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean
    assert root["/Lang"] == language
    assert reader.metadata.title == EDITIONS[language][2]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712


@pytest.mark.parametrize("language", EDITIONS)
def test_pdf_links_are_live_citations_open_the_site_and_the_rest_stay_inside(built_site: Path, language: str) -> None:
    reader = _reader(built_site, language)
    addresses, internal = [], 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                addresses.append(str(action["/URI"]))
            else:
                internal += 1
    index = f"{SITE_URL}{'' if language == 'ja' else 'en/'}controls/#"
    citations = [address for address in addresses if address.startswith(index)]
    assert len(set(citations)) > 30 and internal > 100
    outside = {address for address in addresses if not address.startswith(SITE_URL)}
    assert outside <= {"https://www.code4japan.org/security", "mailto:info@code4japan.org"}
    for address in set(addresses) - outside:
        path, fragment = _target(built_site, "", address)  # type: ignore[misc]
        assert path.is_file(), address
        assert not fragment or fragment in _parse(path).ids, address


@pytest.mark.parametrize("language", EDITIONS)
def test_pdf_embeds_subsets_of_the_noto_cjk_fonts_with_unicode_maps(built_site: Path, language: str) -> None:
    reader = _reader(built_site, language)
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+Noto-Sans-(Mono-)?CJK-JP(-Bold)?", name), name
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), name
        assert "/ToUnicode" in font, name


@pytest.mark.parametrize("language", EDITIONS)
def test_pdf_stays_small(built_site: Path, language: str) -> None:
    assert (built_site / EDITIONS[language][0]).stat().st_size < 3_000_000


@pytest.mark.parametrize("language", EDITIONS)
def test_home_and_print_pages_link_to_their_language_s_pdf(built_site: Path, language: str) -> None:
    prefix = "" if language == "ja" else "en/"
    home = (built_site / prefix / "index.html").read_text(encoding="utf-8")
    print_page = (built_site / prefix / "print" / "index.html").read_text(encoding="utf-8")
    assert '<a href="whitepaper.pdf" type="application/pdf">' in home
    assert 'class="md-button print-pdf-link" href="../whitepaper.pdf"' in print_page

