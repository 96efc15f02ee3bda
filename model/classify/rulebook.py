"""The rulebook: every rule the classifier knows, each reading one signal of a line.

Every rule reads the :class:`~model.classify.evidence.Evidence` of a line and either
stays silent or *fires*: a :class:`Fired` with one reason (a message key and the user's
words, as a span of the line) and the weight it adds to each kind. Which rules are asked,
and how their weights become a verdict, is decided in :mod:`model.classify.rules`.

To extend the classifier, add words to :mod:`model.classify.lexicon` or write a rule
here: a function ``(Evidence) -> Fired | None``, listed in
:data:`model.classify.rules.RULES` (with the word categories it needs) and given a message
in ``model/messages/classify.toml``.
"""

from __future__ import annotations

from typing import NamedTuple

from model.classify import lexicon as lx
from model.classify.evidence import Evidence, participle_after_subject
from model.classify.lexicon import Hit
from model.classify.roles import counted_things
from model.classify.verbs import in_a_name


class Fired(NamedTuple):
    """A rule's verdict: its message, with parameters, and the weight it adds to each kind.

    Which kind the reason *supports* is settled once the winner is known: a direction
    verb, say, supports the key result or the objective, whichever wins.
    """

    key: str
    params: tuple[tuple[str, str | tuple[int, int]], ...]
    key_result: float = 0.0
    initiative: float = 0.0
    objective: float = 0.0


_new_fired = tuple.__new__


def _fired(
    key: str,
    param: tuple[str, str | tuple[int, int]] | None = None,
    key_result: float = 0.0,
    initiative: float = 0.0,
    objective: float = 0.0,
) -> Fired:
    """A verdict with the message ``key``, its placeholder as a ``(name, value)`` pair (every
    message has at most one) and the weights it adds to each kind. The value is the user's
    words as a ``(start, end)`` span of the line, quoted only when the reasons are read."""
    params = (param,) if param is not None else ()
    return _new_fired(Fired, (key, params, key_result, initiative, objective))


# --- the rules, in the order their reasons are listed ----------------------------------


def action_verb(e: Evidence) -> Fired | None:
    """An action verb (write, hire, 舉辦) marks work the team fully controls: an initiative."""
    if e.verb is None or e.verb_kind != lx.ACTION:
        return None
    verb = ("verb", (e.verb.start, e.verb.end))
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
        thing = ("thing", (product.start, product.end))
        return _fired("classify.launches_product", thing, objective=3.0, initiative=0.5)
    return _fired("classify.launch_verb", ("verb", (e.verb.start, e.verb.end)), initiative=2.5)


def aspiration_verb(e: Evidence) -> Fired | None:
    """Become, help, make X Y, 成為, 讓: a picture of where to get to."""
    if e.verb is None or e.verb_kind != lx.ASPIRATION:
        return None
    if e.quality_word is not None:  # "Build a culture of ownership"
        word = ("word", (e.quality_word.start, e.quality_word.end))
        return _fired("classify.aims_at_quality", word, objective=3.5)
    return _fired("classify.aspiration_verb", ("verb", (e.verb.start, e.verb.end)), objective=2.5)


def direction_verb(e: Evidence) -> Fired | None:
    """Raise, reduce, 提升: a direction; a target makes it a key result, none an objective."""
    if e.verb is None or e.verb_kind != lx.DIRECTION:
        return None
    verb = ("verb", (e.verb.start, e.verb.end))
    return _fired("classify.direction_verb", verb, key_result=1.0, objective=1.0)


def outcome_verb(e: Evidence) -> Fired | None:
    """Reach, maintain, 達到: a result to reach, a key result when there is a target."""
    if e.verb is None or e.verb_kind != lx.OUTCOME:
        return None
    verb = ("verb", (e.verb.start, e.verb.end))
    if e.targets or (e.seen & lx.BINARY and yes_no_result(e) is not None):
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
    weight = 3.0
    if e.result_verb is not None:  # "Launch the app and reach 50k downloads": a result
        opening = e.result_verb.start
        start, end = next(span for span in e.targets if span[1] > opening)
    elif e.verb_leads and e.verb_kind in (lx.ACTION, lx.LAUNCH) and e.verb is not None:
        # "Collect 95% of invoices" measures how much of the work succeeds: an outcome.
        share_of_work = e.text[e.verb.end : start].isspace() and e.text[start:end].endswith("%")
        weight = 3.5 if share_of_work else 1.5
    is_change = any(change.start == start for change in e.changes)
    value = ("value", (start, end))
    return _fired(
        "classify.has_change" if is_change else "classify.has_target", value, key_result=weight
    )


def result_clause(e: Evidence) -> Fired | None:
    """A second clause that opens with an outcome verb and a target ("Launch the Android
    app and reach 50k downloads", "上線 App 並達到 1 萬下載"): the work first says how,
    the result is what counts."""
    if e.result_verb is None:
        return None
    verb = ("verb", (e.result_verb.start, e.result_verb.end))
    return _fired("classify.result_clause", verb, key_result=2.0)


def yes_no_result(e: Evidence) -> Fired | None:
    """A result that is reached or not (break-even, ISO 27001 認證): measurable as yes/no."""
    hit = e.first_of(lx.BINARY) if e.seen & lx.BINARY and not e.targets else None
    if hit is None:
        return None
    if hit.categories & lx.METRIC and (
        e.verb_kind == lx.DIRECTION or _alone(e, hit) or _qualified(e, hit)
    ):
        return None  # "Profitability" alone is too vague; "Improve profitability" a direction;
        # "Reach sustainable profitability" a quality of it, an aim
    return _fired("classify.yes_no_result", ("thing", (hit.start, hit.end)), key_result=2.5)


def _alone(e: Evidence, hit: Hit) -> bool:
    """Whether ``hit`` is all the line says: no verb, number or deadline, nothing else."""
    return (
        e.verb is None
        and not e.quantities
        and not e.deadlines
        and hit.start == e.lead
        and not e.text[hit.end :].strip(" .!")
    )


def _qualified(e: Evidence, hit: Hit) -> bool:
    """Whether an inspiring word right before ``hit`` describes it ("sustainable
    profitability", "lasting profitability"): a quality to aim at, not a state reached."""
    for before in e.hits:
        if before.end >= hit.start:
            return False
        if before.categories & lx.INSPIRING and e.text[before.end : hit.start] == " ":
            return True
    return False


def all_or_nothing(e: Evidence) -> Fired | None:
    """ "Zero churned customers", "No PRs merged", "所有發票準時付款": a yes/no outcome."""
    if e.state is None:
        return None
    return _fired("classify.all_or_nothing", ("state", e.state), key_result=2.5)


def names_output(e: Evidence) -> Fired | None:
    """A count of things the team makes or does (10 blog posts, 2 場說明會): an output."""
    if not e.outputs:
        return None
    # Before a result clause ("Run 4 webinars and get 200 signups") the outputs say how.
    weight = 3.0 if e.result_verb is None else 1.0
    return _fired("classify.names_output", ("output", e.outputs[0]), initiative=weight)


def names_input(e: Evidence) -> Fired | None:
    """Raising the team's own budget or headcount ("Increase ad budget to $80k/month",
    "客服人力從 10 人增加到 15 人") is a decision it controls, not a result: an initiative."""
    if not e.inputs:
        return None
    if e.verb is not None and e.verb.word in lx.SPEND_VERBS:  # "Spend $50k on LinkedIn ads"
        return _fired("classify.spends_input", ("input", e.inputs[0]), initiative=3.5)
    return _fired("classify.names_input", ("input", e.inputs[0]), initiative=3.5)


def changes_own_work(e: Evidence) -> Fired | None:
    """Shortening a form or improving the emails changes the team's own work, not a result."""
    if e.verb_kind != lx.DIRECTION or e.seen & lx.METRIC or e.targets:
        return None
    thing = _own_work_changed(e)
    if thing is None:
        return None
    return _fired("classify.changes_own_work", ("thing", (thing.start, thing.end)), initiative=2.5)


def _own_work_changed(e: Evidence) -> Hit | None:
    """The thing the team makes that a direction verb changes ("Shorten the form",
    "縮短表單"), unless the word right after it names what changes about it: then the
    line aims at a quality ("提高系統穩定性": the system's stability)."""
    thing = e.after_verb(lx.OUTPUT_NOUN)
    if thing is None:
        return None
    for hit in e.hits:
        if hit.start >= thing.end:
            if hit.start - thing.end <= 1 and hit.categories & _QUALITY_OF_A_THING:
                return None
            break
    return thing


_QUALITY_OF_A_THING = lx.QUALITATIVE | lx.INSPIRING | lx.METRIC


def names_metric(e: Evidence) -> Fired | None:
    """A metric (conversion, churn, 留存率) leans towards a measurable result."""
    hit = e.first_of(lx.METRIC)
    if hit is not None and hit is e.verb:  # "Spend $50k on ads": the verb, not a metric
        hit = next((h for h in e.hits if h.start >= hit.end and h.categories & lx.METRIC), None)
    if hit is None:
        return None
    return _fired("classify.names_metric", ("metric", (hit.start, hit.end)), key_result=0.75)


def state_reached(e: Evidence) -> Fired | None:
    """English "X done" with no verb first: a state reached ("All critical parts
    dual-sourced", "Trial fully enrolled"), or, when the verb is one of the team's own
    actions, its work done ("Onboarding emails rewritten and scheduled", "Code of conduct
    drafted and sent"): an initiative."""
    if e.state is not None or e.targets:
        return None
    participle = participle_after_subject(e)
    if participle is None:
        return None
    start, end, word = participle
    if lx.CATEGORIES.get(word, 0) & lx.ACTION and word not in lx.EN_DONE_BY_OTHERS:
        return _fired("classify.work_done", ("word", (start, end)), initiative=2.0)
    return _fired("classify.state_reached", ("word", (start, end)), key_result=1.0)


def counts_things(e: Evidence) -> Fired | None:
    """A bare count of things with no verb ("2,000 paying teams by Q4", "500 clinics using
    us weekly"): a number to reach, though the lexicon does not know what is counted, so
    it weighs less than a known target."""
    if e.targets or e.outputs or not e.quantities:
        return None
    counted = counted_things(e)
    if counted is None:
        return None
    return _fired("classify.counts_things", ("value", counted), key_result=2.0)


def recurring_activity(e: Evidence) -> Fired | None:
    """A regular event with no verb ("Weekly pipeline review with every AE", "每月一次的會員
    日活動"): something the team holds, an initiative."""
    if e.verb is not None or e.targets or e.state is not None:
        return None
    often = e.first_of(lx.FREQUENCY)
    if often is None or e.text[often.end : often.end + 1] == "_":
        return None  # "monthly_churn": part of a formula's name, not a regular event
    for hit in e.hits:
        if hit.start >= often.end and hit.categories & (lx.OUTPUT_NOUN | lx.ACTION):
            return _fired(
                "classify.recurring_activity", ("thing", (often.start, hit.end)), initiative=2.0
            )
    return None


def no_target(e: Evidence) -> Fired | None:
    """A direction with nothing to measure it by is an objective."""
    if e.verb is None or e.verb_kind not in (lx.DIRECTION, lx.ASPIRATION, lx.OUTCOME):
        return None
    if e.targets or e.outputs or e.inputs or e.state is not None:
        return None
    if e.seen & lx.BINARY and yes_no_result(e) is not None:
        return None
    if e.verb_kind == lx.DIRECTION and not e.seen & lx.METRIC and _own_work_changed(e):
        return None  # "Shorten the form" changes own work (see changes_own_work)
    return _fired("classify.no_target", objective=2.0)


def inspiring_words(e: Evidence) -> Fired | None:
    """Best, #1, go-to, 首選, 最: the language of an objective."""
    hit = e.first_of(lx.INSPIRING) if e.seen & lx.INSPIRING else None
    if hit is None or e.quality_word is not None:
        return None
    return _fired("classify.inspiring_words", ("word", (hit.start, hit.end)), objective=1.5)


def qualitative_aim(e: Evidence) -> Fired | None:
    """Culture, trust, experience, 市場: something qualitative, with no number."""
    if e.quality_word is not None or e.targets or e.outputs:
        return None
    hit = e.first_of(lx.QUALITATIVE) if e.seen & lx.QUALITATIVE else None
    if hit is None or (e.display[hit.start].isupper() and in_a_name(e, hit)):
        return None  # "Attend the World Retail Congress": a name, not an aim
    return _fired("classify.qualitative_aim", ("word", (hit.start, hit.end)), objective=1.0)


def deadline(e: Evidence) -> Fired | None:
    """A deadline is neutral: objectives, key results and initiatives all have them."""
    if not e.deadlines:
        return None
    first = e.deadlines[0]
    return _fired("classify.has_deadline", ("deadline", (first.start, first.end)))
