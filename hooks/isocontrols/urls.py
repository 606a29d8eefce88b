"""Where a page of a language folder is served, and how one page links to another.

The site uses MkDocs' directory URLs: ``operations.md`` is served as ``operations/`` and
``index.md`` as the folder itself. Generated links are written as final, relative URLs
(``../controls/#a-9-2-3``) rather than Markdown links to ``.md`` files: the index and the
citations are built from the very headings they point at, so MkDocs need not resolve and
check tens of thousands of them again (the largest share of the hook's cost at scale).
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urlsplit
from collections.abc import Callable
from functools import lru_cache

from isocontrols.catalogue import LANGUAGES

Linker = Callable[[str], str]
"""Turns a target inside the language folder (``operations.md#backup``) into an ``href``."""


def page_url(page: str) -> str:
    """The URL of a page relative to its language's root: ``operations.md`` → ``operations/``."""
    stem = page.removesuffix(".md")
    if posixpath.basename(stem) in ("index", "README"):
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""


def site_path(page: str, language: str) -> str:
    """The URL of a language's page relative to the site root: ``operations.md`` → ``en/operations/``
    (the default language, first in ``LANGUAGES``, sits at the root: ``operations/``)."""
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    return prefix + page_url(page)


def site_target(target: str, language: str) -> str:
    """The URL of a language's ``page.md#anchor`` relative to the site root: ``en/operations/#backup``."""
    page, _, anchor = target.partition("#")
    return site_path(page, language) + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)
def relative_href(from_page: str, target: str) -> str:
    """The relative URL from one page to ``page.md#anchor`` (or ``#anchor`` on the same page), cached."""
    path, hash_sign, anchor = target.partition("#")
    fragment = f"#{anchor}" if hash_sign else ""
    if not path:
        return fragment
    source, destination = page_url(from_page), page_url(path)
    relative = posixpath.relpath(destination or ".", source.rstrip("/") or ".")
    url = "" if relative == "." else relative + "/"
    if not url and not fragment:
        return "./"
    return url + fragment


def linker_from(page: str) -> Linker:
    """The linker of an ordinary page: every target relative to that page."""
    return lambda target: relative_href(page, target)


URL_CHARACTERS = ":/?#[]@!$&'()*+,;=%-._~"
"""What an address may hold besides letters and digits (RFC 3986): the site's address is written into
attributes, headers and files as it is, so anything else (a quote, a space, ``<``) is refused."""


def site_url_problem(site_url: str | None) -> str | None:
    """Why ``site_url`` cannot be the site's address, or ``None`` when it can.

    Shared links, ``hreflang``, the exports and the print edition write absolute addresses
    from it, so it must be an absolute http(s) URL; anything else would publish relative or
    broken addresses in files documented as absolute.
    """
    example = "e.g. SITE_URL=https://example.org/security/ ./run build"
    if not site_url:
        return f"site_url is empty: set SITE_URL to the address the site is published at, {example}"
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        return f"site_url '{site_url}' is not an absolute http(s) address without query or fragment; {example}"
    if quote(site_url, safe=URL_CHARACTERS) != site_url:
        return f"site_url '{site_url}' holds characters an address may not (spaces, quotes, <, >); percent-encode them, {example}"
    return None
