"""Every writer input is published exactly as meant or refused with file, line and fix (fixture sites).

Each class of hostile or mistaken input from issue 10 is fed to a small real site (the
project's hook and theme overrides) in several variants: the build either publishes what the
writer meant (the citation linked, indexed and exported under the right section) or fails
strict with a message naming file, line and text.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURE, copy_fixture_site, build_site
from mkdocs.exceptions import Abort

from isocontrols import catalogue, errata

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the fixture site with the project's hook and theme overrides."""
    return copy_fixture_site(tmp_path / "project", overrides=True)


def _write(site: Path, relative: str, text: str) -> None:
    path = site / "docs" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _edit_page(site: Path, relative: str, old: str, new: str) -> None:
    path = site / "docs" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _append(site: Path, relative: str, text: str) -> None:
    path = site / "docs" / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _warnings(site: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Build strict, expect it to fail, return the hook's warnings."""
    caplog.set_level(logging.WARNING)
    with pytest.raises(Abort):
        build_site(site / "mkdocs.yml", site / "site")
    return [r.getMessage().removeprefix("isocontrols: ") for r in caplog.records if r.name == "mkdocs.plugins.isocontrols"]


def _built(site: Path, strict: bool = True) -> Path:
    return build_site(site / "mkdocs.yml", site / "site", strict=strict)


def _sections(built: Path, control_id: str, language: str = "ja") -> list[str]:
    """The sections ``controls.json`` lists for a control, as ``page#anchor`` URLs."""
    document = json.loads((built / "controls.json").read_text(encoding="utf-8"))
    control = next((c for c in document["controls"] if c["id"] == control_id), None)
    return [section["url"][language] for section in control["sections"] if language in section["url"]] if control else []


# --- Escaping and injection ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "fix"),
    [
        ('a"b', "{#a-b}"),
        ("x><script>alert(1)</script", "{#x-script-alert-1-script}"),
        ("1backup", "{#backup}"),
        ("バックアップ", "{#backup}"),
        ("back%up", "{#back-up}"),
    ],
)
def test_an_anchor_that_is_not_plain_ascii_is_refused_with_a_fix(site: Path, caplog: pytest.LogCaptureFixture, anchor: str, fix: str) -> None:
    for language in ("ja", "en"):
        path = site / "docs" / language / "operations.md"
        path.write_text(path.read_text(encoding="utf-8").replace("{#backup}", f"{{#{anchor}}}"), encoding="utf-8")
    warnings = _warnings(site, caplog)
    expected = f"docs/ja/operations.md:3: anchor '#{anchor}' of heading '5.3. バックアップ【A.12.3.1】' may hold only ASCII letters, digits, '-' and '_', starting with a letter; write {fix}"
    assert expected in warnings


@pytest.mark.parametrize("anchor", ['a"b', "x><img src=x onerror=alert(1)>", "a'b"])
def test_even_unchecked_anchors_never_break_out_of_an_attribute(site: Path, anchor: str) -> None:
    for language in ("ja", "en"):
        path = site / "docs" / language / "operations.md"
        path.write_text(path.read_text(encoding="utf-8").replace("{#backup}", f"{{#{anchor}}}"), encoding="utf-8")
    built = _built(site, strict=False)  # as `mkdocs serve` shows a page while the writer fixes it
    for page in ("controls/index.html", "en/controls/index.html"):
        html = (built / page).read_text(encoding="utf-8")
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
        assert not re.search(r'href="[^"]*"[^ >]', html.split('<div class="md-content"')[1])


@pytest.mark.parametrize(
    "front_matter_title",
    ["</title><script>alert(1)</script>", 'A & B "quoted"', "&lt;/title&gt;"],
)
def test_the_page_title_is_escaped_everywhere(site: Path, front_matter_title: str) -> None:
    _write(site, "ja/operations.md", f"---\ntitle: '{front_matter_title}'\n---\n" + (FIXTURE / "docs/ja/operations.md").read_text(encoding="utf-8"))
    _append(site, "en/operations.md", "")
    html = (_built(site) / "operations" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title is not None
    from html import unescape

    assert unescape(title.group(1)).startswith(front_matter_title)


@pytest.mark.parametrize("heading", ["5. 運用 &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "5. 運用 <b>bold</b> & more"])
def test_a_heading_holding_markup_cannot_end_the_title_element(site: Path, heading: str) -> None:
    path = site / "docs" / "ja" / "operations.md"
    path.write_text(path.read_text(encoding="utf-8").replace("# 5. 運用", f"# {heading}"), encoding="utf-8")
    html = (_built(site) / "operations" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title is not None and "<" not in title.group(1)
    assert "<script>alert(1)</script>" not in html


def _spreadsheet_reads(cell: str) -> str:
    """What Excel or LibreOffice makes of a CSV cell: a formula, or text (a leading ' is hidden)."""
    if cell.startswith("'"):
        return "text"
    if cell.startswith(FORMULA_START) and not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", cell):
        return "formula"
    return "text"


@pytest.mark.parametrize("title", ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "=1+1"])
def test_csv_cells_never_start_a_formula(site: Path, title: str) -> None:
    for language, text in (("ja", f"## {title}【A.12.3.1】 {{#formula}}\n\n本文\n"), ("en", f"## {title} [A.12.3.1] {{#formula}}\n\nText\n")):
        _append(site, f"{language}/operations.md", f"\n{text}")
    built = _built(site)
    raw = (built / "controls.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert all(_spreadsheet_reads(cell) == "text" for row in rows for cell in row)
    row = next(row for row in rows if row[rows[0].index("section_anchor")] == "formula")
    assert row[rows[0].index("section_ja")] == "'" + title
    assert row[rows[0].index("section_url_ja")].startswith("https://example.org/")


@pytest.mark.parametrize(
    ("ja", "en", "shown_ja", "shown_en"),
    [
        ("**重要な** `ログ` & 記録", "**Important** `logs` & records", "重要な ログ & 記録", "Important logs & records"),
        ("A &amp; B \\*注\\*", "A &amp; B \\*note\\*", "A & B *注*", "A & B *note*"),
        ("[リンク](operations.md) 付き", "with a [link](operations.md)", "リンク 付き", "with a link"),
    ],
)
def test_exports_and_index_show_the_headings_text_not_its_markdown(site: Path, ja: str, en: str, shown_ja: str, shown_en: str) -> None:
    _append(site, "ja/operations.md", f"\n## {ja}【A.5.1.1】 {{#styled}}\n")
    _append(site, "en/operations.md", f"\n## {en} [A.5.1.1] {{#styled}}\n")
    built = _built(site)
    document = json.loads((built / "controls.json").read_text(encoding="utf-8"))
    section = next(c for c in document["controls"] if c["id"] == "A.5.1.1")["sections"][0]
    assert section["title"] == {"ja": shown_ja, "en": shown_en}
    rows = list(csv.DictReader(io.StringIO((built / "controls.csv").read_bytes().decode("utf-8-sig"))))
    assert next(r for r in rows if r["control_id"] == "A.5.1.1")["section_en"] == shown_en
    index = (built / "en" / "controls" / "index.html").read_text(encoding="utf-8")
    from html import escape

    assert f'#styled">{escape(shown_en, quote=False)}</a>' in index


@pytest.mark.parametrize("heading", ["## 【A.5.1.1】 {#only}", "## 5.9. 【A.5.1.1】 {#only}"])
def test_a_heading_that_is_only_a_citation_is_refused(site: Path, caplog: pytest.LogCaptureFixture, heading: str) -> None:
    _append(site, "ja/operations.md", f"\n{heading}\n")
    _append(site, "en/operations.md", f"\n{heading.replace('【', '[').replace('】', ']')}\n")
    warnings = _warnings(site, caplog)
    assert f"docs/ja/operations.md:11: heading '{heading[3:-8].strip()}' has no title besides its number and citation; write what the section is about before the citation" in warnings


# --- Citations that vanish or go to the wrong place ----------------------------------------

BODY_CASES = [
    # (Japanese body, English body, the controls it cites)
    ("隣接【A.9.4.1】【A.10.1.2】", "next to each other [A.9.4.1][A.10.1.2]", ["A.9.4.1", "A.10.1.2"]),
    ("参照 [A.9.4.1]: 本文", "see [A.9.4.1]: more text", ["A.9.4.1"]),
    ("二行に【A.9.4.1,\nA.10.1.2】わたる", "over two [A.9.4.1,\nA.10.1.2] lines", ["A.9.4.1", "A.10.1.2"]),
    ("[A.9.4.1] [A.10.1.2]", "[A.9.4.1] [A.10.1.2]", ["A.9.4.1", "A.10.1.2"]),
]


@pytest.mark.parametrize(("ja", "en", "cited"), BODY_CASES)
def test_every_shown_citation_is_linked_and_indexed_under_its_section(site: Path, ja: str, en: str, cited: list[str]) -> None:
    _append(site, "ja/operations.md", f"\n## 5.9. 追加 {{#added}}\n\n{ja}\n")
    _append(site, "en/operations.md", f"\n## 5.9. Added {{#added}}\n\n{en}\n")
    built = _built(site)
    for control_id in cited:
        assert _sections(built, control_id) == ["/security/operations/#added"]
        assert _sections(built, control_id, "en") == ["/security/en/operations/#added"]
    html = (built / "operations" / "index.html").read_text(encoding="utf-8")
    for control_id in cited:
        assert f">{control_id}</a>" in html


@pytest.mark.parametrize(("indent", "underline", "level"), [("", "---", 2), ("", "===", 1), ("  ", "---", 2), ("   ", "===", 1)])
def test_a_setext_heading_owns_the_citations_under_it(site: Path, indent: str, underline: str, level: int) -> None:
    _append(site, "ja/operations.md", f"\n{indent}5.9. セテクスト見出し【A.9.4.1】 {{#setext}}\n{underline}\n\n本文【A.10.1.2】\n")
    _append(site, "en/operations.md", f"\n{indent}5.9. Setext heading [A.9.4.1] {{#setext}}\n{underline}\n\nText [A.10.1.2]\n")
    built = _built(site)
    expected = ["/security/operations/#setext"] if level == 2 else ["/security/operations/"]
    assert _sections(built, "A.9.4.1") == expected
    assert _sections(built, "A.10.1.2") == expected


@pytest.mark.parametrize(
    "front_matter",
    [
        "---\ndescription: 'see [A.9.4.1] and 【A.10.1.2】'\n---\n",
        "---\n# reviewed 2026-11-01 [A.9.4.1]\ndescription: x\n---\n",
    ],
)
def test_front_matter_is_not_page_text(site: Path, front_matter: str) -> None:
    for language in ("ja", "en"):
        source = (FIXTURE / "docs" / language / "operations.md").read_text(encoding="utf-8")
        _write(site, f"{language}/operations.md", front_matter + source)
    built = _built(site)
    assert _sections(built, "A.9.4.1") == [] and _sections(built, "A.10.1.2") == []
    assert _sections(built, "A.12.3.1") == ["/security/operations/#backup", "/security/operations/#logging"]


def test_meta_data_lines_mkdocs_would_hide_are_refused(site: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = (FIXTURE / "docs" / "ja" / "operations.md").read_text(encoding="utf-8")
    _write(site, "ja/operations.md", "Note: 運用の概要 [A.9.4.1]\n\n" + source)
    assert (
        "docs/ja/operations.md:1: the page opens with 'note:', which MkDocs takes as meta-data and does not show; "
        "put meta-data between --- lines, or start the page with its heading"
    ) in _warnings(site, caplog)


def test_front_matter_never_hides_a_chapter_from_the_print_edition(site: Path) -> None:
    _write(site, "ja/print.md", "# 印刷用\n\n<!-- print-edition -->\n")
    _write(site, "en/print.md", "# Print\n\n<!-- print-edition -->\n")
    for language in ("ja", "en"):
        source = (FIXTURE / "docs" / language / "operations.md").read_text(encoding="utf-8")
        _write(site, f"{language}/operations.md", "---\n# reviewed by the security team\nsearch:\n  boost: 2\n---\n" + source)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + "nav:\n  - index.md\n  - operations.md\n  - controls.md\n  - print.md\n")
    html = (_built(site) / "print" / "index.html").read_text(encoding="utf-8")
    assert 'id="operations"' in html and 'id="operations--backup"' in html


@pytest.mark.parametrize(
    "code",
    [
        "\n    インデントしたコード【A.9.4.1】\n",
        "\n<code>【A.9.4.1】</code> と <pre>[A.9.4.1]</pre>\n",
        "\n```\n【A.9.4.1】\n```\n",
        "\n<kbd>[A.9.4.1]</kbd> <samp>【A.9.4.1】</samp>\n",
        "\n- 項目\n\n        リストの中のコード【A.9.4.1】\n",
    ],
)
def test_text_inside_code_is_never_a_citation(site: Path, code: str) -> None:
    _append(site, "ja/operations.md", f"\n本文\n{code}")
    _append(site, "en/operations.md", f"\nText\n{code}")
    built = _built(site)
    assert _sections(built, "A.9.4.1") == []
    html = (built / "operations" / "index.html").read_text(encoding="utf-8")
    assert 'href="../controls/#a-9-4-1"' not in html


@pytest.mark.parametrize("indent", ["", " ", "   "])
def test_a_heading_inside_raw_html_is_refused_and_never_linked(site: Path, caplog: pytest.LogCaptureFixture, indent: str) -> None:
    _append(site, "ja/operations.md", f"\n{indent}<div>\n## 5.9. 生の HTML【A.9.4.1】 {{#raw}}\n</div>\n")
    _append(site, "en/operations.md", f"\n{indent}<div>\n## 5.9. Raw HTML [A.9.4.1] {{#raw}}\n</div>\n")
    warnings = _warnings(site, caplog)
    assert (
        "docs/ja/operations.md:12: '## 5.9. 生の HTML【A.9.4.1】 {#raw}' is shown as text, not as a heading: it is inside the raw HTML "
        "block that starts on line 11 (<div>); write <div markdown> there, or close the element before the heading"
    ) in warnings


@pytest.mark.parametrize(
    ("page", "ja", "en", "expected"),
    [
        (
            "operations.md",
            "\n## 5.9. 再び【A.9.4.1】 {#backup}\n",
            "\n## 5.9. Again [A.9.4.1] {#backup}\n",
            "docs/ja/operations.md:11: anchor #backup is already used by the heading on line 3; give this heading another anchor",
        ),
        (
            "controls.md",
            "\n## 自作の項目 {#a-12-3-1}\n",
            "\n## My own entry {#a-12-3-1}\n",
            "docs/ja/controls.md:5: id 'a-12-3-1' is used 2 times on the built page; each anchor must name one place (choose another anchor)",
        ),
    ],
)
def test_an_anchor_used_twice_on_a_page_is_refused(site: Path, caplog: pytest.LogCaptureFixture, page: str, ja: str, en: str, expected: str) -> None:
    _append(site, f"ja/{page}", ja)
    _append(site, f"en/{page}", en)
    assert expected in _warnings(site, caplog)


@pytest.mark.parametrize(
    "example",
    ["`<!-- control-index -->`", "```\n<!-- control-index -->\n```", "    <!-- control-index -->", "text <!-- control-index --> text"],
)
def test_a_marker_written_as_an_example_stays_an_example(site: Path, example: str) -> None:
    for language in ("ja", "en"):
        _append(site, f"{language}/operations.md", f"\nText\n\n{example}\n")
    html = (_built(site) / "operations" / "index.html").read_text(encoding="utf-8")
    assert "control-entry" not in html
    if "`" in example or example.startswith("    "):
        assert "&lt;!-- control-index --&gt;" in html


def test_a_marker_twice_on_a_page_is_refused(site: Path, caplog: pytest.LogCaptureFixture) -> None:
    for language in ("ja", "en"):
        _append(site, f"{language}/controls.md", "\n<!-- control-index -->\n")
    assert "docs/ja/controls.md:5: <!-- control-index --> is already on line 3; a page holds each generated part once (remove this line)" in _warnings(site, caplog)


@pytest.mark.parametrize(
    ("written", "line"),
    [("<!--control-index-->", 3), ("<!-- control_index -->", 3), ("<!-- controls-index -->", 3), ("<!--  Control-Index  -->", 3)],
)
def test_a_misspelt_marker_is_refused_with_the_spelling_to_write(site: Path, caplog: pytest.LogCaptureFixture, written: str, line: int) -> None:
    for language in ("ja", "en"):
        _edit_page(site, f"{language}/controls.md", "<!-- control-index -->", written)
    warnings = _warnings(site, caplog)
    assert f"docs/ja/controls.md:{line}: {written} generates nothing; write <!-- control-index --> exactly, alone on its line" in warnings
    assert any(warning.startswith("docs/ja/controls.md: holds no line <!-- control-index -->") for warning in warnings)


@pytest.mark.parametrize(
    "replacement",
    ["", "!!! note\n\n    <!-- control-index -->", "<div markdown>\n<!-- control-index -->\n</div>", "Text <!-- control-index -->"],
)
def test_a_control_index_page_without_its_marker_line_is_refused(site: Path, caplog: pytest.LogCaptureFixture, replacement: str) -> None:
    for language in ("ja", "en"):
        _edit_page(site, f"{language}/controls.md", "<!-- control-index -->", replacement)
    warnings = _warnings(site, caplog)
    for language in ("ja", "en"):
        assert f"docs/{language}/controls.md: holds no line <!-- control-index -->: other pages link into what it generates; write that line alone, outside any block" in warnings


def test_an_html_comment_that_is_no_marker_stays_a_comment(site: Path) -> None:
    for language in ("ja", "en"):
        _append(site, f"{language}/operations.md", "\n<!-- reviewed 2026-12 -->\n\n<!-- todo -->\n")
    _built(site)


@pytest.mark.parametrize("name", ["notes.md", "drafts/notes.md"])
def test_a_page_outside_the_language_folders_is_refused(site: Path, caplog: pytest.LogCaptureFixture, name: str) -> None:
    _write(site, name, "# Notes\n\n[A.9.9.9]\n")
    assert f"docs/{name}: page outside the language folders; move it into docs/ja/ and docs/en/" in _warnings(site, caplog)


@pytest.mark.parametrize(("name", "renamed"), [("ja/notes.markdown", "notes.md"), ("en/guide/notes.mdown", "notes.md"), ("ja/notes.mkd", "notes.md")])
def test_a_page_in_a_language_folder_not_named_md_is_refused(site: Path, caplog: pytest.LogCaptureFixture, name: str, renamed: str) -> None:
    _write(site, name, "# Notes\n\n[A.9.9.9]\n")
    assert f"docs/{name}: pages are named .md here (no other page is checked); rename it to {renamed}" in _warnings(site, caplog)


@pytest.mark.parametrize(
    ("ja", "en", "expected_ja"),
    [
        ("版【7.0.4】", "version [7.0.4]", "docs/ja/operations.md:11: malformed control ID '7.0.4' in 【7.0.4】; if it is not a citation, write it as &#12304;7.0.4&#12305;"),
        (
            "版【6.1.2】",
            "version [6.1.2]",
            "docs/ja/operations.md:11: malformed control ID '6.1.2' in 【6.1.2】; did you mean A.6.1.2? If it is not a citation, write it as &#12304;6.1.2&#12305;",
        ),
        ("付録【A.1】", "Appendix [A.1]", "docs/ja/operations.md:11: unknown control A.1 in 【A.1】; if it is not a citation, write it as &#12304;A.1&#12305;"),
        (
            "契約【第 5.3.1 条】",
            "[Section 5.3.1 of the contract]",
            "docs/ja/operations.md:11: '第 5.3.1 条' is not a control ID in 【第 5.3.1 条】; if it is not a citation, write it as &#12304;第 5.3.1 条&#12305;",
        ),
    ],
)
def test_a_bracket_holding_another_number_says_how_to_write_it_as_text(site: Path, caplog: pytest.LogCaptureFixture, ja: str, en: str, expected_ja: str) -> None:
    _append(site, "ja/operations.md", f"\n{ja}\n")
    _append(site, "en/operations.md", f"\n{en}\n")
    warnings = _warnings(site, caplog)
    assert expected_ja in warnings
    assert any(w.startswith("docs/en/operations.md:11:") and "write it as \\[" in w for w in warnings)


@pytest.mark.parametrize(("ja", "en"), [("版 &#12304;7.0.4&#12305;", "version \\[7.0.4\\]"), ("契約 &#12304;第 5.3.1 条&#12305;", "the contract's \\[Section 5.3.1\\]")])
def test_brackets_written_as_plain_text_are_published_as_text(site: Path, ja: str, en: str) -> None:
    _append(site, "ja/operations.md", f"\n{ja}\n")
    _append(site, "en/operations.md", f"\n{en}\n")
    _built(site)


@pytest.mark.parametrize(
    ("ja", "expected"),
    [
        ("[参照【A.9.4.1】](https://example.org/)", "docs/ja/operations.md:11: 【A.9.4.1】 is in a link's text, so it is neither linked nor indexed as a citation; write it outside the brackets of the link"),
        ("[参照 [A.9.4.1]](https://example.org/)", "docs/ja/operations.md:11: [A.9.4.1] is in a link's text, so it is neither linked nor indexed as a citation; write it outside the brackets of the link"),
        ("![図【A.9.4.1】](https://example.org/x.png)", "docs/ja/operations.md:11: 【A.9.4.1】 is in an image's alt text, which is not shown, so it is neither linked nor indexed as a citation; write it outside the brackets of the link"),
    ],
)
def test_a_citation_inside_a_link_or_image_is_refused(site: Path, caplog: pytest.LogCaptureFixture, ja: str, expected: str) -> None:
    _append(site, "ja/operations.md", f"\n{ja}\n")
    warnings = _warnings(site, caplog)
    assert expected in warnings
    assert not [w for w in warnings if "shown on the page but not read" in w]


@pytest.mark.parametrize(
    ("ja", "expected"),
    [
        ("[A.9.4.1]: https://example.org", "docs/ja/operations.md:11: [A.9.4.1]: … is a link definition, so [A.9.4.1] is never shown as a citation; rename the definition's label, or write the text as \\[A.9.4.1\\]"),
        ("本文 [A.9.4.1]\n\n[a.9.4.1]: https://example.org", "docs/ja/operations.md:11: [A.9.4.1] is a link to the definition on line 13, not a citation; rename that definition's label, or write the text as \\[A.9.4.1\\]"),
    ],
)
def test_a_link_label_shaped_like_a_citation_is_refused(site: Path, caplog: pytest.LogCaptureFixture, ja: str, expected: str) -> None:
    _append(site, "ja/operations.md", f"\n{ja}\n")
    assert expected in _warnings(site, caplog)


# --- Data files and settings ---------------------------------------------------------------


@pytest.fixture
def errata_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the errata the hook reads instead of the project's."""
    path = tmp_path / "errata.csv"
    path.write_text("section,page,anchor,original,corrected,reason_ja,reason_en\n", encoding="utf-8")
    monkeypatch.setattr(errata, "FILE", path)
    errata.load.cache_clear()
    yield path
    errata.load.cache_clear()


def _with_history(site: Path) -> None:
    _write(site, "ja/history.md", "# 更新履歴\n\n<!-- errata -->\n")
    _write(site, "en/history.md", "# Revision history\n\n<!-- errata -->\n")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("5.3,operations.md,backup,a, b,c,d,e\n", "row has 8 values, expected 7 (section, page, anchor, …); quote values that hold a comma"),
        ("5.3,operations.md,backup,a\n", "row has 4 values, expected 7 (section, page, anchor, …); quote values that hold a comma"),
        ("5.3,operations.md,\"back\nup\",a,b,c,d\n", "anchor 'back\nup' is not of the form backup"),
        ("5.3,operations.md,backup,,日次,c,d\n", "original is empty"),
        ("5.3,missing.md,backup,a,日次,c,d\n", "page missing.md does not exist (docs/ja/missing.md)"),
        ("5.3,operations.md,nowhere,a,日次,c,d\n", "docs/ja/operations.md has no section #nowhere"),
        ("5.4,operations.md,backup,a,日次,c,d\n", "section 5.4 is numbered 5.3 at docs/ja/operations.md#backup"),
        ("5.3,operations.md,backup,a,存在しない文,c,d\n", "the corrected text '存在しない文' is not on docs/ja/operations.md; correct the row or the page"),
    ],
)
def test_a_broken_errata_row_is_named_by_file_and_line(site: Path, caplog: pytest.LogCaptureFixture, errata_file: Path, row: str, expected: str) -> None:
    _with_history(site)
    errata_file.write_text(errata_file.read_text(encoding="utf-8") + row, encoding="utf-8")
    warnings = _warnings(site, caplog)
    assert any(w.startswith(f"{errata_file}:2: ") and w.endswith(expected) for w in warnings), warnings


def test_a_refused_errata_row_is_reported_once_per_language_and_left_out_of_the_history(
    site: Path, caplog: pytest.LogCaptureFixture, errata_file: Path
) -> None:
    _with_history(site)
    rows = "5.3,operations.md,nowhere,日時で,日次で,誤字,Typo\n5.3,operations.md,backup,日時で,日次で,誤字,Typo\n"
    errata_file.write_text(errata_file.read_text(encoding="utf-8") + rows, encoding="utf-8")
    assert [w for w in _warnings(site, caplog) if "nowhere" in w] == [
        f"{errata_file}:2: docs/ja/operations.md has no section #nowhere",
        f"{errata_file}:2: docs/en/operations.md has no section #nowhere",
    ]
    html = (_built(site, strict=False) / "history" / "index.html").read_text(encoding="utf-8")
    assert "#nowhere" not in html and '<a href="../operations/#backup">5.3</a>' in html


def test_a_sound_errata_row_is_published_with_a_working_link(site: Path, errata_file: Path) -> None:
    _with_history(site)
    errata_file.write_text(errata_file.read_text(encoding="utf-8") + "5.3,operations.md,backup,日時で,日次で,誤字,Typo\n", encoding="utf-8")
    html = (_built(site) / "en" / "history" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../operations/#backup">5.3</a>' in html


@pytest.mark.parametrize(
    ("file", "row", "expected"),
    [
        ("annex-a-2013.csv", "A.99.1,A.99,A.99.1,Broken,,\n", "id 'A.99.1' is not of the form A.9.2.3"),
        ("annex-a-2013.csv", "A.5.1.1,A.5,A.5.1,Again,,\n", "A.5.1.1 is already on line 2"),
        ("map-2013-to-2022.csv", "A.5.1.1,9.99\n", "unknown control 9.99"),
        ("cld-27017.csv", "CLD.1.1.1,Title,題,\n", "CLD.1.1.1: title_ja needs its source in title_ja_source"),
    ],
)
def test_a_broken_catalogue_row_is_named_by_file_and_line(
    site: Path, caplog: pytest.LogCaptureFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, row: str, expected: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(catalogue.DATA_DIR, data)
    lines = (data / file).read_text(encoding="utf-8").count("\n")
    (data / file).write_text((data / file).read_text(encoding="utf-8") + row, encoding="utf-8")
    monkeypatch.setattr(catalogue, "DATA_DIR", data)
    catalogue.load.cache_clear()
    try:
        warnings = _warnings(site, caplog)
    finally:
        catalogue.load.cache_clear()
    assert f"{data / file}:{lines + 1}: {expected}" in warnings


@pytest.mark.parametrize(
    ("site_url", "message"),
    [
        ("", "isocontrols: site_url is empty: set SITE_URL to the address the site is published at, e.g. SITE_URL=https://example.org/security/ ./run build"),
        ("ftp://example.org/", "isocontrols: site_url 'ftp://example.org/' is not an absolute http(s) address"),
        ("https://example.org/?a=1", "isocontrols: site_url 'https://example.org/?a=1' is not an absolute http(s) address"),
        ('https://example.org/sec"><script>alert(1)</script>/', "isocontrols: site_url 'https://example.org/sec\"><script>alert(1)</script>/' holds characters"),
        ("https://example.org/a b/", "isocontrols: site_url 'https://example.org/a b/' holds characters an address may not"),
        ("example.org/security/", "Config value 'site_url': The URL isn't valid"),  # MkDocs' own check
        ("/security/", "Config value 'site_url': The URL isn't valid"),
    ],
)
def test_a_site_url_that_is_not_an_absolute_http_address_is_refused(site: Path, caplog: pytest.LogCaptureFixture, site_url: str, message: str) -> None:
    caplog.set_level(logging.ERROR)
    with pytest.raises(Abort):
        build_site(site / "mkdocs.yml", site / "site", site_url=site_url)
    assert any(record.getMessage().startswith(message) for record in caplog.records), [r.getMessage() for r in caplog.records]
