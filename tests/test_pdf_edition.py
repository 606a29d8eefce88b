"""The PDF edition's HTML document: links made absolute, screen-only parts out, a full contents list."""

from __future__ import annotations

import re

import pytest
import tinyhtml5

from isocontrols.pdf.edition import Edition, document, link_target

SITE = "https://example.org/security/"
EDITION = Edition(
    language="en",
    title="Decidim Security White Paper",
    description="How the service meets ISO/IEC 27017",
    page_url=f"{SITE}en/print/",
    control_index_url=f"{SITE}en/controls/",
    modified="2026-11-25",
)

CONTENT = """
<div class="print-cover">
<h1 id="cover">Decidim Security White Paper<a class="headerlink" href="#cover" title="Permanent link">&para;</a></h1>
<p><button type="button" class="md-button print-button" data-print hidden>Print</button>
<a class="md-button print-pdf-link" href="../whitepaper.pdf">Open the PDF edition</a></p>
</div>
<h2 id="contents">Contents<a class="headerlink" href="#contents">&para;</a></h2>
<ul>
<li><a href="#operations">5. Operations</a></li>
</ul>
<h2 class="print-part" id="operations">5. Operations<a class="headerlink" href="#operations">&para;</a></h2>
<h3 id="operations--backup">5.3. Backup [<a class="citation" href="#controls--a-12-3-1" title="Information backup">A.12.3.1</a>]<a class="headerlink" href="#operations--backup">&para;</a></h3>
<p>Daily, see <a href="#operations--logging">5.4</a> and the <a href="../coverage/">coverage</a>.</p>
<h3 id="operations--logging">5.4. Logging</h3>
<h2 class="print-part" id="contact">7. Contact</h2>
<p>Write to <a href="mailto:info@example.org">us</a>.</p>
"""


@pytest.mark.parametrize(
    ("href", "classes", "expected"),
    [
        ("#controls--a-12-3-1", ["citation"], f"{SITE}en/controls/#a-12-3-1"),
        ("#controls--cld-12-4-5", ["citation"], f"{SITE}en/controls/#cld-12-4-5"),
        ("../controls/#a-9-2-3", ["citation"], f"{SITE}en/controls/#a-9-2-3"),
        ("#controls--a-12-3-1", [], "#controls--a-12-3-1"),
        ("#operations--backup", [], "#operations--backup"),
        ("../coverage/", [], f"{SITE}en/coverage/"),
        ("../../controls.json", [], f"{SITE}controls.json"),
        ("https://www.code4japan.org/security", [], "https://www.code4japan.org/security"),
        ("mailto:info@example.org", [], "mailto:info@example.org"),
    ],
)
def test_link_target_sends_citations_to_the_site_and_keeps_links_inside_the_edition(
    href: str, classes: list[str], expected: str
) -> None:
    assert link_target(href, classes, EDITION) == expected


def test_document_names_its_language_title_description_and_date() -> None:
    html = document(CONTENT, EDITION)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert "<title>Decidim Security White Paper</title>" in html
    assert '<meta name="description" content="How the service meets ISO/IEC 27017">' in html
    assert '<meta name="dcterms.modified" content="2026-11-25">' in html


def test_document_escapes_what_it_writes_into_the_head() -> None:
    hostile = Edition("en", 'A </title><script>x</script> & "B"', 'say "hi" <b>', SITE, SITE)
    html = document("<p>text</p>", hostile)
    assert "<script>" not in html
    assert "<title>A &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; \"B\"</title>" in html
    head = tinyhtml5.parse(html, namespace_html_elements=False).find("head")
    assert [(meta.get("name"), meta.get("content")) for meta in head.iter("meta")][1:] == [("description", 'say "hi" <b>')]


def test_document_links_citations_to_the_site_and_resolves_relative_links() -> None:
    html = document(CONTENT, EDITION)
    assert f'<a class="citation" href="{SITE}en/controls/#a-12-3-1" title="Information backup">A.12.3.1</a>' in html
    assert '<a href="#operations--logging">5.4</a>' in html
    assert f'<a href="{SITE}en/coverage/">coverage</a>' in html
    assert '<a href="mailto:info@example.org">us</a>' in html


def test_document_leaves_out_permalinks_the_print_button_and_the_link_to_itself() -> None:
    html = document(CONTENT, EDITION)
    assert "headerlink" not in html and "¶" not in html
    assert "<button" not in html and "whitepaper.pdf" not in html
    assert re.search(r"<p>\s*</p>", html) is None
    assert "5.3. Backup [<a" in html and "]</h3>" in html  # the text after a permalink sign is kept


def test_document_contents_lists_every_part_and_its_sections() -> None:
    html = document(CONTENT, EDITION)
    contents = html[html.index('<ol class="edition-contents">') : html.index('<h2 class="print-part"')]
    entries = re.findall(r'<li class="edition-contents__(\w+)"><a href="#([^"]+)">([^<]+)</a>', contents)
    assert entries == [
        ("part", "operations", "5. Operations"),
        ("section", "operations--backup", "5.3. Backup [A.12.3.1]"),
        ("section", "operations--logging", "5.4. Logging"),
        ("part", "contact", "7. Contact"),
    ]
    assert "<ol></ol>" not in contents  # a part without sections has no empty list
    assert "<ul>" not in contents


def test_document_without_a_contents_heading_adds_none() -> None:
    html = document('<h2 class="print-part" id="intro">1. Intro</h2>', EDITION)
    assert "edition-contents" not in html and '<h2 class="print-part" id="intro">1. Intro</h2>' in html
