"""The real site against its source: every sentence, every section, every citation, both languages."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from page_text import read

from isocontrols import errata

SOURCE = Path(__file__).parent / "fixtures" / "whitepaper-source.txt"
CHAPTERS = ["introduction", "organization", "development", "application-security", "operations", "compliance", "contact"]
SECTION_LINE = re.compile(r"^(?P<number>\d+\.\d+)\. (?P<title>.+?)(?:【(?P<ids>[^】]*)】)?$")
H2 = re.compile(r'<h2 id="(?P<anchor>[^"]+)"[^>]*>(?P<number>\d+\.\d+)\. ')


def source_body() -> list[str]:
    """The white paper's body lines, table of contents left out, corrections applied."""
    lines = errata.apply(SOURCE.read_text(encoding="utf-8"), errata.load().rows).splitlines()
    start = lines.index("1. はじめに")  # the table of contents writes it with a page number
    return [line.strip() for line in lines[start:] if line.strip()]


def sentences() -> list[str]:
    """Each sentence, list item and table cell of the body, as the reader should find it."""
    found = []
    for line in source_body():
        line = line.removeprefix("- ・").strip("<>")
        for cell in line.split("\t"):
            found += [sentence for sentence in re.split(r"(?<=。)", cell) if sentence.strip()]
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def article_text(page: Path) -> str:
    """The visible text of a page's article, tags stripped, spaces removed."""
    content = page.read_text(encoding="utf-8")
    article = content[content.index("<article") : content.index("</article>")]
    return _squash(html.unescape(re.sub(r"<[^>]+>", "", article)))


def source_sections() -> dict[str, tuple[str, set[str]]]:
    """Section number → (title, cited controls), read from the source body."""
    found = {}
    for line in source_body():
        match = SECTION_LINE.match(line)
        if match:
            ids = {i.strip() for i in (match.group("ids") or "").split(",") if i.strip()}
            found[match.group("number")] = (match.group("title"), ids)
    return found


def test_source_has_35_sections() -> None:
    assert len(source_sections()) == 35


def test_every_sentence_of_the_source_is_on_the_japanese_pages(built_site: Path) -> None:
    text = "".join(article_text(built_site / name / "index.html") for name in CHAPTERS)
    missing = [s for s in sentences() if _squash(s) not in text]
    assert missing == []


HEADING_NUMBER = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\. ")


SourceSection = tuple[str, frozenset[int]]
"""A section's text as compared, and the offsets where its lines, table cells and sentences start and end."""


def source_by_section() -> dict[str, SourceSection]:
    """Section or chapter number → its text in the source, heading included, as compared: spaces, the
    source's "- ・" bullets and the angle brackets of its addresses left out."""
    found: dict[str, tuple[str, set[int]]] = {}
    number = ""
    for line in source_body():
        match = HEADING_NUMBER.match(line)
        number = match.group("number") if match else number
        text, bounds = found.setdefault(number, ("", {0}))
        for cell in line.removeprefix("- ・").strip("<>").split("\t"):
            for sentence in re.split(r"(?<=。)", cell):
                text += _squash(sentence)
                bounds.add(len(text))
        found[number] = (text, bounds)
    return {number: (text, frozenset(bounds)) for number, (text, bounds) in found.items()}


def _is_whole_units(text: str, section: SourceSection) -> bool:
    """Whether the text is one or more whole lines, cells or sentences of the section, in order."""
    squashed, (source, bounds) = _squash(text), section
    start = source.find(squashed)
    while start >= 0:
        if start in bounds and start + len(squashed) in bounds:
            return True
        start = source.find(squashed, start + 1)
    return False


def beyond_source(blocks: list, by_section: dict[str, SourceSection]) -> list[str]:
    """The blocks of a chapter page, web-edition additions aside, that are not whole units of the source text of their section."""
    numbers = {b.section: m.group("number") for b in blocks if b.tag in ("h1", "h2") and (m := HEADING_NUMBER.match(b.text))}
    empty: SourceSection = ("", frozenset())
    return [f"#{b.section} <{b.tag}> {b.text}" for b in blocks if not b.web_edition and not _is_whole_units(b.text, by_section.get(numbers.get(b.section, ""), empty))]


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_japanese_chapters_hold_nothing_beyond_the_source_outside_web_edition_additions(built_site: Path, name: str) -> None:
    blocks = read(built_site / name / "index.html").blocks
    assert blocks, "no text read from the page"
    assert beyond_source(blocks, source_by_section()) == []


@pytest.mark.parametrize(
    ("text", "section", "web_edition", "beyond"),
    [
        ("また、当社は、基盤上に構築したアプリケーションに対して責任を負います。", "shared-responsibility", False, False),
        ("当社は、基盤上に構築したアプリケーションに対して責任を負います。", "shared-responsibility", False, True),
        ("図 2.4 責任共有モデル", "shared-responsibility", False, True),
        ("図 2.4 責任共有モデル", "shared-responsibility", True, False),
        ("ユーザー様", "shared-responsibility", False, True),
        ("日次で 3 世代分のデータを保持します。", "shared-responsibility", False, True),
        ("また、当社は、基盤上に構築したアプリケーションに対して責任を負います。アプリケーション上のデータについては、ユーザー様の責任において保護していただく必要があります。", "shared-responsibility", False, False),
        ("【当社の責任】", "shared-responsibility", False, False),
        ("レイヤー", "shared-responsibility", False, True),
    ],
)
def test_a_block_is_beyond_the_source_unless_its_section_says_it_or_it_is_marked(text: str, section: str, web_edition: bool, beyond: bool) -> None:
    from page_text import Block

    blocks = [Block("h2", "2.4. 責任範囲（共有 Model）【A.6.1.1, CLD.6.3.1】", section, False), Block("p", text, section, web_edition)]
    assert bool(beyond_source(blocks, source_by_section())) is beyond


ARTICLE = """<html><head><title>t</title></head><body><article>
<h2 id="shared-responsibility">2.4. 責任範囲（共有 Model）【A.6.1.1, CLD.6.3.1】</h2>
<p>また、当社は、基盤上に構築したアプリケーションに対して責任を負います。</p>
{extra}
<aside class="md-source-file">最終更新: 2026年12月5日</aside>
</article></body></html>"""


@pytest.mark.parametrize(
    ("extra", "beyond"),
    [
        ('<div class="caption">図 2.4 責任共有モデル</div>', ["図 2.4 責任共有モデル"]),
        ("<figure><img src='x.png' alt='図 2.4 責任共有モデル'></figure>", ["図 2.4 責任共有モデル"]),
        ("<p>本文<span>図 2.4</span></p><span>責任共有モデル</span>", ["本文図 2.4", "責任共有モデル"]),
        ('<div class="admonition web-edition"><p class="admonition-title">ウェブ版での補足</p>図 2.4 責任共有モデル<img alt="図"></div>', []),
        ("<div><img alt='' src='decoration.png'></div>", []),
    ],
)
def test_text_outside_paragraphs_and_image_alt_text_are_read_too(tmp_path: Path, extra: str, beyond: list[str]) -> None:
    page = tmp_path / "index.html"
    page.write_text(ARTICLE.format(extra=extra), encoding="utf-8")
    found = beyond_source(read(page).blocks, source_by_section())
    assert [next(text for text in beyond if text in problem) for problem in found] == beyond


def test_no_original_wording_of_a_correction_remains(built_site: Path) -> None:
    text = "".join(article_text(built_site / name / "index.html") for name in CHAPTERS)
    assert [e.original for e in errata.load().rows if _squash(e.original) in text] == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_35_sections_exist_with_the_same_numbers_and_anchors(built_site: Path, prefix: str) -> None:
    japanese = {m["number"]: (name, m["anchor"]) for name in CHAPTERS for m in H2.finditer((built_site / name / "index.html").read_text(encoding="utf-8"))}
    edition = {m["number"]: (name, m["anchor"]) for name in CHAPTERS for m in H2.finditer((built_site / prefix / name / "index.html").read_text(encoding="utf-8"))}
    assert sorted(edition) == sorted(source_sections())
    assert edition == japanese


def test_every_control_of_the_source_is_indexed_with_its_sections_in_both_languages(built_site: Path) -> None:
    cited: dict[str, set[str]] = {}
    for number, (_, ids) in source_sections().items():
        for control_id in ids:
            cited.setdefault(control_id, set()).add(number)
    document = json.loads((built_site / "controls.json").read_text(encoding="utf-8"))
    indexed = {c["id"]: {s["number"] for s in c["sections"] if set(s["url"]) == {"ja", "en"}} for c in document["controls"]}
    assert indexed == cited


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_index_entries_link_to_the_citing_sections(built_site: Path, prefix: str) -> None:
    page = (built_site / prefix / "controls" / "index.html").read_text(encoding="utf-8")
    anchors = {number: anchor for name in CHAPTERS for number, anchor in
               ((m["number"], f"../{name}/#{m['anchor']}") for m in H2.finditer((built_site / prefix / name / "index.html").read_text(encoding="utf-8")))}
    entries = re.split(r'(?=<h3 class="control-entry" id=)', page)[1:]
    for number, (_, ids) in source_sections().items():
        for control_id in ids:
            anchor = control_id.lower().replace(".", "-")
            entry = next(e for e in entries if e.startswith(f'<h3 class="control-entry" id="{anchor}"'))
            assert f'href="{anchors[number]}"' in entry, (control_id, number)


@pytest.mark.parametrize(("prefix", "language"), [("", "ja"), ("en/", "en")])
def test_pages_declare_their_language(built_site: Path, prefix: str, language: str) -> None:
    for name in CHAPTERS + ["controls", "history"]:
        assert f'<html lang="{language}"' in (built_site / prefix / name / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_revision_history_lists_every_correction(built_site: Path, prefix: str) -> None:
    page = (built_site / prefix / "history" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('id="errata"') :]
    for erratum in errata.load().rows:
        assert f'href="../{erratum.page[:-3]}/#{erratum.anchor}"' in table
        assert html.escape(erratum.corrected, quote=False).replace("【", "&#12304;").replace("】", "&#12305;") in table or erratum.corrected in html.unescape(table)


def test_no_mark_of_a_held_citation_link_is_left_anywhere(built_site: Path) -> None:
    """Citation links are held out of Python-Markdown between private-use marks (generate.py): none may remain."""
    marks = re.compile("[\U000f0001-\U000f0003]")
    left = [
        str(path.relative_to(built_site))
        for path in built_site.rglob("*")
        if path.suffix in (".html", ".json", ".csv", ".xml") and marks.search(path.read_text(encoding="utf-8-sig"))
    ]
    assert not left


@pytest.mark.parametrize(("prefix", "title"), [("", "5.3. バックアップ【A.12.3.1】"), ("en/", "5.3. Backup [A.12.3.1]")])
def test_table_of_contents_shows_citations_as_text(built_site: Path, prefix: str, title: str) -> None:
    page = (built_site / prefix / "operations" / "index.html").read_text(encoding="utf-8")
    toc = page[page.index('<nav class="md-nav md-nav--secondary"') :]
    assert re.search(r'href="#backup"[^>]*>\s*<span class="md-ellipsis">\s*' + re.escape(title), toc)
