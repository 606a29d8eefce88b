"""The language switcher's links, made to work wherever the site is served.

mkdocs-static-i18n gives the home pages' switcher links as paths from the server's root
(``/decidim-security/en/``), which break when the site is served from another folder (a
preview, the tests' local server). Written relative to the site instead (``en/``), MkDocs
turns them into links relative to each page::

    site_relative("/decidim-security/en/", "/decidim-security/")  → "en/"
    site_relative("/decidim-security/", "/decidim-security/")     → ""
    site_relative("en/operations/", "/decidim-security/")         → "en/operations/"
"""

from __future__ import annotations


def site_relative(link: str, base_path: str) -> str:
    """``link`` relative to the site's root when it is a path under ``base_path``; else unchanged."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    if link.startswith(base):
        return link[len(base) :]
    if link + "/" == base:
        return ""
    return link
