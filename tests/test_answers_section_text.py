"""answers/section_text.py: a page's HTML → the plain text of each section, as answers quote it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from isocontrols.answers.section_text import section_texts

HEADING = '<h2 id="{id}">{title}<a class="headerlink" href="#{id}" title="Permanent link">&para;</a></h2>'

CASES = [
    (
        "paragraphs apart by a blank line, whitespace collapsed",
        HEADING.format(id="backup", title="5.3. バックアップ") + "<p>日次で\n3 世代。</p>\n<p>復元には  対応しません。</p>",
        "ja",
        {"backup": "日次で 3 世代。\n\n復元には 対応しません。"},
    ),
    (
        "list items as lines with a bullet; numbered items with their number",
        HEADING.format(id="a", title="A") + "<p>次のとおり:</p><ul><li>一つ</li><li>二つ</li></ul><ol><li>first</li><li>second</li></ol>",
        "ja",
        {"a": "次のとおり:\n\n・一つ\n・二つ\n\n1. first\n2. second"},
    ),
    (
        "English bullets",
        HEADING.format(id="a", title="A") + "<ul><li>one</li><li>two</li></ul>",
        "en",
        {"a": "• one\n• two"},
    ),
    (
        "table rows as lines, cells joined by a bar",
        HEADING.format(id="t", title="T") + "<table><thead><tr><th>項目</th><th>内容</th></tr></thead>"
        "<tbody><tr><td>目標</td><td>72 時間</td></tr></tbody></table>",
        "ja",
        {"t": "項目 | 内容\n目標 | 72 時間"},
    ),
    (
        "a section runs to the next heading of its level, subsections included",
        HEADING.format(id="s", title="S") + "<p>one</p>" + '<h3 id="sub">Sub</h3><p>two</p>' + HEADING.format(id="next", title="N") + "<p>three</p>",
        "en",
        {"s": "one\n\nSub\n\ntwo", "sub": "two", "next": "three"},
    ),
    (
        "citation links keep their text; permalinks, scripts, buttons, hidden and excluded elements give none",
        HEADING.format(id="c", title='X【<a class="citation" href="../controls/#a-9-2-3">A.9.2.3</a>】')
        + '<p>see <a class="citation" href="#">A.9.2.3</a> <script>var x = "<p>"</script><button>Copy</button>'
        '<span hidden>secret</span><span data-search-exclude>skip</span>done</p>',
        "en",
        {"c": "see A.9.2.3 done"},
    ),
    (
        "entities are text; markup in text stays text",
        HEADING.format(id="e", title="E") + "<p>&lt;b&gt; &amp; &quot;q&quot; =SUM(A1)</p>",
        "en",
        {"e": '<b> & "q" =SUM(A1)'},
    ),
    (
        "line breaks and preformatted text",
        HEADING.format(id="p", title="P") + "<p>a<br>b</p><pre><code>x  = 1\ny = 2\n</code></pre>",
        "en",
        {"p": "a\n\nb\n\nx  = 1\ny = 2"},
    ),
    (
        "the page's own text, before its first subsection, under None",
        '<h1 id="title">5. 運用</h1><p>序文</p>' + HEADING.format(id="s", title="S") + "<p>本文</p>",
        "ja",
        {"title": "序文\n\nS\n\n本文", "s": "本文", None: "序文"},
    ),
    ("an empty section", HEADING.format(id="empty", title="E") + HEADING.format(id="b", title="B") + "<p>x</p>", "en", {"empty": "", "b": "x"}),
]


@pytest.mark.parametrize(("html", "language", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_section_texts(html: str, language: str, expected: dict[str | None, str]) -> None:
    texts = section_texts(html, language)
    assert {key: texts[key] for key in expected} == expected


def test_unclosed_elements_do_not_swallow_the_next_section() -> None:
    html = HEADING.format(id="a", title="A") + "<p>one<b>bold" + "</p>" + HEADING.format(id="b", title="B") + "<p>two</p>"
    assert section_texts(html, "en")["b"] == "two"


def test_every_citing_section_of_the_built_site_has_its_text(built_site: Path) -> None:
    """On the real site: each section a control cites has text, and it is the text the reader sees in the section."""
    import json

    for language, prefix in (("ja", ""), ("en", "en/")):
        document = json.loads((built_site / f"answers/data.{language}.json").read_text(encoding="utf-8"))
        for key, section in document["sections"].items():
            assert section["text"], key
            page, anchor = section["path"].split("#")
            html = (built_site / page / "index.html").read_text(encoding="utf-8")
            start = html.index(f'id="{anchor}"')
            following = re.search(r"<h[12][ >]|</article>", html[start + 1 :])
            visible = re.sub(r"<[^>]+>", " ", html[start : start + 1 + following.start()])
            for line in section["text"].splitlines():
                for word in re.findall(r"[^\s|・•]{6,}", line)[:3]:
                    assert word in re.sub(r"\s+", " ", visible.replace("&amp;", "&")) or "&" in word, (key, word)
