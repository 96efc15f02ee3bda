"""How the classifier decides: named rules, each adding weight to a kind and giving a reason.

Every rule reads the :class:`~model.classify.evidence.Evidence` of a line and either
stays silent or *fires* with one :class:`Reason` and the weight it adds to each kind.
The kind with the highest total wins; the confidence is that kind's softmax share of
the totals, scaled down when the winning total is small (little to go on).

To extend the classifier, add words to :mod:`model.classify.lexicon` or write a rule
here: a function ``(Evidence) -> Fired | None``, listed in :data:`RULES` (with the word
categories it needs) and given a message in ``model/messages/classify.toml``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from model.classify import lexicon as lx
from model.classify.evidence import Evidence, gather, participle_after_subject
from model.classify.result import CONFIDENT, Classification, Reason
from model.plan import ItemKind

KR: ItemKind = "key_result"
INITIATIVE: ItemKind = "initiative"
OBJECTIVE: ItemKind = "objective"


class Fired(NamedTuple):
    """A rule's verdict: its message, with parameters, and the weight it adds to each kind.

    Which kind the reason *supports* is settled once the winner is known: a direction
    verb, say, supports the key result or the objective, whichever wins.
    """

    key: str
    params: tuple[tuple[str, str], ...]
    key_result: float = 0.0
    initiative: float = 0.0
    objective: float = 0.0


_new_fired = tuple.__new__


def _fired(
    key: str,
    params: dict[str, str] | None = None,
    key_result: float = 0.0,
    initiative: float = 0.0,
    objective: float = 0.0,
) -> Fired:
    """A verdict with the message ``key`` and the weights it adds to each kind."""
    items = tuple(params.items()) if params else ()
    return _new_fired(Fired, (key, items, key_result, initiative, objective))


# --- the rules, in the order their reasons are listed ----------------------------------


def action_verb(e: Evidence) -> Fired | None:
    """An action verb (write, hire, 舉辦) marks work the team fully controls: an initiative."""
    if e.verb is None or e.verb_kind != lx.ACTION:
        return None
    verb = {"verb": e.quote(e.verb.start, e.verb.end)}
    if e.verb_guessed:
        return _fired("classify.starts_with_instruction", verb, initiative=2.0)
    if e.verb_leads:
        return _fired("classify.starts_with_action_verb", verb, initiative=3.0)
    return _fired("classify.uses_action_verb", verb, initiative=2.5)


def launch_verb(e: Evidence) -> Fired | None:
    """Launching a thing is a task; launching a whole product (推出新產品) is a goal."""
    if e.verb is None or e.verb_kind != lx.LAUNCH:
        return None
    product = e.after_verb(lx.PRODUCT)
    if product is not None and e.after_verb(lx.OUTPUT_NOUN) is None and not e.outputs:
        thing = {"thing": e.quote(product.start, product.end)}
        return _fired("classify.launches_product", thing, objective=3.0, initiative=0.5)
    return _fired(
        "classify.launch_verb", {"verb": e.quote(e.verb.start, e.verb.end)}, initiative=2.5
    )


def aspiration_verb(e: Evidence) -> Fired | None:
    """Become, help, make X Y, 成為, 讓: a picture of where to get to."""
    if e.verb is None or e.verb_kind != lx.ASPIRATION:
        return None
    if e.quality_word is not None:  # "Build a culture of ownership"
        word = {"word": e.quote(e.quality_word.start, e.quality_word.end)}
        return _fired("classify.aims_at_quality", word, objective=3.5)
    return _fired(
        "classify.aspiration_verb", {"verb": e.quote(e.verb.start, e.verb.end)}, objective=2.5
    )


def direction_verb(e: Evidence) -> Fired | None:
    """Raise, reduce, 提升: a direction; a target makes it a key result, none an objective."""
    if e.verb is None or e.verb_kind != lx.DIRECTION:
        return None
    verb = {"verb": e.quote(e.verb.start, e.verb.end)}
    return _fired("classify.direction_verb", verb, key_result=1.0, objective=1.0)


def outcome_verb(e: Evidence) -> Fired | None:
    """Reach, maintain, 達到: a result to reach, a key result when there is a target."""
    if e.verb is None or e.verb_kind != lx.OUTCOME:
        return None
    verb = {"verb": e.quote(e.verb.start, e.verb.end)}
    if e.targets or e.seen & lx.BINARY:
        return _fired("classify.outcome_verb", verb, key_result=1.5)
    return _fired("classify.outcome_verb", verb, key_result=0.5, objective=1.0)


def measurable_target(e: Evidence) -> Fired | None:
    """A number with a unit, a bound or a baseline: the mark of a key result.

    After an opening action verb the number usually sizes the work ("Deploy the model to
    10% of traffic"), so it counts for less; a share right after the verb ("Approve 90% of
    applications within a day") is a success rate, so it counts for more.
    """
    if not e.targets:
        return None
    start, end = e.targets[0]
    is_change = any(change.start == start for change in e.changes)
    weight = 3.0
    if e.verb_leads and e.verb_kind in (lx.ACTION, lx.LAUNCH) and e.verb is not None:
        # "Collect 95% of invoices" measures how much of the work succeeds: an outcome.
        share_of_work = e.text[e.verb.end : start].isspace() and e.text[start:end].endswith("%")
        weight = 3.5 if share_of_work else 1.5
    value = {"value": e.quote(start, end)}
    return _fired(
        "classify.has_change" if is_change else "classify.has_target", value, key_result=weight
    )


def yes_no_result(e: Evidence) -> Fired | None:
    """A result that is reached or not (break-even, ISO 27001 認證): measurable as yes/no."""
    hit = e.first_of(lx.BINARY) if e.seen & lx.BINARY and not e.targets else None
    if hit is None:
        return None
    return _fired("classify.yes_no_result", {"thing": e.quote(hit.start, hit.end)}, key_result=2.5)


def all_or_nothing(e: Evidence) -> Fired | None:
    """ "Zero churned customers", "No PRs merged", "所有發票準時付款": a yes/no outcome."""
    if e.state is None:
        return None
    return _fired("classify.all_or_nothing", {"state": e.quote(*e.state)}, key_result=2.5)


def names_output(e: Evidence) -> Fired | None:
    """A count of things the team makes or does (10 blog posts, 2 場說明會): an output."""
    if not e.outputs:
        return None
    return _fired("classify.names_output", {"output": e.quote(*e.outputs[0])}, initiative=3.0)


def changes_own_work(e: Evidence) -> Fired | None:
    """Shortening a form or improving the emails changes the team's own work, not a result."""
    if e.verb_kind != lx.DIRECTION or e.seen & lx.METRIC or e.targets:
        return None
    thing = e.after_verb(lx.OUTPUT_NOUN)
    if thing is None:
        return None
    return _fired(
        "classify.changes_own_work", {"thing": e.quote(thing.start, thing.end)}, initiative=2.5
    )


def names_metric(e: Evidence) -> Fired | None:
    """A metric (conversion, churn, 留存率) leans towards a measurable result."""
    hit = e.first_of(lx.METRIC)
    if hit is None:
        return None
    return _fired("classify.names_metric", {"metric": e.quote(hit.start, hit.end)}, key_result=0.75)


def state_reached(e: Evidence) -> Fired | None:
    """English "X done" with no verb first ("All critical parts dual-sourced"): a state."""
    if e.state is not None or e.targets:
        return None
    word = participle_after_subject(e)
    if word is None:
        return None
    return _fired("classify.state_reached", {"word": word}, key_result=1.0)


def no_target(e: Evidence) -> Fired | None:
    """A direction with nothing to measure it by is an objective."""
    if e.verb is None or e.verb_kind not in (lx.DIRECTION, lx.ASPIRATION, lx.OUTCOME):
        return None
    if e.targets or e.outputs or e.state is not None or e.seen & lx.BINARY:
        return None
    if e.verb_kind == lx.DIRECTION and e.after_verb(lx.OUTPUT_NOUN) and not e.seen & lx.METRIC:
        return None  # "Shorten the form" changes own work (see changes_own_work)
    return _fired("classify.no_target", objective=2.0)


def inspiring_words(e: Evidence) -> Fired | None:
    """Best, #1, go-to, 首選, 最: the language of an objective."""
    hit = e.first_of(lx.INSPIRING) if e.seen & lx.INSPIRING else None
    if hit is None or e.quality_word is not None:
        return None
    return _fired("classify.inspiring_words", {"word": e.quote(hit.start, hit.end)}, objective=1.5)


def qualitative_aim(e: Evidence) -> Fired | None:
    """Culture, trust, experience, 市場: something qualitative, with no number."""
    if e.quality_word is not None or e.targets or e.outputs:
        return None
    hit = e.first_of(lx.QUALITATIVE) if e.seen & lx.QUALITATIVE else None
    if hit is None:
        return None
    return _fired("classify.qualitative_aim", {"word": e.quote(hit.start, hit.end)}, objective=1.0)


def deadline(e: Evidence) -> Fired | None:
    """A deadline is neutral: objectives, key results and initiatives all have them."""
    if not e.deadlines:
        return None
    first = e.deadlines[0]
    return _fired("classify.has_deadline", {"deadline": e.quote(first.start, first.end)})


ALWAYS = 0
"""``needs`` of a rule that must always be asked."""

RULES: tuple[tuple[int, Callable[[Evidence], Fired | None]], ...] = (
    (ALWAYS, action_verb),
    (lx.LAUNCH, launch_verb),
    (ALWAYS, aspiration_verb),
    (lx.DIRECTION, direction_verb),
    (lx.OUTCOME, outcome_verb),
    (ALWAYS, measurable_target),
    (lx.BINARY, yes_no_result),
    (ALWAYS, all_or_nothing),
    (ALWAYS, names_output),
    (lx.OUTPUT_NOUN, changes_own_work),
    (lx.METRIC, names_metric),
    (ALWAYS, state_reached),
    (ALWAYS, no_target),
    (lx.INSPIRING, inspiring_words),
    (lx.QUALITATIVE, qualitative_aim),
    (ALWAYS, deadline),
)
"""Every rule, in the order their reasons are shown, with what it ``needs``: the word
categories of which at least one must occur in the line for the rule to have anything
to say (``ALWAYS``: ask it anyway). Skipping the others keeps each keystroke cheap."""

FIRM_EVIDENCE = 2.5
"""A winning total at or above this is enough to be fully confident in its share."""
VAGUE_EVIDENCE = 1.5
"""Below this winning total the line is too vague to tell; the reading is a guess."""

_EMPTY = Classification(KR, 0.0, (Reason("classify.empty"),))
_TOO_VAGUE = Reason("classify.too_vague")
_KINDS: tuple[ItemKind, ItemKind, ItemKind] = (KR, INITIATIVE, OBJECTIVE)


_new_tuple = tuple.__new__


def classify(text: str) -> Classification:
    """Read one line and say whether it is a key result, an initiative or an objective."""
    evidence = gather(text)
    if evidence is None:
        return _EMPTY
    fired: list[Fired] = []
    key_result = initiative = objective = 0.0
    seen = evidence.seen
    for needs, rule in RULES:
        if needs and not seen & needs:
            continue
        verdict = rule(evidence)
        if verdict is not None:
            fired.append(verdict)
            key_result += verdict[2]
            initiative += verdict[3]
            objective += verdict[4]
    if key_result >= initiative and key_result >= objective:
        best, top = 0, key_result
    elif initiative >= objective:
        best, top = 1, initiative
    else:
        best, top = 2, objective
    kind = _KINDS[best]
    exp = math.exp
    share = 1.0 / (exp(key_result - top) + exp(initiative - top) + exp(objective - top))
    confidence = share if top >= FIRM_EVIDENCE else share * top / FIRM_EVIDENCE
    supporting: list[Reason] = [_TOO_VAGUE] if top < VAGUE_EVIDENCE else []
    others: list[Reason] = []
    neutral: list[Reason] = []
    for verdict in fired:
        weights = verdict[2:]
        if weights[best] > 0:
            supporting.append(_new_tuple(Reason, (verdict[0], verdict[1], kind)))
        elif weights[0] or weights[1] or weights[2]:
            favoured = _KINDS[weights.index(max(weights))]
            others.append(_new_tuple(Reason, (verdict[0], verdict[1], favoured)))
        else:
            neutral.append(_new_tuple(Reason, (verdict[0], verdict[1], None)))
    reasons = tuple(supporting + others + neutral)
    return _new_tuple(Classification, (kind, round(min(confidence, 0.99), 2), reasons))


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
