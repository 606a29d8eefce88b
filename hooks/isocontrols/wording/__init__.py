"""Say exactly what the white paper says (issue 14): marked web-edition additions, one terminology, no claims.

- ``prose``: a Markdown page as the words a reader reads, line by line, with the section of each line.
- ``additions``: the passages the web edition adds (``!!! web-edition`` blocks), the problems
  in how they are marked, and their list in the revision history. The hook calls it.
- ``glossary``: one English term per Japanese term (``data/glossary.csv``), checked section by section.
- ``headings``: the rule for English section headings (ISO titles where the paper uses the JIS title).
- ``claims``: words of conformity or certification, allowed only in the sentences listed for
  the sections where the source says them (``data/claims-allowed.csv``).

``glossary``, ``headings`` and ``claims`` judge wording rather than structure: the tests run
them over the real site (``tests/test_site_wording.py``), and their problems name the file, the
line and the fix, as the hook's do. See "Wording" in the README.
"""
