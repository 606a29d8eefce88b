"""The real site against its source: every sentence, every section, every citation, both languages."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

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
