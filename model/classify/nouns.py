"""The nouns around a number: what it counts (the noun after it) and what it sizes (the
noun before it), within one clause. Shared by the numbers' roles and the team's inputs."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from model.classify import lexicon as lx
from model.classify.lexicon import Hit

if TYPE_CHECKING:
    from model.classify.evidence import Evidence

_CLAUSE_MARKS = ",;。;:!?!?()()"
CLAUSE_BREAK = re.compile(f"[{_CLAUSE_MARKS}]")
"""A mark that ends a clause: a comma, semicolon, colon, 。, ! or ? or a bracket (ASCII or
full-width)."""
_BREAK = re.compile(rf"[{_CLAUSE_MARKS}\d]")
"""What ends the reach of a number over the noun it counts: a clause mark or another number."""
_BREAK_NOUN_RUN = re.compile(
    rf"[{_CLAUSE_MARKS}\d的]|(?<![a-z])(?:for|of|to|in|on|with|by|from|at|about|per|a|an|the|and"
    r"|or|that|who|which|than)(?![a-z])"
)
"""What ends a run of nouns ("newsletter subscribers" is one run, "posts for users" two)."""


def noun_after(evidence: Evidence, position: int) -> Hit | None:
    """The noun a number counts: the first noun after it, within the same clause. An
    article right after the number starts another noun phrase ("Make 2025 the year of the
    customer"): then it counts nothing."""
    text = evidence.text
    if text.startswith(_ARTICLES, position):
        return None
    limit = position + 24
    for hit in evidence.hits:
        if hit.start < position:
            continue
        if hit.start > limit:
            return None
        if hit.categories & lx.NOUN:
            if _BREAK.search(text, position, hit.start):
                return None
            return head_noun(evidence, hit)
    return None


_ARTICLES = (" the ", " a ", " an ")


def head_noun(evidence: Evidence, first: Hit) -> Hit:
    """The last noun of a run of nouns: "newsletter subscribers" counts subscribers, and
    "customer interviews" interviews (a noun that is also a verb's form is the head
    when it follows the noun at once)."""
    head = first
    for hit in evidence.hits:
        if hit.start < head.end:
            continue
        gap = hit.start - head.end
        if gap > 12 or (hit.categories & lx.VERB and (gap > 1 or not hit.categories & lx.NOUN)):
            break
        if not hit.categories & lx.NOUN:
            continue
        if _BREAK_NOUN_RUN.search(evidence.text, head.end, hit.start):
            break
        head = hit
    return head


def noun_before(evidence: Evidence, position: int) -> Hit | None:
    """The nearest noun before ``position`` in the same clause ("欄位" in "欄位從 7 個")."""
    found = None
    for hit in evidence.hits:
        if hit.end > position:
            break
        if hit.categories & lx.NOUN:
            found = hit
    if found and CLAUSE_BREAK.search(evidence.text, found.end, position):
        return None
    return found
