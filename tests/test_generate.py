"""A page's published Markdown (isocontrols.generate): links, generated parts, deferred HTML blocks."""

from __future__ import annotations

import markdown as python_markdown
import pytest

from isocontrols import catalogue
from isocontrols.citations import scan
from isocontrols.generate import Deferred, page_markdown
from isocontrols.index import build
from isocontrols.urls import linker_from

ENTRIES = build({"ja": {"operations.md": scan("## 5.3. バックアップ【A.12.3.1】 {#backup}\n")}}, catalogue.load())


def _publish(markdown: str, page: str = "controls.md") -> tuple[str, Deferred]:
    deferred = Deferred()
    return page_markdown(markdown, "ja", ENTRIES, catalogue.load(), linker_from(page), deferred), deferred


def test_page_without_markers_only_gets_its_citations_linked() -> None:
    published, deferred = _publish("本文【A.12.3.1】\n", "operations.md")
    assert published == '本文【<a class="citation" href="../controls/#a-12-3-1" title="情報のバックアップ">A.12.3.1</a>】\n'
    assert deferred.blocks == []


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ("<!-- control-index -->", "### A.12.3.1 情報のバックアップ {#a-12-3-1 .control-entry}"),
        ("<!-- control-index-2022 -->", "{#iso2022-8-13 .iso2022-entry}"),
        ("<!-- control-coverage -->", "## A.12 運用のセキュリティ {#coverage-a-12}"),
        ("<!-- errata -->", '<a href="../operations/#cloud-service-monitoring">5.6</a>'),
    ],
)
def test_each_marker_is_replaced_by_its_generated_part(marker: str, expected: str) -> None:
    published, deferred = _publish(f"# Page\n\n{marker}\n")
    assert marker not in published
    assert expected in published or any(expected in block for block in deferred.blocks)


def test_generated_html_lists_wait_outside_the_markdown_and_come_back_in_the_html() -> None:
    published, deferred = _publish("# 索引\n\n<!-- control-index -->\n")
    assert "<ul" not in published and "<!--isocontrols-block-0-->" in published
    html = deferred.restore(python_markdown.markdown(published, extensions=["attr_list"]))
    assert '<ul class="link-list"><li><a href="../operations/#backup">5.3. バックアップ</a></li></ul>' in html
    assert "isocontrols-block" not in html


def test_restore_without_blocks_returns_the_html_as_is() -> None:
    assert Deferred().restore("<p><!--isocontrols-block-0--></p>") == "<p><!--isocontrols-block-0--></p>"
