"""search/sections.py: a page's search entries are the ones Material's own parser would make."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import Parser, SearchIndex

from isocontrols.search.sections import SearchEntry, entries


def materials_entries(html: str, url: str, title: str) -> list[SearchEntry]:
    """What Material's search plugin (9.x) makes of a page's HTML: the oracle."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    index = SearchIndex(lang=["en"], separator="", pipeline=[], fields={})
    page = SimpleNamespace(meta={}, title=title)
    for section in parser.data:
        if not section.is_excluded():
            index.create_entry_for_section(section, [], url, page)
    return [SearchEntry(location=e["location"], title=e["title"], text=e["text"]) for e in index.entries]


CASES = {
    "preface and sections": '<p>Intro</p>\n<h2 id="a">A <a class="headerlink" href="#a" title="Permanent link">¶</a></h2>\n<p>Text</p>',
    "first heading is h1": '<h1 id="top">Title</h1>\n<p>Lead</p>\n<h2 id="b">B</h2><p>x</p>',
    "heading without id is text": '<h2>No id</h2><p>Body</p><h3 id="c">C</h3>',
    "kept tags and dropped empties": '<h2 id="k">K</h2><ul><li>one <code>x</code></li><li> </li></ul><p></p><p>a<sub>2</sub>b<sup>3</sup></p>',
    "links and emphasis keep only text": '<h2 id="l">L</h2><p>see <a href="../x/#y">the <em>control</em></a> 【<a class="citation" href="#">A.9.2.3</a>】</p>',
    "entities are escaped again": "<h2 id=\"e\">&lt;tag&gt; &amp; &quot;q&quot;</h2><p>a &lt; b &amp;&amp; c &gt; d &#12354;</p>",
    "whitespace collapses outside pre": '<h2 id="w">W</h2><p>one\ntwo</p>\n\n\n<pre><code>a\n  b\n\n</code></pre>',
    "excluded block and section": '<h2 id="x">X</h2><div data-search-exclude><p>hidden</p></div><p>shown</p><h2 id="y" data-search-exclude>Y</h2><p>gone</p>',
    "excluded link list": '<h2 id="c">C</h2><p>Cited in:</p><ul class="link-list" data-search-exclude><li><a href="#a">5.3. A</a></li><li><a href="#b">5.4. B</a></li></ul><p>after</p>',
    "excluded element with one of its name inside": '<h2 id="n">N</h2><div data-search-exclude><p>a</p><div>b</div><p>c</p></div><p>d</p>',
    "excluded element holding a heading": '<h2 id="h">H</h2><div data-search-exclude><p>x</p><h3 id="inner">Inner</h3><p>y</p></div><p>z</p>',
    "script, style and comments": '<h2 id="s">S</h2><script>var a = "<p>";</script><style>p{}</style><!-- <p>c</p> --><p>kept</p>',
    "self-closing svg in a heading": '<h2 id="s">S <svg viewBox="0 0 2 2"><path d="M0 0h2"/></svg> icon</h2><p>t<span/>u</p><h2 id="n">N</h2>',
    "void and self-closing tags": '<h2 id="v">V</h2><p>a<br>b<br />c<img src="x.png" alt="i"></p><hr>',
    "table text": '<h2 id="t">T</h2><table><thead><tr><th>H</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    "nested heading returns to its section": '<h2 id="o">O</h2><p>a</p><div class="admonition"><h3 id="i">I</h3><p>in</p></div><p>after</p>',
    "unclosed and stray end tags": '<h2 id="u">U</h2><p>a</span> b<li>c</p>',
    "quoted attributes with brackets": '<h2 id="q" title="a>b">Q</h2><p data-x=\'<p>\'>body</p>',
    "japanese": '<h2 id="backup">5.4. バックアップ【<a class="citation" href="../controls/#a-12-3-1">A.12.3.1</a>】</h2><p>日次で取得します。</p>',
    "no headings at all": "<p>Only text</p>",
    "empty page": "",
}


@pytest.mark.parametrize("html", CASES.values(), ids=CASES.keys())
def test_entries_match_materials_parser(html: str) -> None:
    assert entries(html, "page/", "Page title") == materials_entries(html, "page/", "Page title")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_is_indexed_as_material_would(built_site: Path, stock_site: Path, language: str) -> None:
    material = json.loads((stock_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    ours = json.loads((built_site / "search" / f"index.{language}.json").read_text(encoding="utf-8"))["docs"]
    in_language = [doc for doc in material if doc["location"].startswith("en/") == (language == "en")]
    assert len(ours) > 100
    assert ours == in_language


def test_materials_index_is_left_empty(built_site: Path, stock_site: Path) -> None:
    ours = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    stock = json.loads((stock_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert ours["docs"] == [] and ours["config"] == stock["config"]
    assert len(stock["docs"]) > 200


def test_stock_site_uses_materials_worker(built_site: Path, stock_site: Path) -> None:
    assert "isosearch/worker.js" in (built_site / "operations" / "index.html").read_text(encoding="utf-8")
    assert "isosearch/worker.js" not in (stock_site / "operations" / "index.html").read_text(encoding="utf-8")
