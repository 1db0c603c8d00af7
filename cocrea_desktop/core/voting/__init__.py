"""Voting: ballots, tallies and ties, as pure functions (no Qt, no files).

* ``rules``: the rule of each kind (ranked top-k, dots, criteria), defaults, one-sentence statement;
* ``criteria``: criteria and the default sets (Durango, CEPAL);
* ``ballots``: reading and checking one ballot; wrong entries are voided one by one;
* ``tally``: ranked, dots and typed-count tallies; ``criteria_tally``: score by criteria;
* ``ties``: the tie-break cascade, near-tie flags, run-offs at a cut-off;
* ``wording``: option nouns and the Spanish phrases the results share;
* ``payload``: ballot serials and QR payloads.
"""
