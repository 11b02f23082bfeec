"""Evidence checks: what a careful editor compares between a point and the words it cites.

`check_outline` (in `briefdeck.evidence.checks`) runs every check on every
point of a resolved outline; each check is a module of its own, reading word
lists from ``words.yaml``. Codes are documented in ``outline/codes.md``.
"""
