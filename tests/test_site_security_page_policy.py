"""A rendered page: the hashes of its inline code, what the policy blocks in it, and where the policy goes."""

from __future__ import annotations

import base64
import hashlib
from html import escape, unescape

import pytest

from isocontrols.site_security.page_policy import blocked, inline_sources, source_line, with_policy
from isocontrols.site_security.policy import InlineSources, content_security_policy


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@pytest.mark.parametrize(
    ("html", "scripts", "styles"),
    [
        ("<script>var a = 1</script>", ["var a = 1"], []),
        ('<script src="x.js"></script>', [], []),
        ('<script type="application/json">{"a": 1}</script>', [], []),
        ('<script type="module">import "./x.js"</script>', ['import "./x.js"'], []),
        ('<script type="text/javascript">b()</script>', ["b()"], []),
        ("<SCRIPT>c()</Script >", ["c()"], []),
        ('<script data-note="a>b">d()</script>', ["d()"], []),
        ("<!-- <script>e()</script> -->", [], []),
        ("<script>f()\r\ng()\rh()</script>", ["f()\ng()\nh()"], []),
        ("<script>x()</script><p>…</p><script>x()</script><script>y()</script>", ["x()", "y()"], []),
        ("<script></script>", [], []),
        ("<script>var s = '<b>'</script>", ["var s = '<b>'"], []),
        ("<style>p { color: red }</style>", [], ["p { color: red }"]),
        ('<style type="text/less">p { }</style>', [], []),
        ("<title><script>not()</script></title><textarea><script>no()</script></textarea>", [], []),
        ("<pre><code>&lt;script&gt;no()&lt;/script&gt;</code></pre>", [], []),
        ("<script>// 暗号化\nz()</script>", ["// 暗号化\nz()"], []),
    ],
    ids=[
        "inline",
        "external",
        "json-data",
        "module",
        "javascript-type",
        "upper-case",
        "angle-in-attribute",
        "commented-out",
        "line-endings",
        "repeated",
        "empty",
        "markup-in-string",
        "style",
        "other-style-type",
        "raw-text-elements",
        "escaped-in-code",
        "utf-8",
    ],
)
def test_inline_sources_are_the_hashes_of_what_the_browser_runs(html: str, scripts: list[str], styles: list[str]) -> None:
    assert inline_sources(html) == InlineSources(tuple(map(sha, scripts)), tuple(map(sha, styles)))


SITE = "example.org"


@pytest.mark.parametrize(
    ("html", "needle", "says"),
    [
        ('<img src="https://cdn.example/x.png">', "https://cdn.example/x.png", "allows images only from the site itself"),
        ('<img src="//cdn.example/x.png">', "//cdn.example/x.png", "allows images only from the site itself"),
        ('<img srcset="a.png 1x, https://cdn.example/b.png 2x">', "https://cdn.example/b.png", "images"),
        ('<script src="https://cdn.example/x.js"></script>', "https://cdn.example/x.js", "allows scripts only"),
        ('<link rel="stylesheet" href="https://fonts.example/css">', "https://fonts.example/css", "stylesheets and icons"),
        ('<iframe src="https://video.example/embed"></iframe>', "https://video.example/embed", "frames"),
        ('<form action="https://forms.example/send">', "https://forms.example/send", "form submissions"),
        ('<object data="x.swf"></object>', "<object", "object-src 'none'"),
        ("<button onclick=\"go()\">", "onclick=", "inline event handler onclick"),
        ('<p style="color: red">', "color: red", "no inline style attributes"),
        ('<a href=" javascript:alert(1)">', " javascript:alert(1)", 'href="javascript:…"'),
    ],
    ids=["image", "protocol-relative", "srcset", "script", "stylesheet", "frame", "form", "object", "handler", "style", "javascript-url"],
)
def test_what_the_policy_blocks_is_found_with_the_fix(html: str, needle: str, says: str) -> None:
    found = blocked(html, SITE)
    assert [item.needle for item in found] == [needle]
    assert says in found[0].message


@pytest.mark.parametrize(
    "html",
    [
        '<img src="images/x.png"><img src="data:image/png;base64,AAAA"><img src="https://example.org/x.png">',
        '<script src="../assets/javascripts/bundle.js"></script><link rel="stylesheet" href="/a.css">',
        '<a href="https://www.iso.org/standard/82875.html">ISO</a><link rel="alternate" href="https://other.example/">',
        '<link rel="canonical" href="https://other.example/"><form class="md-search__form" name="search">',
        "<script>document.body.setAttribute('style', 'x')</script><p>style=\"not an attribute\"</p>",
    ],
    ids=["own-images", "own-scripts", "links-to-elsewhere", "addresses-only", "text-not-markup"],
)
def test_what_the_site_itself_loads_is_not_blocked(html: str) -> None:
    assert blocked(html, SITE) == []


PAGE = '<!doctype html><html lang="ja"><head>\n<meta charset="utf-8">\n<title>T</title><script>a()</script></head><body></body></html>'


def test_policy_goes_right_after_the_charset_before_any_script() -> None:
    inline = inline_sources(PAGE)
    policy = escape(content_security_policy(inline), quote=True)
    metas = f'<meta http-equiv="Content-Security-Policy" content="{policy}"><meta name="referrer" content="same-origin">'
    assert with_policy(PAGE, inline) == PAGE.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + metas)


def test_policy_attribute_reads_back_as_the_policy() -> None:
    inline = InlineSources((sha("a()"),))
    secured = with_policy(PAGE, inline) or ""
    content = secured.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert unescape(content) == content_security_policy(inline)


def test_policy_goes_first_in_the_head_when_a_script_comes_before_the_charset() -> None:
    page = "<html><head><script>early()</script><meta charset=utf-8></head></html>"
    secured = with_policy(page, inline_sources(page)) or ""
    assert secured.startswith('<html><head><meta http-equiv="Content-Security-Policy"')


def test_a_page_without_head_cannot_carry_the_policy() -> None:
    assert with_policy("<p>fragment</p>", InlineSources()) is None


@pytest.mark.parametrize(
    ("needle", "line"),
    [("https://cdn.example/x.png", 3), ("onclick=", 4), ("from-the-theme", None)],
)
def test_source_line_finds_the_first_line_that_holds_the_needle(needle: str, line: int | None) -> None:
    source = "# Title\n\ntext ![x](https://cdn.example/x.png)\n<button onclick=\"go()\">\n"
    assert source_line(source, needle) == line
