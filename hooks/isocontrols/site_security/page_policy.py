"""A rendered page as the browser reads it: its inline code, what the policy would block, the policy's ``<meta>``.

The hook calls this on the final HTML of each page (after every other plugin), so the
hashes are those of the scripts the browser will really run: an upgrade of Material
that changes an inline script changes its hash with it, never silently breaks it::

    inline_sources('<script>var a=1</script>')  → InlineSources(scripts=("'sha256-…'",))
    blocked('<img src="https://cdn.example/x.png">', "example.org")
        → [Blocked('https://cdn.example/x.png', '<img src="https://cdn.example/x.png"> …')]
    with_policy(html, inline)  → html with the two <meta> elements right after <meta charset>

Only what the HTML tokenizer needs is parsed: comments, the raw text of ``<script>``,
``<style>``, ``<textarea>`` and ``<title>`` (no tags inside), and start tags with quoted or
unquoted attributes.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

from isocontrols.escaping import html_attribute
from isocontrols.site_security.policy import REFERRER_POLICY, InlineSources, content_security_policy

_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""

_COMMENT = r"<!--.*?-->"
_SCRIPT_OR_STYLE = rf"<(?P<raw>script|style)\b(?P<raw_attributes>{_ATTRIBUTES})>(?P<text>.*?)</(?P=raw)\s*>"
_RCDATA = rf"<(?P<rcdata>textarea|title)\b{_ATTRIBUTES}>.*?</(?P=rcdata)\s*>"
_START_TAG = rf"<(?P<tag>[a-z][^\s/>]*)(?P<attributes>{_ATTRIBUTES})>"

INLINE_CODE = re.compile("|".join((_COMMENT, _SCRIPT_OR_STYLE, _RCDATA)), re.IGNORECASE | re.DOTALL)
"""A comment, a script or style element with its text, or an RCDATA element (whose text holds no tags).

Other tags are skipped, which makes it ten times faster than ``MARKUP``; a ``<script>``
spelled out inside an attribute value (Markdown and Jinja escape it) would only add a
hash that allows nothing the page runs.
"""

MARKUP = re.compile("|".join((_COMMENT, _SCRIPT_OR_STYLE, _RCDATA, _START_TAG)), re.IGNORECASE | re.DOTALL)
"""The same, or any other start tag."""

ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
"""One attribute of a start tag: its name and its double-quoted, single-quoted or bare value."""

JAVASCRIPT_TYPES = frozenset(
    {
        "",
        "module",
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)
"""``type`` values a browser runs as script (the HTML standard's list); any other is data (``application/json``)."""

CHARSET_META = re.compile(r"<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
HEAD_START = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)

LOADED_FROM: dict[str, tuple[tuple[str, ...], str]] = {
    "script": (("src",), "scripts"),
    "img": (("src", "srcset"), "images"),
    "source": (("src", "srcset"), "images and media"),
    "video": (("src", "poster"), "media"),
    "audio": (("src",), "media"),
    "track": (("src",), "media"),
    "iframe": (("src",), "frames"),
    "frame": (("src",), "frames"),
    "form": (("action",), "form submissions"),
    "base": (("href",), "base addresses"),
}
"""Start tags whose attributes load or send something, and what the policy calls it (only from the site)."""

LOADING_LINKS = frozenset({"stylesheet", "icon", "preload", "modulepreload", "manifest"})
"""``<link rel>`` values that load their ``href`` (``alternate`` or ``canonical`` only name an address)."""

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data"})


@dataclass(frozen=True)
class Blocked:
    """Something in a page the policy would block: the text to look for in the source, and what to do."""

    needle: str
    message: str


def _sha256(text: str) -> str:
    """A CSP hash source of an element's text as the browser hashes it (the parser turns CR LF and CR into LF)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _attributes(text: str) -> dict[str, str]:
    """A start tag's attributes by lower-case name, values unescaped (the first of a repeated name wins, as in HTML)."""
    found: dict[str, str] = {}
    for match in ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = next((group for group in match.groups()[1:] if group is not None), "")
        found.setdefault(name, unescape(value))
    return found


def _elements(html: str, pattern: re.Pattern[str] = MARKUP) -> Iterator[tuple[str, dict[str, str], str | None]]:
    """Each start tag ``pattern`` finds as (name, attributes, text): the text only for script and style elements."""
    for match in pattern.finditer(html):
        if match.group("raw"):
            yield match.group("raw").lower(), _attributes(match.group("raw_attributes")), match.group("text")
        elif match.groupdict().get("tag"):
            yield match.group("tag").lower(), _attributes(match.group("attributes")), None


def inline_sources(html: str) -> InlineSources:
    """The hashes of the inline scripts a browser would run and of the ``<style>`` elements, each once, in page order."""
    scripts: dict[str, None] = {}
    styles: dict[str, None] = {}
    for tag, attributes, text in _elements(html, INLINE_CODE):
        if not text:
            continue
        if tag == "script" and "src" not in attributes and attributes.get("type", "").strip().lower() in JAVASCRIPT_TYPES:
            scripts[_sha256(text)] = None
        elif tag == "style" and attributes.get("type", "text/css").strip().lower() in ("", "text/css"):
            styles[_sha256(text)] = None
    return InlineSources(tuple(scripts), tuple(styles))


def _is_from_site(url: str, site_host: str, data_allowed: bool) -> bool:
    """Whether a URL names the site itself: relative, or absolute on the site's host (or ``data:`` where allowed)."""
    parts = urlsplit(url.strip())
    if parts.scheme == "data":
        return data_allowed
    return (not parts.scheme and not parts.netloc) or (parts.scheme in ("http", "https") and parts.netloc == site_host)


def _urls(attribute: str, value: str) -> list[str]:
    """The URLs an attribute names: one, or each candidate of a ``srcset``."""
    if attribute == "srcset":
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    return [value]


def _blocked_in_tag(tag: str, attributes: dict[str, str], site_host: str) -> Iterator[Blocked]:
    """What the policy blocks in one start tag."""
    for name, value in attributes.items():
        if name.startswith("on") and name[2:].isalpha():
            yield Blocked(f"{name}=", f'inline event handler {name}="…" on <{tag}> is blocked by the Content-Security-Policy: put the code in a script file under overrides/assets/javascripts/')
        elif name == "style":
            yield Blocked(value, f'style="{value}" on <{tag}> is blocked by the Content-Security-Policy (no inline style attributes): use a class and a stylesheet listed under extra_css')
        elif name in URL_ATTRIBUTES and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
            yield Blocked(value, f'{name}="javascript:…" on <{tag}> is blocked by the Content-Security-Policy: put the code in a script file under overrides/assets/javascripts/')
    if tag in ("object", "embed"):
        yield Blocked(f"<{tag}", f"<{tag}> is blocked by the Content-Security-Policy (object-src 'none'): link to the file instead")
        return
    loaded, kind = LOADED_FROM.get(tag, ((), ""))
    if tag == "link" and LOADING_LINKS & set(attributes.get("rel", "").lower().split()):
        loaded, kind = ("href",), "stylesheets and icons"
    for name in loaded:
        for url in _urls(name, attributes.get(name, "")):
            if url and not _is_from_site(url, site_host, data_allowed=tag == "img"):
                yield Blocked(url, f'<{tag} {name}="{url}">: the Content-Security-Policy allows {kind} only from the site itself: save the file under docs/ and link to it there')


def blocked(html: str, site_host: str) -> list[Blocked]:
    """Everything in a page that its Content-Security-Policy would block, with the fix (``site_host``: the site's ``host[:port]``)."""
    return [problem for tag, attributes, _ in _elements(html) for problem in _blocked_in_tag(tag, attributes, site_host)]


def writer_code(content: str) -> list[Blocked]:
    """Inline ``<script>`` and ``<style>`` elements in a page's own content (what a writer put in the Markdown).

    The theme's inline scripts are hashed into the policy; a writer's never are (``without``),
    so that nothing a page's text holds (a pasted snippet) can run: it is refused with the fix.
    """
    found = []
    for tag, _, text in _elements(content, INLINE_CODE):
        if tag == "script":
            found.append(Blocked("<script", "an inline <script> in a page is not allowed by the Content-Security-Policy: put the code in a script file under overrides/assets/javascripts/ and load it from a template"))
        elif tag == "style" and text:
            found.append(Blocked("<style", "an inline <style> in a page is not allowed by the Content-Security-Policy: put the rules in a stylesheet listed under extra_css"))
    return found


def without(inline: InlineSources, content: InlineSources) -> InlineSources:
    """The page's inline sources less those of its own content (a writer's script is never allowed)."""
    return InlineSources(
        tuple(source for source in inline.scripts if source not in content.scripts),
        tuple(source for source in inline.styles if source not in content.styles),
    )


def with_policy(html: str, inline: InlineSources) -> str | None:
    """The page with its Content-Security-Policy and Referrer-Policy ``<meta>`` elements; ``None`` without a ``<head>``.

    They go right after ``<meta charset>`` (which must stay in the first 1024 bytes), or
    first in ``<head>`` if a script came before it: a policy applies only to what follows it.
    """
    head = HEAD_START.search(html)
    if head is None:
        return None
    at = head.end()
    charset = CHARSET_META.search(html, at)
    if charset and "<script" not in html[at : charset.start()].lower():
        at = charset.end()
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{html_attribute(content_security_policy(inline))}">'
        f'<meta name="referrer" content="{html_attribute(REFERRER_POLICY)}">'
    )
    return html[:at] + meta + html[at:]


def source_line(source: str, needle: str) -> int | None:
    """The first line (from 1) of a page's Markdown that contains ``needle``; ``None`` if it came from the theme."""
    at = source.find(needle)
    return source.count("\n", 0, at) + 1 if at >= 0 else None
