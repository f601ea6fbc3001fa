"""ledger: the one home of the rules every reader of the ledger shares.

- counting.py — what counts in a total (and the SQL store derives its predicate from it);
- reviews.py  — the one review engine: actions, editable fields and their checks, flags,
                and how reviews change incidents (the resolver and a new review use it);
- write.py    — an editor's decision, checked and written with its effect on the ledger;
- read.py     — the ledger as readers see it: totals, one incident with its audit trail;
- filters.py  — what a filter means: one model for the API, the pages and the CLI;
- evidence.py — the sentence as the unit of evidence: each cited span with its whole
                sentence, derived from the stored article (pages, API and exports).

The API (strikewatch.api) and the pages (strikewatch.web) are sibling front doors over
this package; neither imports the other. Kept free of imports here so that the store can
use ledger.counting without a cycle.
"""
