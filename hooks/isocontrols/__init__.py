"""Control citations of the security white paper: plain modules the MkDocs hook adapts."""
