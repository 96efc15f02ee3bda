"""How the classifier decides: which rules to ask, and the verdict from their weights.

The rules themselves are in :mod:`model.classify.rulebook`: each reads the
:class:`~model.classify.evidence.Evidence` of a line and either stays silent or *fires*
with one :class:`~model.classify.result.Reason` and the weight it adds to each kind.
Here the rules a line needs are asked (:data:`RULES`, :func:`rules_for`), and the kind
with the highest total wins; the confidence is that kind's softmax share of the totals,
scaled down when the winning total is small (little to go on).

To extend the classifier, add words to :mod:`model.classify.lexicon` or write a rule in
:mod:`model.classify.rulebook`: a function ``(Evidence) -> Fired | None``, listed in
:data:`RULES` here (with the word categories it needs) and given a message in
``model/messages/classify.toml``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from model.classify import lexicon as lx
from model.classify.evidence import Evidence, gather
from model.classify.result import CONFIDENT, Classification, Deferred, Reason
from model.classify.rulebook import (
    Fired,
    action_verb,
    all_or_nothing,
    aspiration_verb,
    changes_own_work,
    counts_things,
    deadline,
    direction_verb,
    inspiring_words,
    launch_verb,
    measurable_target,
    names_input,
    names_metric,
    names_output,
    no_target,
    outcome_verb,
    qualitative_aim,
    recurring_activity,
    result_clause,
    state_reached,
    yes_no_result,
)

if TYPE_CHECKING:
    from model.plan import ItemKind  # a Literal: only annotations need it (no pydantic)

KR: ItemKind = "key_result"
INITIATIVE: ItemKind = "initiative"
OBJECTIVE: ItemKind = "objective"


# What a line has, as bit flags, so that a rule is only asked when the line has what it
# reads (most rules have nothing to say about most lines): the word categories the rules
# look for, the main verb's kind (shifted above them) and a few facts.
_WORDS_ASKED_ABOUT = lx.BINARY | lx.METRIC | lx.INSPIRING | lx.QUALITATIVE | lx.FREQUENCY
_VERB_SHIFT = 16
ACTION_VERB = lx.ACTION << _VERB_SHIFT
"""The main verb is an action (its kind, shifted above the word categories)."""
LAUNCH_VERB = lx.LAUNCH << _VERB_SHIFT
ASPIRATION_VERB = lx.ASPIRATION << _VERB_SHIFT
DIRECTION_VERB = lx.DIRECTION << _VERB_SHIFT
OUTCOME_VERB = lx.OUTCOME << _VERB_SHIFT
NO_VERB = 1 << 21
"""The line has no main verb."""
TARGETS = 1 << 22
"""At least one number is a measurable target."""
OUTPUTS = 1 << 23
"""At least one number counts an output."""
STATE = 1 << 24
"""The line states an all-or-nothing outcome."""
DEADLINE = 1 << 25
"""The line has a deadline."""
INPUTS = 1 << 26
"""Numbers set one of the team's own inputs (a budget, a headcount)."""
RESULT_CLAUSE = 1 << 27
"""A second clause states a measured result after the work ("... and reach 50k downloads")."""


def facts_of(e: Evidence) -> int:
    """What the rules are asked about, of the line, as one set of flags."""
    facts = e.seen & _WORDS_ASKED_ABOUT
    facts |= e.verb_kind << _VERB_SHIFT if e.verb is not None else NO_VERB
    if e.targets:
        facts |= TARGETS
        if e.result_verb is not None:  # only set with a target in its clause
            facts |= RESULT_CLAUSE
    if e.outputs:
        facts |= OUTPUTS
    if e.state is not None:
        facts |= STATE
    if e.deadlines:
        facts |= DEADLINE
    if e.inputs:
        facts |= INPUTS
    return facts


RULES: tuple[tuple[int, Callable[[Evidence], Fired | None]], ...] = (
    (ACTION_VERB, action_verb),
    (LAUNCH_VERB, launch_verb),
    (ASPIRATION_VERB, aspiration_verb),
    (DIRECTION_VERB, direction_verb),
    (OUTCOME_VERB, outcome_verb),
    (TARGETS, measurable_target),
    (RESULT_CLAUSE, result_clause),
    (lx.BINARY, yes_no_result),
    (STATE, all_or_nothing),
    (OUTPUTS, names_output),
    (INPUTS, names_input),
    (DIRECTION_VERB, changes_own_work),
    (lx.METRIC, names_metric),
    (NO_VERB, state_reached),
    (NO_VERB, counts_things),
    (lx.FREQUENCY, recurring_activity),
    (DIRECTION_VERB | ASPIRATION_VERB | OUTCOME_VERB, no_target),
    (lx.INSPIRING, inspiring_words),
    (lx.QUALITATIVE, qualitative_aim),
    (DEADLINE, deadline),
)
"""Every rule, in the order their reasons are shown, with what it ``needs``: the word
categories or facts (:func:`facts_of`) of which at least one must be true of the line for
the rule to have anything to say. Skipping the others keeps each keystroke cheap."""

_ASKED: dict[int, tuple[Callable[[Evidence], Fired | None], ...]] = {}
"""The rules to ask for each set of facts, worked out the first time it occurs (there are
at most a few thousand sets of facts)."""


def rules_for(facts: int) -> tuple[Callable[[Evidence], Fired | None], ...]:
    """The rules whose needs ``facts`` meet, in order."""
    asked = _ASKED.get(facts)
    if asked is None:
        asked = _ASKED[facts] = tuple(rule for needs, rule in RULES if facts & needs)
    return asked


FIRM_EVIDENCE = 2.5
"""A winning total at or above this is enough to be fully confident in its share."""
VAGUE_EVIDENCE = 1.5
"""Below this winning total the line is too vague to tell; the reading is a guess."""

_EMPTY = Classification(KR, 0.0, (Reason("classify.empty"),))
_TOO_VAGUE = Reason("classify.too_vague")
_NO_VERB = Reason("classify.too_vague_no_verb")
_METRIC_ONLY = Reason("classify.too_vague_metric_only")
_NUMBER_ONLY = Reason("classify.too_vague_number_only")
_TOO_LITTLE = Reason("classify.too_vague_verb_only")


_new_tuple = tuple.__new__


CACHE_SIZE = 4096
"""How many recent lines :func:`classify` remembers (a few megabytes at most)."""
_recent: dict[str, Classification] = {}


def classify(text: str) -> Classification:
    """Read one line and say whether it is a key result, an initiative or an objective.

    The reading of the last :data:`CACHE_SIZE` distinct lines is remembered: an editor
    asks again about the same text when it redraws a list, switches language or checks
    :func:`suggest_switch` after showing the kind. A reading never changes (its reasons
    render in the current language when read), so a remembered one is as good as new.
    """
    reading = _recent.get(text)
    if reading is None:
        reading = read(text)
        if len(_recent) >= CACHE_SIZE:
            del _recent[next(iter(_recent))]  # the oldest
        _recent[text] = reading
    return reading


def read(text: str) -> Classification:
    """:func:`classify` without remembering: every call reads the line afresh."""
    evidence = gather(text)
    if evidence is None:
        return _EMPTY
    facts = facts_of(evidence)
    fired = []
    key_result = initiative = objective = 0.0
    for rule in _ASKED.get(facts) or rules_for(facts):
        verdict = rule(evidence)
        if verdict is not None:
            fired.append(verdict)
            key_result += verdict[2]
            initiative += verdict[3]
            objective += verdict[4]
    # The winner (ties go to key result, then initiative), and where its weight sits in a
    # verdict (Fired: key, params, key_result, initiative, objective).
    if key_result >= initiative and key_result >= objective:
        kind, top, weight_index = KR, key_result, 2
    elif initiative >= objective:
        kind, top, weight_index = INITIATIVE, initiative, 3
    else:
        kind, top, weight_index = OBJECTIVE, objective, 4
    exp = math.exp
    share = 1.0 / (exp(key_result - top) + exp(initiative - top) + exp(objective - top))
    confidence = min(share if top >= FIRM_EVIDENCE else share * top / FIRM_EVIDENCE, 0.99)
    first = None if top >= VAGUE_EVIDENCE else _too_vague(evidence)  # None if firm
    reasons = _new_tuple(Deferred, (_reasons, fired, kind, weight_index, first, evidence.display))
    # Two decimals, rounding halves up (round() formats the float: slow on every keystroke).
    return _new_tuple(Classification, (kind, int(confidence * 100 + 0.5) / 100, reasons))


def _too_vague(evidence: Evidence) -> Reason:
    """Why a line is too vague to tell, by what it lacks: "no verb, number or metric" only
    when it has none of them ("NPS 60" has a metric and a number, but no verb)."""
    if evidence.verb is not None:
        return _TOO_LITTLE
    metric = evidence.seen & lx.METRIC
    if evidence.quantities:
        return _NO_VERB if metric else _NUMBER_ONLY
    return _METRIC_ONLY if metric else _TOO_VAGUE


def _reasons(
    fired: list[Fired], kind: ItemKind, weight_index: int, first: Reason | None, line: str
) -> tuple[Reason, ...]:
    """The reasons in order: ``first`` (too vague to tell) if any, those for the chosen
    ``kind``, then against it (each with the kind it favours), then neutral facts; the
    user's words quoted from ``line``."""
    reasons = [first] if first is not None else []
    later: list[Reason] = []
    neutral: list[Reason] = []
    for key, params, *weights in fired:
        if params:
            params = quoted(params, line)
        if weights[weight_index - 2] > 0:
            reasons.append(Reason(key, params, kind))
        elif any(weights):
            later.append(Reason(key, params, _favoured(*weights)))
        else:
            neutral.append(Reason(key, params, None))
    return (*reasons, *later, *neutral)


def quoted(
    params: tuple[tuple[str, str | tuple[int, int]], ...], line: str
) -> tuple[tuple[str, str], ...]:
    """A verdict's ``params`` with every ``(start, end)`` span replaced by the words of
    ``line`` (the line as typed) it covers."""
    return tuple(
        (name, value if isinstance(value, str) else line[value[0] : value[1]].strip())
        for name, value in params
    )


def _favoured(key_result: float, initiative: float, objective: float) -> ItemKind:
    """The kind with the highest weight (ties go to key result, then initiative)."""
    if key_result >= initiative and key_result >= objective:
        return KR
    return INITIATIVE if initiative >= objective else OBJECTIVE


def suggest_switch(text: str, kind: ItemKind) -> Classification | None:
    """The classifier's reading of ``text`` when it confidently says it is not a ``kind``.

    This is the hint the items editor shows ("this reads like an initiative", with the
    reasons), never a block: the user decides, and a kind the user chose is kept.
    ``None`` when the reading agrees, is unsure, or the text is empty.
    """
    reading = classify(text)
    if reading.kind == kind or reading.confidence < CONFIDENT:
        return None
    return reading
