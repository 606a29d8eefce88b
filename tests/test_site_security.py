"""The site's own security, on the built site: security.txt, _headers, and the policy in every page.

The hashes are checked against the inline scripts as Python's own HTML parser finds them,
not as the hook does, and the hook's messages on a small fixture site.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime, timedelta, timezone
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SITE_URL, build_site
from mkdocs.commands.build import build
from mkdocs.config import load_config
from static_host import headers_for, read_headers_file
from test_hook import _edit, _warnings

META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class _InlineScripts(HTMLParser):
    """The text of each inline script a browser would run, as Python's HTML parser reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inside: bool = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        self._inside = tag == "script" and "src" not in names and names.get("type") in (None, "module", "text/javascript")
        if self._inside:
            self.scripts.append("")

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._inside = False


def _hashes(html: str) -> set[str]:
    parser = _InlineScripts()
    parser.feed(html)
    return {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in parser.scripts if s}


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _script_sources(policy: str) -> set[str]:
    directive = next(part for part in policy.split("; ") if part.startswith("script-src "))
    return set(directive.split()[1:])


def test_every_page_carries_its_policy_before_any_script(built_site: Path) -> None:
    pages = _html_pages(built_site)
    assert len(pages) >= 30 and built_site / "404.html" in pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policies = META_POLICY.findall(html)
        assert len(policies) == 1, path
        assert html.index("<meta charset") < html.index("Content-Security-Policy") < html.index("<script"), path
        policy = unescape(policies[0])
        assert _script_sources(policy) == {"'self'"} | _hashes(html), path
        assert "unsafe" not in policy and "object-src 'none'" in policy and "worker-src 'self'" in policy, path
        assert '<meta name="referrer" content="same-origin">' in html, path


def test_headers_file_allows_the_inline_scripts_of_every_page(built_site: Path) -> None:
    rules = read_headers_file((built_site / "_headers").read_text(encoding="utf-8"))
    every_hash = set().union(*(_hashes(path.read_text(encoding="utf-8")) for path in _html_pages(built_site)))
    for path in ("/decidim-security/", "/decidim-security/en/operations/", "/decidim-security/search/index.ja.json"):
        headers = headers_for(rules, path)
        assert _script_sources(headers["Content-Security-Policy"]) == {"'self'"} | every_hash
        assert headers["Content-Security-Policy"].endswith("; frame-ancestors 'none'")
        assert {"Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} <= set(headers)


def test_security_txt_is_published_under_well_known(built_site: Path) -> None:
    text = (built_site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith("#"))
    assert fields["Contact"] == "mailto:info@code4japan.org"
    assert fields["Preferred-Languages"] == "ja, en"
    assert fields["Canonical"] == f"{SITE_URL}.well-known/security.txt"
    assert re.findall(r"^Policy: (.*)$", text, re.MULTILINE) == [f"{SITE_URL}contact/", f"{SITE_URL}en/contact/"]
    today = datetime.now(timezone.utc).date()
    assert fields["Expires"] in {f"{day + timedelta(days=180)}T00:00:00Z" for day in (today, today - timedelta(days=1))}


def test_an_image_from_another_host_fails_the_build_with_its_line(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _edit(fixture_site, "ja/operations.md", "## 5.4.", "![図](https://cdn.example.org/figure.png)\n\n## 5.4.")
    assert (
        'docs/ja/operations.md:7: <img src="https://cdn.example.org/figure.png">: the Content-Security-Policy allows images only '
        "from the site itself: save the file under docs/ and link to it there"
    ) in _warnings(fixture_site, caplog)


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("<script>alert(document.domain)</script>", "docs/ja/operations.md:7: an inline <script> in a page is not allowed by the Content-Security-Policy"),
        ('<script type="module">import("x")</script>', "docs/ja/operations.md:7: an inline <script> in a page is not allowed"),
        ("<style>p { color: red }</style>", "docs/ja/operations.md:7: an inline <style> in a page is not allowed"),
        ('<span style="color:red">x</span>', 'docs/ja/operations.md:7: style="color:red" on <span> is blocked'),
        ('<a href="#" onclick="x()">x</a>', 'docs/ja/operations.md:7: inline event handler onclick="…" on <a> is blocked'),
    ],
)
def test_code_a_writer_puts_in_a_page_is_refused_never_allowed(fixture_site: Path, caplog: pytest.LogCaptureFixture, snippet: str, expected: str) -> None:
    _edit(fixture_site, "ja/operations.md", "## 5.4.", f"{snippet}\n\n## 5.4.")
    assert any(warning.startswith(expected) for warning in _warnings(fixture_site, caplog))
    built = build_site(fixture_site / "mkdocs.yml", fixture_site / "site", strict=False)
    html = (built / "operations" / "index.html").read_text(encoding="utf-8")
    script = re.search(r"<script>(alert\(document\.domain\))</script>", html)
    if script:  # published (not strict), but never allowed by the page's policy
        digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
        assert digest not in html.split('http-equiv="Content-Security-Policy"')[1].split(">")[0]


def test_a_chapters_problem_is_reported_on_the_chapter_only_not_again_on_the_print_page(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    for language, title in (("ja", "印刷用"), ("en", "Print")):
        (fixture_site / "docs" / language / "print.md").write_text(f"# {title}\n\n<!-- print-edition -->\n", encoding="utf-8")
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text() + "nav:\n  - index.md\n  - operations.md\n  - controls.md\n  - print.md\n")
    _edit(fixture_site, "ja/operations.md", "## 5.4.", '<span style="color:red">x</span>\n\n## 5.4.')
    warnings = [w for w in _warnings(fixture_site, caplog) if "style=" in w]
    assert warnings == ['docs/ja/operations.md:7: style="color:red" on <span> is blocked by the Content-Security-Policy (no inline style attributes): use a class and a stylesheet listed under extra_css']


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (
            "expires_after_days: 400",
            "extra.security.expires_after_days is 400: that puts Expires more than a year after the build",
        ),
        (
            "contact: security@example.org",
            "extra.security.contact security@example.org is an e-mail address without its scheme: write mailto:security@example.org",
        ),
    ],
    ids=["beyond-a-year", "bare-address"],
)
def test_wrong_security_txt_settings_fail_the_build(
    fixture_site: Path, caplog: pytest.LogCaptureFixture, setting: str, expected: str
) -> None:
    config = fixture_site / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").replace("    contact: mailto:security@example.org", f"    {setting}").splitlines()
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = next(number for number, text in enumerate(lines, start=1) if text.strip() == setting)
    assert any(warning.startswith(f"mkdocs.yml:{line}: {expected}") for warning in _warnings(fixture_site, caplog))


def test_live_preview_pages_allow_the_live_reload_script(fixture_site: Path) -> None:
    """``mkdocs serve`` adds an inline script of its own to every page, which no hash can name."""
    config = load_config(str(fixture_site / "mkdocs.yml"), site_dir=str(fixture_site / "site"), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    html = (fixture_site / "site" / "operations" / "index.html").read_text(encoding="utf-8")
    policy = unescape(META_POLICY.findall(html)[0])
    assert _script_sources(policy) == {"'self'", "'unsafe-inline'"}
    assert "style-src 'self'" in policy and "object-src 'none'" in policy
