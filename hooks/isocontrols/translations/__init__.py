"""Translation freshness, section by section: is the English twin of each Japanese section still in step?

The Japanese edition is the original. For every section of every Japanese page the record
(``docs/translations.csv``, kept in Git next to the pages) holds a fingerprint of the Japanese
text its English twin was last confirmed against. A section whose Japanese text no longer
matches is *possibly out of date* in English, and the English page says so under that section's
heading until a writer confirms the translation with ``./run translations accept PAGE#ANCHOR``.

- ``sections``: a page cut into tracked sections, and the normalised fingerprint of each;
- ``record``: the record file, read strictly (every row checked) and written in page order;
- ``status``: each section's state against the record, records of vanished sections, accepting;
- ``notices``: the notice an English page shows under a section whose original changed;
- ``cli``: ``./run translations`` (``python -m isocontrols.translations``).

Nothing here imports MkDocs or logs: the hook reports what ``status`` returns.
"""
