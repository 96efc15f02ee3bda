"""SMART hints for an objective: which properties its statement and KGI show, and why.

The method (DESIGN.md, step 1) asks for one SMART objective: Specific, Measurable,
Achievable *and ambitious*, Relevant, Time-bound. The statement is qualitative; the KGI
(key goal indicator) carries the number and the date, so both are read together.
Relevance cannot be judged from text and is always left to the user.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal, get_args

from model.classify import lexicon as lx
from model.classify.evidence import Evidence, gather
from model.classify.result import Reason
from model.classify.roles import counted_things
from model.classify.words_en import EN_DETERMINERS
from model.dates import DATE_PARTS, date_of
from model.hanzi import both_scripts
from model.textwidth import char_width

SmartCriterion = Literal["specific", "measurable", "achievable", "relevant", "time_bound"]
SmartStatus = Literal["present", "missing", "unclear"]
SMART_CRITERIA: tuple[SmartCriterion, ...] = get_args(SmartCriterion)

AMBITION_RANGE = (1.2, 1.5)
"""A target is usually 1.2 to 1.5 times its baseline (seed 000, step 4)."""

_VAGUE = re.compile(
    both_scripts(
        r"(?<![a-z])(?:things|stuff|various|etc|somehow|whatever)(?![a-z])|東西|等等|各種|一些"
    )
)
_CONJUNCTION = re.compile(
    both_scripts(r"(?<![a-z])(?:and|while|plus)(?![a-z])|並且|並|同時|以及|和|與|及|、|,|,")
)
_LABELS: dict[SmartCriterion, str] = {
    "specific": "classify.smart_specific",
    "measurable": "classify.smart_measurable",
    "achievable": "classify.smart_achievable",
    "relevant": "classify.smart_relevant",
    "time_bound": "classify.smart_time_bound",
}
_NOUNS = lx.METRIC | lx.OUTCOME_NOUN | lx.QUALITATIVE | lx.PRODUCT | lx.OUTPUT_NOUN


@dataclass(frozen=True, slots=True)
class SmartHint:
    """How one SMART property looks for an objective."""

    criterion: SmartCriterion
    """``specific``, ``measurable``, ``achievable``, ``relevant`` or ``time_bound``."""

    status: SmartStatus
    """``present`` (the text shows it), ``missing`` (it does not) or ``unclear`` (the
    text cannot tell; the user should check)."""

    reason: Reason
    """Why, in a sentence that re-renders in the current language."""

    @property
    def label(self) -> str:
        """The property's name in the current language ("Specific", "具體")."""
        from model.i18n import t  # on first use: classifying a line needs no messages

        return t(_LABELS[self.criterion])


def _hint(criterion: SmartCriterion, status: SmartStatus, key: str, **params: str) -> SmartHint:
    return SmartHint(criterion, status, Reason(key, tuple(params.items())))


def smart_hints(
    statement: str, kgi: str = "", *, period_end: dt.date | None = None
) -> tuple[SmartHint, ...]:
    """SMART hints for an objective ``statement`` and its ``kgi``, one per property, in
    SMART order. ``period_end`` is the plan's last day, which also makes it time-bound."""
    said = gather(statement)
    measure = gather(kgi)
    return (
        _specific(said),
        _measurable(said, measure),
        _achievable(said, measure),
        _hint("relevant", "unclear", "classify.smart_relevant_check"),
        _time_bound(said, measure, period_end),
    )


def _specific(said: Evidence | None) -> SmartHint:
    if said is None:
        return _hint("specific", "missing", "classify.smart_no_statement")
    text = said.text
    # Chinese is counted in characters, anything else in words: an English sentence with a
    # typographic dash, a curly apostrophe, an accent or an emoji is still counted in words.
    chinese = any(char.isalpha() and char_width(char) == 2 for char in text)
    words = sum(not c.isascii() for c in text) if chinese else len(text.split())
    if words < (6 if chinese else 4):
        return _hint("specific", "missing", "classify.smart_too_short")
    vague = _VAGUE.search(text)
    if vague:
        return _hint(
            "specific", "missing", "classify.smart_vague_word", word=said.quote(*vague.span())
        )
    goals = [h for h in said.hits if h.categories & lx.DIRECTION]
    for first, second in pairwise(goals):
        if _CONJUNCTION.search(text, first.end, second.start):
            first_goal, second_goal = said.quote(*first[:2]), said.quote(*second[:2])
            return _hint(
                "specific",
                "missing",
                "classify.smart_two_goals",
                first=first_goal,
                second=second_goal,
            )
    subject = next((h[:2] for h in said.hits if h.categories & _NOUNS), None)
    if subject is None:
        subject = _object_of_verb(said)
    if subject is None:
        return _hint("specific", "unclear", "classify.smart_subject_unclear")
    return _hint(
        "specific", "present", "classify.smart_names_subject", subject=said.quote(*subject)
    )


_OBJECT_ENDS = re.compile(
    r"[,;:.!?()]|(?<![a-z-])(?:for|of|to|in|on|with|by|from|at|about|per|among|across|within"
    r"|into|through|and|or|that|who|which|than|so|while|as)(?![a-z-])"
)
_OBJECT_WORDS = 4
"""At most this many words of an object are quoted."""


def _object_of_verb(said: Evidence) -> tuple[int, int] | None:
    """In English, the words the main verb acts on, up to a preposition or a clause mark,
    when they are words the lexicon does not know ("Double the listings of independent
    retailers": "the listings"; "Become the default planning tool for hospitals"): what
    the objective is about. ``None`` without a verb or with only small words after it."""
    verb, text = said.verb, said.text
    if verb is None or not text.isascii():
        return None
    end = _OBJECT_ENDS.search(text, verb.end)
    words = list(re.finditer(r"\S+", text[: end.start() if end else len(text)]))
    words = [word for word in words if word.start() >= verb.end][:_OBJECT_WORDS]
    content = next((word[0] for word in words if word[0] not in EN_DETERMINERS), None)
    if content is None or content in _PRONOUNS:
        return None  # "Make it happen", "Do more for everyone": about nothing named
    return words[0].start(), words[-1].end()


_PRONOUNS = frozenset(
    lx.word_list("""
it, them, us, we, you, they, everything, everyone, everybody, something, someone, anything,
anyone, ourselves, itself, what, whatever
""")
)


def _target_text(evidence: Evidence | None) -> str | None:
    if evidence is None:
        return None
    if evidence.targets:
        return evidence.quote(*evidence.targets[0])
    if evidence.state is not None:
        return evidence.quote(*evidence.state)
    counted = counted_things(evidence)  # "1,000 paying companies by 2026-12-31"
    if counted is not None:
        return evidence.quote(*counted)
    binary = evidence.first_of(lx.BINARY)
    return evidence.quote(*binary[:2]) if binary is not None else None


def _named_number(kgi: Evidence | None) -> str | None:
    """A KGI that names a measure and then its number ("Paid users: 300 by 2026-03-31",
    "MRR 50k by Q2"): the words up to the number. Not a year, not a date's digits."""
    if kgi is None:
        return None
    for quantity in kgi.quantities:
        if any(d.start <= quantity.start < d.end for d in kgi.deadlines):
            continue
        text = kgi.text[quantity.start : quantity.end]
        if quantity.unit == "count" and 1900 <= quantity.value <= 2100 and "," not in text:
            continue  # "2027": a year
        return kgi.quote(kgi.lead, quantity.end)
    return None


def _measurable(said: Evidence | None, measure: Evidence | None) -> SmartHint:
    target = _target_text(measure) or _named_number(measure)
    if target:
        return _hint("measurable", "present", "classify.smart_kgi_target", value=target)
    target = _target_text(said)
    if target:
        return _hint("measurable", "present", "classify.smart_statement_target", value=target)
    if measure is not None:
        return _hint("measurable", "missing", "classify.smart_kgi_no_number")
    return _hint("measurable", "missing", "classify.smart_no_kgi")


def _achievable(said: Evidence | None, measure: Evidence | None) -> SmartHint:
    for evidence in (measure, said):
        if evidence is None:
            continue
        for change in evidence.changes:
            if change.before is None or change.after is None:
                continue
            low, high = sorted((abs(change.before.value), abs(change.after.value)))
            if low == 0:
                continue
            ratio = high / low
            params = {
                "ratio": f"{ratio:.2f}".rstrip("0").rstrip("."),
                "change": evidence.quote(change.start, change.end),
            }
            if ratio < AMBITION_RANGE[0]:
                return _hint("achievable", "unclear", "classify.smart_too_timid", **params)
            if ratio > AMBITION_RANGE[1]:
                return _hint("achievable", "unclear", "classify.smart_stretch", **params)
            return _hint("achievable", "present", "classify.smart_ambitious", **params)
    return _hint("achievable", "unclear", "classify.smart_no_baseline")


_FULL_DATE = re.compile(DATE_PARTS)


def deadline_dates(text: str) -> list[dt.date]:
    """The whole dates ``text`` sets as deadlines ("by 2026-03-31", "2026 年 6 月 30 日前"),
    in order; a date that is no deadline ("from $330,000 on 2025-12-31") is left out."""
    said = gather(text)
    if said is None:
        return []
    found = []
    for deadline in said.deadlines:
        for match in _FULL_DATE.finditer(said.text, deadline.start, deadline.end):
            day = date_of(match)
            if day is not None:
                found.append(day)
    return found


def _time_bound(
    said: Evidence | None, measure: Evidence | None, period_end: dt.date | None
) -> SmartHint:
    for evidence in (measure, said):
        if evidence is not None and evidence.deadlines:
            first = evidence.deadlines[0]
            return _hint(
                "time_bound",
                "present",
                "classify.smart_deadline",
                deadline=evidence.quote(*first[:2]),
            )
    if period_end is not None:
        return _hint(
            "time_bound", "present", "classify.smart_period_end", date=period_end.isoformat()
        )
    return _hint("time_bound", "missing", "classify.smart_no_deadline")
