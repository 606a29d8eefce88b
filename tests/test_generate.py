"""A page's published Markdown (isocontrols.generate): links, generated parts, deferred HTML blocks."""

from __future__ import annotations

import re

import markdown as python_markdown
import pytest

from isocontrols import catalogue
from isocontrols.citations import scan
from isocontrols.generate import Deferred, page_markdown, plain
from isocontrols.index import build
from isocontrols.urls import linker_from

ENTRIES = build({"ja": {"operations.md": scan("## 5.3. バックアップ【A.12.3.1】 {#backup}\n")}}, catalogue.load())


def _publish(markdown: str, page: str = "controls.md") -> tuple[str, Deferred]:
    deferred = Deferred()
    return page_markdown(markdown, "ja", ENTRIES, catalogue.load(), linker_from(page), deferred), deferred


def test_page_without_markers_only_gets_its_citations_linked() -> None:
    published, deferred = _publish("本文【A.12.3.1】\n", "operations.md")
    assert published == "本文【\U000f0001\U000f0010\U000f0002A.12.3.1\U000f0003】\n"
    assert deferred.blocks == []
    link = '<a class="citation" href="../controls/#a-12-3-1" title="情報のバックアップ">A.12.3.1</a>'
    assert deferred.restore(f"<p>{published.strip()}</p>") == f"<p>本文【{link}】</p>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h2 id=\"b\">Backup [MARK]</h2>", '<h2 id="b">Backup [LINK]</h2>'),
        ('<p><a href="x" title="see [MARK]">x</a> [MARK]</p>', '<p><a href="x" title="see [A.12.3.1]">x</a> [LINK]</p>'),
        ("<p>no citation</p>", "<p>no citation</p>"),
    ],
)
def test_held_citation_links_come_back_as_links_in_text_and_as_text_in_tags(html: str, expected: str) -> None:
    deferred = Deferred()
    mark = deferred.hold_inline('<a class="citation" href="#a">A.12.3.1</a>', "A.12.3.1")
    link = '<a class="citation" href="#a">A.12.3.1</a>'
    restored = deferred.restore(html.replace("MARK", mark))
    assert restored == expected.replace("LINK", link)


def test_held_links_survive_markdown_that_marks_up_their_text() -> None:
    published, deferred = _publish("*[CLD]: Cloud\n\n# Monitoring【CLD.12.4.5】\n\nSee【CLD.12.4.5, A.12.3.1】.\n", "operations.md")
    html = python_markdown.markdown(published, extensions=["abbr", "toc"])
    restored = deferred.restore(html)
    assert not re.search("[\U000f0001-\U000f0019]", restored)
    assert restored.count('class="citation"') == 3
    assert '<h1 id="monitoringcld1245">' in restored  # the slug it has without the hold


def test_many_held_links_keep_their_numbers() -> None:
    deferred = Deferred()
    marks = [deferred.hold_inline(f"<a>{n}</a>", f"A.{n}") for n in range(12)]
    assert deferred.restore(" ".join(marks)) == " ".join(f"<a>{n}</a>" for n in range(12))


def test_plain_takes_the_marks_out_of_copied_titles() -> None:
    deferred = Deferred()
    title = f"5.4. Backup [{deferred.hold_inline('<a>A.12.3.1</a>', 'A.12.3.1')}]"
    assert plain(title) == "5.4. Backup [A.12.3.1]"
    assert plain("no marks") == "no marks"


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ("<!-- control-index -->", "### A.12.3.1 情報のバックアップ {#a-12-3-1 .control-entry}"),
        ("<!-- control-index-2022 -->", "{#iso2022-8-13 .iso2022-entry}"),
        ("<!-- control-coverage -->", "## A.12 運用のセキュリティ {#coverage-a-12}"),
    ],
)
def test_each_marker_is_replaced_by_its_generated_part(marker: str, expected: str) -> None:
    published, deferred = _publish(f"# Page\n\n{marker}\n")
    assert marker not in published
    assert expected in published or any(expected in block for block in deferred.blocks)


def test_a_marker_the_caller_fills_gets_the_callers_text_only_on_its_own_line() -> None:
    deferred = Deferred()
    markdown = "# Page\n\n<!-- errata -->\n\n`<!-- errata -->`\n"
    published = page_markdown(markdown, "ja", ENTRIES, catalogue.load(), linker_from("history.md"), deferred, filled={"<!-- errata -->": "<table></table>"})
    assert published == "# Page\n\n<table></table>\n\n`<!-- errata -->`\n"


def test_generated_html_lists_wait_outside_the_markdown_and_come_back_in_the_html() -> None:
    published, deferred = _publish("# 索引\n\n<!-- control-index -->\n")
    assert "<ul" not in published and "<!--isocontrols-block-0-->" in published
    html = deferred.restore(python_markdown.markdown(published, extensions=["attr_list"]))
    assert '<ul class="link-list" data-search-exclude><li><a href="../operations/#backup">5.3. バックアップ</a></li></ul>' in html
    assert "isocontrols-block" not in html


def test_restore_without_blocks_returns_the_html_as_is() -> None:
    assert Deferred().restore("<p><!--isocontrols-block-0--></p>") == "<p><!--isocontrols-block-0--></p>"
