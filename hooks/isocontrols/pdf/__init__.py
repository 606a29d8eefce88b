"""The PDF editions, ``/whitepaper.pdf`` and ``/en/whitepaper.pdf``, laid out from the print edition.

``edition`` turns the print page's HTML into a standalone document for paged media (links
made absolute, a contents list with every section, nothing of the site's screen chrome);
``edition.css`` lays it out (cover, page numbers, running heads, PDF bookmarks); ``writer``
has WeasyPrint write it as a tagged PDF and checks what came out (fonts embedded, no
resource missing), returning problems rather than logging them.
"""
