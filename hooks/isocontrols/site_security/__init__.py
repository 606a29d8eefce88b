"""The site's own security: what a reviewer of a security white paper checks first.

- ``policy``: the Content-Security-Policy, Referrer-Policy and the other security headers;
- ``page_policy``: a rendered page's inline scripts and styles (their sha256 hashes, the
  theme's only: a writer's inline code is refused), what the policy would block in it, and
  the ``<meta>`` elements that carry the policy;
- ``headers_file``: ``_headers`` at the site root for hosts that read it (Cloudflare Pages, Netlify);
- ``security_txt``: ``/.well-known/security.txt`` (RFC 9116) and its settings in ``mkdocs.yml``.

Plain modules, no MkDocs import: ``hooks/controls_hook.py`` calls them and logs their problems.
"""
