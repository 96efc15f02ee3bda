"""The facts about one line that the rules judge: its main verb, numbers, nouns, deadline.

:func:`gather` reads a line once (a lexicon scan, a deadline scan, a number scan) and
works out what each number is: a **target** (12%, from 9% to 12%, 500 new customers,
zero), an **output** the team produces (10 blog posts, 2 場說明會) or neither (Python
3.12). The rules in :mod:`model.classify.rulebook` only look at this record.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from model.classify import lexicon as lx
from model.classify.changes import Change, find_changes
from model.classify.deadlines import Deadline
from model.classify.lexicon import Hit
from model.classify.quantities import Quantity, scan
from model.classify.roles import assign_roles
from model.classify.units import NOT_ZERO
from model.classify.verbs import find_verb, object_first
from model.hanzi import both_scripts

_CLAUSE_END = frozenset(",;。;:!?!?()()")

# Bullets, numbering, labels ("KR1:", "目標:") and a subject ("we will", "我們要") before
# the wording proper.
_PREAMBLE = re.compile(
    both_scripts(
        r"""(?:
    [\s\-*•·‧>#]+
  | \d{1,2}[.)、](?!\d)\s*
  | \(\d{1,2}\)\s*
  | (?:kr|key\ results?|o|obj|objective|initiatives?|kpi|okr|kgi|action|目標|關鍵結果|行動方案|行動)
        \s*\d*\s*[:.\-]\s*
  | (?:we(?:'ll|\ will|\ must|\ should|\ want\ to|\ need\ to|\ aim\ to|\ plan\ to)?
        |our\ team\ will|the\ team\ will|i\ will|let's|to)\s+
  | (?:我們|團隊)(?:要|將|會)?
  | (?:要|將|會|並)(?=\S)
)*""",
    ),
    re.VERBOSE,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SKIPPABLE = re.compile(r"[\s,,、]*")
_PREAMBLE_FIRST = frozenset(" \t-*•·‧>#(0123456789koiawtl目關关行我們们團团要將将會会並并")
"""Characters a preamble (bullet, label, subject) can start with."""
_EACH_ONE_ALL = re.compile(both_scripts(r"每[位家個名間項條台][^,,。;]{0,16}都"))
_NEGATED_RESULT = re.compile(
    both_scripts(r"沒有任何|無任何|沒有|不再|零") + f"(?![{''.join(NOT_ZERO)}])"
)
_EACH = frozenset("每每")
_PREAMBLE_OPENINGS = frozenset(
    (
        *("kr", "ke", "kp", "kg", "ok", "ob", "ac", "we", "ou", "le", "to", "i "),
        *("initi", "the t", "o ", "o:", "o.", "o-", *(f"o{digit}" for digit in "123456789")),
    )
)
"""How a line opening with a Latin letter starts when a label or subject opens it ("KR1:",
"Objective:", "Initiative", "We will", "Our team will", "The team will", "I will",
"Let's", "To "): the first two characters, or five for "initiative" and "the team"."""
_PARTICIPLE = re.compile(
    r"(?<![a-z])(?:[a-z]{3,}ed|"
    + "|".join(sorted(lx.EN_IRREGULAR_PARTICIPLES, key=len, reverse=True))
    + r")(?![a-z])"
)
"""A past participle: a regular "-ed" form or a known irregular one ("sent", "written")."""


def normalize(text: str) -> str:
    """``text`` with full-width forms folded (１２％ is 12%), control characters turned into
    spaces (they mean nothing here) and outer whitespace removed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():
        text = _CONTROL.sub(" ", text)
    return text.strip()


class Evidence:
    """Everything the rules need to know about one line.

    :func:`gather` builds one per line: the scans give the first fields, the later steps
    fill in the rest (a slotted class: its fields are read many times per keystroke).
    """

    display: str
    """The line as typed (NFKC-normalised), for quoting words back to the user."""
    text: str
    """The same line in lower case, for matching."""
    hits: list[Hit]
    """The lexicon words in the line, left to right."""
    deadlines: list[Deadline]
    quantities: list[Quantity]
    changes: list[Change]
    seen: int
    """Every category that occurs in the line, as one set of flags."""
    lead: int
    """Where the wording starts after bullets, labels, a leading deadline or frequency."""
    verb: Hit | None
    """The main verb: the first verb at the start (English) or anywhere (Chinese)."""
    verb_kind: int
    """The main verb's category (one of the lexicon's verb flags), after adjustments."""
    verb_leads: bool
    """Whether the line starts with its main verb."""
    verb_guessed: bool
    """Whether the main verb is an unknown English word read as an order from its place."""
    quality_word: Hit | None
    """A qualitative or inspiring word that turned an action verb into an aim."""
    targets: Sequence[tuple[int, int]]
    """Spans of measurable targets: numbers with a unit, a bound or an outcome noun."""
    outputs: Sequence[tuple[int, int]]
    """Spans of outputs: counts of things the team makes or does."""
    inputs: Sequence[tuple[int, int]]
    """Spans of the team's own inputs raised or set: "to $80k" of a budget, "from 120 to
    150" of a headcount."""
    state: tuple[int, int] | None
    """Span of an all-or-nothing statement at the start ("zero churned customers")."""
    result_verb: Hit | None
    """The outcome verb opening a second clause that states a measured result after the
    work ("Launch the app and reach 50k downloads": "reach"); its numbers are targets."""

    __slots__ = (
        "changes", "deadlines", "display", "hits", "inputs", "lead", "outputs", "quality_word",
        "quantities", "result_verb", "seen", "state", "targets", "text", "verb", "verb_guessed",
        "verb_kind", "verb_leads",
    )  # fmt: skip

    def __init__(
        self,
        display: str,
        text: str,
        hits: list[Hit],
        deadlines: list[Deadline],
        quantities: list[Quantity],
        changes: list[Change],
        seen: int = 0,
    ) -> None:
        self.display = display
        self.text = text
        self.hits = hits
        self.deadlines = deadlines
        self.quantities = quantities
        self.changes = changes
        self.seen = seen
        self.lead = 0
        self.verb = None
        self.verb_kind = 0
        self.verb_leads = False
        self.verb_guessed = False
        self.quality_word = None
        self.targets = ()
        self.outputs = ()
        self.inputs = ()
        self.state = None
        self.result_verb = None

    def quote(self, start: int, end: int) -> str:
        """The user's own words between ``start`` and ``end``."""
        return self.display[start:end].strip()

    def first_of(self, category: int) -> Hit | None:
        """The first word of ``category`` in the line, for quoting."""
        if self.seen & category:
            for hit in self.hits:
                if hit.categories & category:
                    return hit
        return None

    def after_verb(self, category: int) -> Hit | None:
        """The first word of ``category`` after the main verb."""
        if self.verb is None or not self.seen & category:
            return None
        start = self.verb.end
        for hit in self.hits:
            if hit.start >= start and hit.categories & category:
                return hit
        return None


def gather(line: str) -> Evidence | None:
    """The evidence for ``line``, or ``None`` when it has no words at all."""
    display = normalize(line)
    if not display:
        return None
    text = display.lower()
    if len(text) != len(display):  # a rare character changed length when lower-cased
        display = text
    hits, seen, cues = lx.scan_line(text)
    deadlines, quantities = scan(text, cues)
    if len(quantities) > 1 or "from" in text or "從" in text or "从" in text:
        metric_ends = (
            [hit.end for hit in hits if hit.categories & lx.METRIC] if seen & lx.METRIC else ()
        )
        changes = find_changes(text, quantities, metric_ends)
    else:
        changes = []
    evidence = Evidence(display, text, hits, deadlines, quantities, changes, seen)
    evidence.lead = _lead(evidence)
    find_verb(evidence)
    if quantities or changes:
        assign_roles(evidence)
    _find_state(evidence)
    return evidence


def _lead(evidence: Evidence) -> int:
    """Skip bullets, labels, subjects, a leading deadline ("By Q3,") and frequency ("每週")."""
    text = evidence.text
    start = _PREAMBLE.match(text).end() if _may_open_with_preamble(text) else 0
    if not evidence.deadlines and not evidence.seen & lx.FREQUENCY:
        return start
    position = -1
    next_position = 0
    while next_position != position:
        position = next_position
        next_position = _PREAMBLE.match(text, position).end()
        for deadline in evidence.deadlines:
            if deadline.start == next_position:
                next_position = deadline.end
        for hit in evidence.hits:
            if hit.start == next_position and hit.categories & lx.FREQUENCY:
                next_position = hit.end
        next_position = _SKIPPABLE.match(text, next_position).end()
    return position


def _may_open_with_preamble(text: str) -> bool:
    """A cheap look at the first characters: could a bullet, label or subject open the
    line ("- ", "KR1:", "We will", "目標:")? Most lines open with their wording."""
    first = text[0]
    if first not in _PREAMBLE_FIRST:
        return False
    if "a" <= first <= "z":
        return text[:2] in _PREAMBLE_OPENINGS or text[:5] in _PREAMBLE_OPENINGS
    return True


def _find_state(evidence: Evidence) -> None:
    """An all-or-nothing statement at the start: "Zero churn", "No PRs merged", "所有發票..."."""
    if evidence.verb_leads and evidence.verb_kind in (lx.ACTION, lx.LAUNCH):
        return
    lead = evidence.lead
    if object_first(evidence.text, lead):
        return  # "將所有合約掃描存檔": "all the contracts" is what the verb acts on
    if evidence.seen & lx.STATE:
        for hit in evidence.hits:
            if hit[0] >= lead:
                if (
                    hit[0] == lead
                    and hit[3] & lx.STATE
                    and evidence.text[hit[1] : hit[1] + 1] != "-"
                ):
                    evidence.state = (lead, _clause_end(evidence, lead))  # not "all-hands"
                    return
                break
    if evidence.text[lead : lead + 1] in _EACH and _EACH_ONE_ALL.match(evidence.text, lead):
        evidence.state = (lead, _clause_end(evidence, lead))
    elif evidence.verb is None and not evidence.text.isascii():
        negated = _NEGATED_RESULT.search(evidence.text, lead)  # "滲透測試沒有任何重大弱點"
        if negated:
            evidence.state = (lead, _clause_end(evidence, negated.end()))


def _clause_end(evidence: Evidence, start: int) -> int:
    text = evidence.text
    end = min(len(text), start + 40)
    for index in range(start, end):
        if text[index] in _CLAUSE_END:
            return index
    return end


def participle_after_subject(evidence: Evidence) -> tuple[int, int, str] | None:
    """An English past participle after a noun subject, as ``(start, end, word)``: "All
    critical parts dual-sourced", "Onboarding emails rewritten and scheduled"."""
    if evidence.verb is not None or not evidence.text.isascii():
        return None
    match = _PARTICIPLE.search(evidence.text, evidence.lead + 1)
    return (match.start(), match.end(), match[0]) if match else None
