"""Per-language search: a page's entries, their terms and the prebuilt index the browser loads.

- ``sections``: a page's HTML cut into search entries, by Material's rules;
- ``tokens``: how text becomes index terms (twin of ``isosearch/tokens.js``);
- ``index``: one language's index, from its entries;
- ``site``: where the index goes in the built site.
"""
