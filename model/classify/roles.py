"""What each number in a line is: a measurable target, an output the team makes, or neither.

A number is a **target** when it has a unit (%, money, ×, stars), a bound ("under",
"以上"), a baseline ("from 9% to 12%"), or counts an outcome the team does not control
(customers, 訂單, "20 家"); an **output** when it counts what the team makes or does
(blog posts, 2 場說明會) or sizes the work after an opening action verb ("Interview 12
customers"); neither for a bare number ("Python 3.12").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from model.classify import lexicon as lx
from model.classify.changes import Change, find_bands
from model.classify.lexicon import Hit
from model.classify.nouns import CLAUSE_BREAK, noun_after, noun_before
from model.classify.own_inputs import HIRING_VERBS, LOWERING, sets_input, spent, team_size
from model.classify.quantities import Quantity
from model.classify.units import BOUND_COMPARATORS, MEASURE_UNITS

if TYPE_CHECKING:
    from model.classify.evidence import Evidence

_OUTPUT_CLASSIFIERS = frozenset("篇封場场支部集則则條条款堂輪轮頁页張张本套台")
_OUTCOME_CLASSIFIERS = frozenset("家筆笔人件")
_PART_CLASSIFIERS = frozenset("步")
"""Classifiers that count the parts of what is named before them: the steps of a flow the
team makes ("結帳流程 3 步") or steps walked ("每日 8000 步")."""
_PART_NOUNS = frozenset(("step", "steps"))
"""The English for :data:`_PART_CLASSIFIERS`: "Signup flow has at most 3 steps"."""


def _counts_parts_of_output(evidence: Evidence, quantity: Quantity) -> bool:
    """Whether a count of parts (步, steps) counts the parts of something the team makes,
    the nearest noun before it in its clause, with a bound or without ("把註冊流程縮短為 3
    步", "註冊流程最多 3 步", "Signup flow has at most 3 steps": the team decides its own
    flow; not "每日平均步數達 8000 步", a metric, nor "每日 8000 步", nothing made)."""
    whole = noun_before(evidence, quantity.start)
    return whole is not None and whole.categories & lx.NOUN == lx.OUTPUT_NOUN


def assign_roles(evidence: Evidence) -> None:
    """Decide, for each number, whether it is a target, an output or neither."""
    leading_action = evidence.verb_leads and evidence.verb_kind in (lx.ACTION, lx.LAUNCH)
    after_outcome_verb = evidence.verb_kind == lx.OUTCOME
    measured_thing = bool(evidence.seen & (lx.METRIC | lx.OUTCOME_NOUN))
    targets: list[tuple[int, int]] = []
    outputs: list[tuple[int, int]] = []
    evidence.targets, evidence.outputs = targets, outputs
    own_input = (
        evidence.seen & lx.INPUT
        and evidence.verb_kind == lx.DIRECTION
        and evidence.verb is not None
        and evidence.verb.word not in LOWERING
    )
    spending = leading_action and evidence.verb.word in lx.SPEND_VERBS  # "Spend $50k on ads"
    result_start, result_verb, hiring = _NO_RESULT_CLAUSE, None, False
    if leading_action and evidence.seen & _RESULT_VERB_KINDS:
        result = _result_clause(evidence)
        if result is not None:
            result_start, result_verb = result
            hiring = evidence.verb.word in HIRING_VERBS  # "Hire 2 engineers and get to 8 people"
    in_change: set[int] = set()
    if len(evidence.quantities) > 1:
        for first, second, band in find_bands(evidence.text, evidence.quantities, leading_action):
            in_change.update((first.start, second.start))  # "between 2% and 3%": one target
            into = [c for c in evidence.changes if c.after is first]
            evidence.changes = [
                c if c.after is not first else c._replace(end=band[1])  # "from 5% to 2-3%"
                for c in evidence.changes
                if c.before is not first
            ]
            if not into:
                targets.append(band)
    for change in evidence.changes:
        sides = [q for q in (change.before, change.after) if q is not None]
        in_change.update(q.start for q in sides)
        if own_input and sets_input(evidence, change.start, sides, change):
            evidence.inputs = [*evidence.inputs, (change.start, change.end)]
        elif _change_is_output(evidence, change, sides):
            outputs.append((change.start, change.end))
        else:
            targets.append((change.start, change.end))
    for quantity in evidence.quantities:
        if quantity.start in in_change or describes_quality(evidence, quantity):
            continue
        if _inside_a_name(evidence.hits, quantity.number_start):
            continue  # "SOC 2", "ISO 27001": part of a name, not an amount
        if own_input and sets_input(evidence, quantity.start, (quantity,), None):
            evidence.inputs = [*evidence.inputs, (quantity.start, quantity.end)]
            continue  # "Increase ad budget to $80k": the team's own input, set
        if spending and quantity.start < result_start and spent(evidence, quantity):
            evidence.inputs = [*evidence.inputs, (quantity.start, quantity.end)]
            continue  # "Spend $50k on LinkedIn ads", "投入 5 萬在廣告": money put in
        noun = noun_after(evidence, quantity.end)
        if (
            noun is not None
            and noun.categories & lx.METRIC
            and _names_window(evidence, quantity, noun)
        ):
            continue  # "30 天留存率", "Day-7 retention", "90-day churn": the metric's window
        if quantity.start >= result_start and _reached(evidence.text, result_verb, quantity):
            people = team_size(evidence.text, quantity) if hiring else 0
            if people:  # "Hire 2 engineers and get to 8 people": the team's own size
                evidence.inputs = [*evidence.inputs, (quantity.start, people)]
                continue
            role = _role(quantity, noun, False, measured_thing, True)  # "... and reach 50k"
        elif (
            quantity.classifier in _PART_CLASSIFIERS if noun is None else noun.word in _PART_NOUNS
        ) and _counts_parts_of_output(evidence, quantity):
            role = "output"  # "註冊流程最多 3 步": the steps of the team's own flow
        else:
            role = _role(quantity, noun, leading_action, measured_thing, after_outcome_verb)
        if role is None and _sizes_the_change(evidence, quantity, noun):
            role = "target"
        if role is None and evidence.verb is None and _measures_metric(evidence, quantity):
            role = "target"  # "NPS 60": the metric's value
        if role is None:
            continue
        end = noun.end if noun is not None and quantity.unit == "count" else quantity.end
        span = (quantity.start if role == "target" else quantity.number_start, end)
        (targets if role == "target" else outputs).append(span)
    if result_verb is not None and any(start >= result_start for start, _ in targets):
        evidence.result_verb = result_verb


_NO_RESULT_CLAUSE = 1 << 30
_RESULT_VERB_KINDS = lx.OUTCOME | lx.ASPIRATION
"""The kinds of the verbs that may open a result clause (:data:`lexicon.RESULT_VERBS`)."""
_JOINS = (" and", ",", "並", "并", "且", "再", " then", " to", "以", "來", "来", "從而", "从而")
"""What ends the work's clause before a result clause: "and", a comma, 並, 並且, 且, 再,
or a purpose: "to", "in order to", 以, 來, 從而 ("Launch the app to reach 50k downloads")."""
_LET = ("讓", "让")
_AWAY_FROM_VERB = re.compile(r"[,;]|(?<![a-z])(?:from|with|for|of|on|at|per|by|via)(?![a-z])")
"""What between a result verb and a number shows the number is not what it reaches ("get
sign-off from 3 VPs")."""


def _reached(text: str, verb: Hit | None, quantity: Quantity) -> bool:
    """Whether a number in a result clause is what its verb reaches: nothing but words
    between them, no preposition or clause mark ("reach a 2% conversion rate", "帶來 3,000
    位付費會員", "讓轉換率達到 2%"; not "get sign-off from 3 VPs")."""
    if verb is None or quantity.start < verb.start:
        return False
    return quantity.start <= verb.end or not _AWAY_FROM_VERB.search(text, verb.end, quantity.start)


def _result_clause(evidence: Evidence) -> tuple[int, Hit] | None:
    """Where a second clause stating a measured result starts, and its outcome verb: the
    verb right after "and", a comma, 並, 並且, 且 or 再 ("Launch the Android app and reach
    50k downloads", "上線 App 並達到 1 萬下載"), or after 讓 and what it acts on
    ("上線新官網並讓轉換率達到 2%"). Only the words of :data:`lexicon.RESULT_VERBS` open
    one: "and publish them", "並完成 3 場發表會" are more of the work."""
    text = evidence.text
    verb = evidence.verb
    assert verb is not None
    for hit in evidence.hits:
        if hit.start <= verb.end or hit.word not in lx.RESULT_VERBS:
            continue
        opening = hit.start
        if not text.isascii():
            window = text[max(verb.end, opening - 12) : opening]
            let = max(window.rfind(_LET[0]), window.rfind(_LET[1]))
            if let >= 0 and not CLAUSE_BREAK.search(window, let):
                opening -= len(window) - let  # "並讓轉換率達到 2%": the clause starts at 讓
        if text[verb.end : opening].rstrip().endswith(_JOINS):
            return opening, hit
    return None


_WINDOW_GAPS = frozenset(("日", "-day", "day", "days", "-week", "week", "-month", "month"))
"""What may stand between a number and a metric's name when the number sets the metric's
time window ("30 天留存率", "30 日回購率", "90-day churn", "7 days retention")."""
_WINDOW_BEFORE = ("day-", "day ", "week-", "week ", "month-", "month ")
"""What before a number makes it a metric's day ("Day-7 retention", "day 30 retention")."""


def _names_window(evidence: Evidence, quantity: Quantity, noun: Hit) -> bool:
    """Whether a number right before a metric's name is part of that name: the time window
    it is measured over ("新客 30 天留存率", "首 7 天啟用率", "30 日回購率", "Day-7
    retention", "90-day churn"), not its target. A bound or "to"/"達" before the number
    makes it a value again ("縮短到 2 天交期"), and the metric must be measured by a later
    number ("達 40%", "under 5%"): alone, "4 days turnaround" is a duration reached."""
    if quantity.comparator or quantity.value % 1 or quantity.unit not in ("duration", "count"):
        return False
    if not any(
        later.start >= noun.end and (later.unit in MEASURE_UNITS or later.comparator)
        for later in evidence.quantities
    ):
        return False
    gap = evidence.text[quantity.end : noun.start].strip()
    if quantity.unit == "duration":
        return gap in ("", "-")
    if quantity.classifier:
        return False
    if gap.partition(" ")[0] in _WINDOW_GAPS:
        return True  # "30-day repeat purchase rate": the window, then the metric's name
    return not gap and evidence.text.endswith(_WINDOW_BEFORE, 0, quantity.number_start)


def _inside_a_name(hits: list[Hit], position: int) -> bool:
    """Whether ``position`` is inside a known word that starts before it ("soc 2")."""
    for hit in hits:
        if hit.start >= position:
            return False
        if hit.end > position:
            return True
    return False


def describes_quality(evidence: Evidence, quantity: Quantity) -> bool:
    """Whether a number only describes an abstract aim that follows: "a zero-harm safety
    culture", "零缺陷的品質文化" aim at a culture; they do not set a target of zero."""
    text, end = evidence.text, quantity.end
    if text.startswith("-", end) and text[end + 1 : end + 2].isalpha():
        if evidence.seen & lx.INSPIRING and any(
            hit.start == quantity.number_start and hit.categories & lx.INSPIRING
            for hit in evidence.hits
        ):
            return True  # "a 100-year brand": the number is part of an inspiring word
        # "zero-harm", "5-star": the number is part of an adjective
    elif not ("的" in text[end : end + 6] and not CLAUSE_BREAK.search(text, end, end + 6)):
        return False
    for hit in evidence.hits:
        if hit.start >= end:
            if hit.start - end > 24 or CLAUSE_BREAK.search(text, end, hit.start):
                return False
            if hit.categories & lx.ABSTRACT:
                return True
    return False


def _change_is_output(evidence: Evidence, change: Change, sides: list[Quantity]) -> bool:
    if any(q.unit in MEASURE_UNITS or q.value % 1 for q in sides):
        return False  # a unit, or a fraction ("from 2.1 to 2.6 items"): an average, measured
    if any(q.classifier in _OUTPUT_CLASSIFIERS for q in sides):
        return True
    for quantity in sides:
        noun = noun_after(evidence, quantity.end)
        if noun is not None:
            return bool(noun.categories & lx.OUTPUT_NOUN)
    noun = noun_before(evidence, change.start)
    if noun is None or noun.categories & lx.NOUN != lx.OUTPUT_NOUN:
        return False
    # "審核流程從 5 天縮短到 2 天": how long a process takes is measured, not made
    return not (noun.word in lx.PROCESSES and any(q.unit == "duration" for q in sides))


def _sizes_the_change(evidence: Evidence, quantity: Quantity, noun: Hit | None) -> bool:
    """Whether a number says by how much a direction verb moves the measure: "住院天數減少
    1 天", "Cut handling time by 2 minutes" (a duration, or a bare number, right after the
    verb or "by")."""
    verb = evidence.verb
    if verb is None or evidence.verb_kind != lx.DIRECTION or quantity.start < verb.end:
        return False
    between = evidence.text[verb.end : quantity.start].strip()
    if between and not between.endswith(" by") and between != "by":
        return False
    if evidence.after_verb(lx.OUTPUT_NOUN) is not None:
        return False  # "Reduce onboarding steps by 3": the team's own work, changed
    return quantity.unit == "duration" or (noun is None and not quantity.classifier)


def _measures_metric(evidence: Evidence, quantity: Quantity) -> bool:
    """Whether a bare number right after a metric's name, with nothing after it but the
    end of the line or a clause mark, is its value ("NPS 60", "eNPS: 40")."""
    if quantity.classifier or quantity.comparator:
        return False
    rest = evidence.text[quantity.end : quantity.end + 2].strip()
    if rest and rest[0] not in ",;。;(":
        return False
    noun = noun_before(evidence, quantity.start)
    return (
        noun is not None
        and bool(noun.categories & lx.METRIC)
        and evidence.text[noun.end : quantity.start].strip() in ("", ":", "=")
    )


def _role(
    quantity: Quantity,
    noun: Hit | None,
    leading_action: bool,
    measured_thing: bool,
    after_outcome_verb: bool,
) -> str | None:
    noun_categories = noun.categories if noun is not None else 0
    if quantity.spelled and not measured_thing:
        return None  # "Double our impact": doubled, but nothing measurable named
    if quantity.unit in MEASURE_UNITS or quantity.value == 0 or quantity.value % 1:
        return "target"  # a unit, zero, or a fraction ("2.5 items per order"): measured
    if quantity.comparator in BOUND_COMPARATORS:
        return "target"
    if quantity.comparator == "=" and not leading_action and not noun_categories & lx.OUTPUT_NOUN:
        return "target"  # "grows to 3 minutes", "達到 50k"
    if quantity.classifier in _OUTPUT_CLASSIFIERS or noun_categories & lx.OUTPUT_NOUN:
        return "output"
    if leading_action and (noun is not None or quantity.classifier):
        return "output"  # "Interview 12 recent customers": the count sizes the work
    if quantity.classifier in _OUTCOME_CLASSIFIERS or noun_categories & (
        lx.OUTCOME_NOUN | lx.METRIC
    ):
        return "target"
    if after_outcome_verb and quantity.unit == "count":
        return "target"  # "Sell 40,000 copies", "至少拿下 8 個標案": a result to reach
    return None


_COUNTED = re.compile(r"[ \t]+((?:[a-z][a-z-]*[ \t]+){0,2}?[a-z][a-z-]*[a-hj-rtv-z]s)(?![a-z])")
"""Up to three words after a number, the last a plural ("2,000 paying teams", "500 clinics")."""
_NOT_IN_A_COUNT = re.compile(
    r"(?<![a-z])(?:for|of|to|in|on|with|by|from|at|per|a|an|the|and|or|vs|than)(?![a-z])"
)


def counted_things(evidence: Evidence) -> tuple[int, int] | None:
    """A bare count of things opening a line with no verb ("2,000 paying teams by Q4", "500
    clinics using us weekly"): a number of things to reach, measurable though the lexicon
    does not know the noun. ``None`` when the line has a verb, a target or an output, or
    the number is not a whole count followed by a plural."""
    if evidence.verb is not None or evidence.targets or evidence.outputs:
        return None
    for quantity in evidence.quantities:
        if quantity.start != evidence.lead:
            continue
        if (
            quantity.unit != "count"
            or quantity.comparator
            or quantity.classifier
            or quantity.value % 1
            or quantity.value < 2
        ):
            return None
        if (
            1900 <= quantity.value <= 2100
            and "," not in evidence.text[quantity.start : quantity.end]
        ):
            return None  # "2027 ...": a year
        words = _COUNTED.match(evidence.text, quantity.end)
        if words is None or _NOT_IN_A_COUNT.search(words[1]):
            return None
        end = words.end()
        if any(
            quantity.end <= hit.start < end and hit.categories & lx.VERB for hit in evidence.hits
        ):
            return None  # "2027 become clinics": a verb, not a noun phrase
        return quantity.start, end
    return None
