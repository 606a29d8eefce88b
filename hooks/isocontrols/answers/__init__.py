"""Answers: what the white paper says about each control a customer asks for.

A customer's security checklist names ISO/IEC 27001 and 27017 controls in its own spelling.
This package answers it control by control, from the same index as the control index:

- ``resolver``: control numbers as customers write them → catalogue identifiers (the
  browser twin is ``overrides/assets/javascripts/answers/resolve.js``);
- ``section_text``: a page's HTML → the plain text of each section, to quote in answers;
- ``data``: the answers document of a language (``answers/data.<lang>.json``), which the
  answers page reads and the checklist filler answers from;
- ``words``: the words of the answers, per language;
- ``checklist``: a customer's ``.xlsx`` or ``.csv`` checklist read and answered in a copy.
"""
