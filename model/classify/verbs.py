"""The main verb of a line, and how the words after it change what it reads as.

English lines are orders ("Write 10 posts") or statements ("Churn falls below 2%"): the
main verb is the known verb the wording starts with, or a later direction or outcome
verb. Chinese puts the verb anywhere ("本季將轉換率提升到 3%"), so the first verb that is
not part of a time clause, a noun or a metric's name is the one. :func:`find_verb`
records it on the :class:`~model.classify.evidence.Evidence`, then adjusts its kind by
what follows ("Make a video" is an action, "Build a culture" an aim).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from model.classify import lexicon as lx
from model.classify.lexicon import Hit
from model.classify.nouns import CLAUSE_BREAK
from model.classify.roles import describes_quality
from model.classify.units import BOUND_COMPARATORS, MEASURE_UNITS
from model.classify.words_en import (
    EN_DETERMINERS,
    EN_NOUN_VERBS,
    EN_OBJECT_STARTERS,
    word_list,
)
from model.hanzi import both_scripts, in_both_scripts

if TYPE_CHECKING:
    from model.classify.evidence import Evidence

_MEASURED_NEXT = frozenset("從从由:,;。")
_PREPOSITIONS = frozenset("和與与跟在為为對对給给替向把將将針针於于")
_NEXT_WORD = re.compile(r"\s*([a-z0-9$#][\w'/$.-]*|\S)")
_SPECIAL_VERBS = frozenset(("make", "made", "making", "enable", *lx.FINISH_VERBS))
_TO_INFINITIVE = re.compile(r"\bto\s+[a-z]")
_FIRST_WORD = re.compile(r"[a-z]{3,}(?![\w'-])")
_TIME_CLAUSE_ENDS = tuple(in_both_scripts(lx.word_list("後, 前, 時, 之後, 以後, 之前, 以前, 期間")))
"""What turns a Chinese verb into a time clause ("上線後": after the launch)."""
_NOUN_MARKERS = frozenset("的之")
"""What makes the Chinese word after it a noun ("流程的設計", "品質之改善")."""
_TIME_CLAUSE_FIRST = frozenset("後后前時时之以期")
_DETERMINERS_BEFORE = tuple(
    f" {word} " for word in ("the", "a", "an", "our", "their", "its", "your", "my", "this")
)
"""What, right before an English word, makes it a noun or an adjective, not a verb."""
_DETERMINER_ENDINGS = frozenset(word[-4:] for word in _DETERMINERS_BEFORE)
_PERIOD_ENDS_BEFORE = tuple(
    f"{period}{join}end " for period in ("month", "quarter", "year") for join in "- "
)
"""What, right before an English word, makes it a noun: a process at a period's end ("the
month-end close", "year-end review")."""
_PERIOD_END = frozenset(("-end ", " end "))
_AUXILIARIES = frozenset(("have", "has", "had", "having"))
_ZH_ALL = ("所有", "全部", "全數", "全体", "全體")
"""Chinese for "all (the)": after an unknown verb it starts the verb's object."""
_YEAR = re.compile(r"(?:19|20)\d\d")


def find_verb(evidence: Evidence) -> None:
    """Set ``evidence.verb`` and its kind, whether it leads the wording and whether it is
    a guess (an unknown English word in an order's place), then adjust the kind by what
    follows the verb."""
    text, lead = evidence.text, evidence.lead
    quantities = evidence.quantities
    if quantities and quantities[0].unit == "currency" and _spends_money(evidence):
        return  # "Pour $50k into ads": money as the object of a spending verb
    hits = evidence.hits
    verbs = lx.VERB
    if not evidence.seen & verbs:
        _guess_instruction(evidence)
        return
    later_english = lx.DIRECTION | lx.OUTCOME
    for index, hit in enumerate(hits):
        categories = hit[3] & verbs
        if not categories or text[hit[1] : hit[1] + 1] == "-":
            continue  # not a verb, or part of a compound ("trial-to-paid", "sign-up")
        word = hit[2]
        if word.isascii():
            if hit[0] == lead:
                if word not in lx.EN_BASE_VERBS:
                    continue  # "Training ROI", "Shipping cost": a noun, not an order
                if word in EN_NOUN_VERBS and _reads_as_noun(evidence, hit):
                    continue  # "Email click-to-open rate", "Support tickets halved"
            elif not categories & later_english:
                continue  # a later English action word is usually a noun ("training")
            elif text[hit[0] - 4 : hit[0]] in _DETERMINER_ENDINGS and text.endswith(
                _DETERMINERS_BEFORE, 0, hit[0]
            ):
                continue  # "with our top 20 accounts": after "our" or "the", not a verb
            elif word in _AUXILIARIES:
                continue  # "has reached", "have a plan": mid-line, "have" is not the verb
            elif text[hit[0] - 5 : hit[0]] in _PERIOD_END and text.endswith(
                _PERIOD_ENDS_BEFORE, 0, hit[0]
            ):
                continue  # "Month-end close in 5 days": the close is a noun, the process
        elif text[hit[1] : hit[1] + 1] in _TIME_CLAUSE_FIRST and text.startswith(
            _TIME_CLAUSE_ENDS, hit[1]
        ):
            continue  # "上線後", "導入前": a time clause ("after launch"), not the main verb
        elif hit[0] > lead and text[hit[0] - 1] in _NOUN_MARKERS:
            continue  # "流程的設計": after 的 or 之 the word is a noun
        elif categories & (lx.ACTION | lx.LAUNCH) and _names_metric_next(evidence, index):
            continue  # "招聘率", "部署頻率", "審核流程從 5 天": an action word inside a name
        elif categories & lx.LAUNCH and _launch_sets_a_time(evidence, index):
            continue  # "新品上市首月銷售額破 500 萬": when the sales are counted
        if categories & lx.OUTCOME and evidence.quantities and _in_a_ceiling(evidence, hit):
            continue  # "not to exceed $700", "不超過 NT$700": a ceiling, not a result to reach
        evidence.verb = hit
        evidence.verb_leads = hit.start == lead or (
            not hit.word.isascii()
            and (text[lead : lead + 1] in _PREPOSITIONS or object_first(text, lead))
            and bool(categories & (lx.ACTION | lx.LAUNCH))
        )  # "和兩家業者合作", "在 40 間公寓裝設門鎖", "將所有合約掃描存檔": the verb
        # follows its setting or its object
        evidence.verb_kind = _MAIN_CATEGORY[categories]
        break
    else:
        _guess_instruction(evidence)
    _adjust_verb(evidence)


def _spends_money(evidence: Evidence) -> bool:
    """Whether the line opens with a verb that spends money only when money is its object,
    and an amount of money with no bound follows it at once ("Pour $50k into ads", "Put
    $20k into LinkedIn ads", "Budget $30k for events"; not "Put customers first", "Budget
    under $30k"): it is an action, and the money an input (see roles)."""
    money = evidence.quantities[0]
    lead = evidence.lead
    word = evidence.text[lead : money.start].rstrip()
    if money.comparator or word not in lx.MONEY_OBJECT_VERBS:
        return False
    evidence.verb = Hit(lead, lead + len(word), word, lx.ACTION)
    evidence.verb_kind = lx.ACTION
    evidence.verb_leads = True
    return True


_FIRST_PERIOD = re.compile(
    both_scripts(
        r"\s*(?:(?:首|頭|前|第)\s*(?:[一二兩三四五六七八九十\d]+\s*)?個?\s*(?:日|天|週|周|星期|月|季|年)"
        r"|當\s*(?:日|天|週|周|月|季|年))"
    )
)
"""A period counted from a launch: 首月, 首週, 前三個月, 第一年, 當月."""


def _launch_sets_a_time(evidence: Evidence, index: int) -> bool:
    """Whether a Chinese launch word only sets when a metric is measured: a period counted
    from it follows ("上市首月", "上市 3 個月內", "上線第一週") and then a metric ("新品上市
    首月銷售額破 500 萬", "新品上市 3 个月内销售额破千万": key results, the sales counted)."""
    hit = evidence.hits[index]
    if not evidence.seen & lx.METRIC:
        return False
    end = hit.end
    period = _FIRST_PERIOD.match(evidence.text, end)
    if period is not None:
        end = period.end()
    else:
        for deadline in evidence.deadlines:
            if deadline.start in (end, end + 1):
                end = deadline.end
                break
        else:
            return False
    return any(
        later.start >= end and later.categories & lx.METRIC for later in evidence.hits[index + 1 :]
    )


def _in_a_ceiling(evidence: Evidence, hit: Hit) -> bool:
    """Whether the verb is the negated bound before a number ("not to exceed $700",
    "不超過 NT$700", "不高於 3%"): it keeps the measure under a ceiling. ("控制在 5% 以內"
    is a bound too, but 控制在 does keep the measure somewhere: it stays the verb.)"""
    for quantity in evidence.quantities:
        if quantity.start <= hit.start and hit.end <= quantity.number_start:
            negation = evidence.text[quantity.start : hit.start]
            return quantity.comparator in _CEILINGS and any(n in negation for n in _NEGATIONS)
    return False


_CEILINGS = frozenset(("<", "<="))
_NEGATIONS = ("不", "未", "not", "never")


def _guess_instruction(evidence: Evidence) -> None:
    """An unknown English first word followed by "the", "a" or "our" is almost always an
    instruction ("Revamp the pricing page"); "Phase 2 trial" is not. So is an unknown
    two-character Chinese word followed by "all" ("校對所有合約", "汰舊全部機台")."""
    text, lead = evidence.text, evidence.lead
    if not text[lead : lead + 1].isascii():
        first = text[lead : lead + 2]
        if (
            text.startswith(_ZH_ALL, lead + 2)
            and len(first) == 2
            and all("\u4e00" <= char <= "\u9fff" for char in first)
            and not any(hit.start < lead + 2 and hit.end > lead for hit in evidence.hits)
        ):
            evidence.verb = Hit(lead, lead + 2, first, lx.ACTION)
            evidence.verb_kind = lx.ACTION
            evidence.verb_leads = True
            evidence.verb_guessed = True
        return
    match = _FIRST_WORD.match(text, lead)
    if match is None or match[0] in lx.CATEGORIES or match[0] in EN_OBJECT_STARTERS:
        return
    if any(hit.start == lead for hit in evidence.hits):
        return
    following = _next_word(text, match.end())
    if following in EN_OBJECT_STARTERS or _counts_things(evidence, following, match.end()):
        evidence.verb = Hit(lead, match.end(), match[0], lx.ACTION)
        evidence.verb_kind = lx.ACTION
        evidence.verb_leads = True
        evidence.verb_guessed = True


def _counts_things(evidence: Evidence, following: str, position: int) -> bool:
    """Whether, after an unknown first word, a plain count of things follows: "Refit 5
    flagship stores" (a verb and its object), not "Phase 2 trial" (a name) nor "Tier 1
    customers renew at 95%" (a subject, measured)."""
    if not following.isdigit():
        return False
    if any(q.unit in MEASURE_UNITS or q.comparator for q in evidence.quantities):
        return False
    words = text_words = evidence.text[position:].split()[1:3]
    return any(
        len(word) > 3 and word.endswith("s") and not word.endswith("ss") for word in text_words
    ) and bool(words)


def _names_metric_next(evidence: Evidence, index: int) -> bool:
    """Whether the action word starts a metric's name that is then measured: "招聘率達到",
    "部署頻率從...", "錄取報到率達九成", but not "發送滿意度問卷" (a survey) or
    "推出用量計價方案" (a plan). A process right after it, whose length a later duration
    measures, is named by it too ("審核流程從 5 天縮短到 2 天": the approval process; not
    "優化審核流程", "審核流程從 5 步簡化到 3 步")."""
    text, hits = evidence.text, evidence.hits
    following = hits[index + 1] if index + 1 < len(hits) else None
    if following is None:
        return False
    gap = text[hits[index].end : following.start]
    if len(gap) > 2 or not all("\u4e00" <= char <= "\u9fff" for char in gap):
        return False  # "錄取報到率": the metric's name may run on through a word or two
    if not following.categories & lx.METRIC and (
        following.word not in lx.PROCESSES
        or not any(q.unit == "duration" and q.start >= following.end for q in evidence.quantities)
    ):
        return False
    after = text[following.end : following.end + 1]
    if not after or after in _MEASURED_NEXT or after.isdigit() or after.isspace():
        return True
    then = hits[index + 2] if index + 2 < len(hits) else None
    return (
        then is not None
        and then.start == following.end
        and bool(then.categories & (lx.DIRECTION | lx.OUTCOME))
    )


def _main_category(categories: int) -> int:
    for category in (lx.ACTION, lx.LAUNCH, lx.OUTCOME, lx.DIRECTION, lx.ASPIRATION):
        if categories & category:
            return category
    return 0


_MAIN_CATEGORY = tuple(_main_category(categories) for categories in range(lx.VERB + 1))
"""The main category of every combination of verb flags, worked out once."""
_AIMS = lx.ABSTRACT | lx.INSPIRING
"""Words that turn an action verb into an aim ("Build a culture", "Create the best...")."""


def _next_word(text: str, position: int) -> str:
    match = _NEXT_WORD.match(text, position)
    return match[1] if match else ""


def _reads_as_noun(evidence: Evidence, hit: Hit) -> bool:
    """Whether a verb-or-noun word at the start ("email", "test") is the noun here."""
    following = _next_word(evidence.text, hit.end)
    if not following or following in EN_DETERMINERS or following[0] in "0123456789$":
        return False
    measured = any(
        q.unit in MEASURE_UNITS or q.comparator in BOUND_COMPARATORS or q.value == 0
        for q in evidence.quantities
    )
    later_verb = any(
        h.start > hit.start and h.categories & (lx.DIRECTION | lx.OUTCOME) for h in evidence.hits
    )
    return measured or later_verb or bool(evidence.changes) or evidence.seen & lx.METRIC


def _adjust_verb(evidence: Evidence) -> None:
    """Readings that depend on what follows the verb."""
    verb, kind = evidence.verb, evidence.verb_kind
    if verb is None:
        return
    if verb.word in _SPECIAL_VERBS:
        _adjust_special_verb(evidence, verb, kind)
    if (
        evidence.verb_kind == lx.ACTION
        and evidence.seen & _AIMS  # (most lines: no aim to look for after the verb)
        and all(describes_quality(evidence, quantity) for quantity in evidence.quantities)
    ):
        aim = evidence.after_verb(_AIMS)
        if aim is None or _only_modifies_a_thing(evidence, aim) or in_a_name(evidence, aim):
            return
        same_clause = _same_clause(evidence.text, verb.end, aim.start)
        if same_clause and not _object_is_concrete(evidence, verb):
            evidence.verb_kind = lx.ASPIRATION  # "Build a culture of ownership"
            evidence.quality_word = _with_quality(evidence, verb, aim)


def _with_quality(evidence: Evidence, verb: Hit, aim: Hit) -> Hit:
    """The words to quote for an aim: an inspiring word with the quality it describes,
    next to it ("100-year brand", "experiences people talk about"), else the word."""
    if aim.categories & lx.QUALITATIVE:
        return aim
    for hit in evidence.hits:
        if hit.start >= verb.end and hit.categories & lx.QUALITATIVE and hit is not aim:
            start, end = min(hit.start, aim.start), max(hit.end, aim.end)
            gap = hit.start - aim.end if hit.start > aim.start else aim.start - hit.end
            if 0 <= gap <= 2:
                return Hit(start, end, evidence.text[start:end], aim.categories | hit.categories)
    return aim


def in_a_name(evidence: Evidence, aim: Hit) -> bool:
    """Whether an English aim word is part of a capitalised name, beside another capitalised
    word that is neither a small word nor an aim ("Attend the World Retail Congress",
    "Sponsor Mobile World Congress"): an event or a body, not an aim ("Prepare students for
    a world shaped by AI" aims at the world; "Build A Culture Of Ownership" is a title), unless
    the line is typed in Title Case (see :func:`_in_title_case`)."""
    display, start, end = evidence.display, aim.start, aim.end
    if start <= evidence.lead or not display[start].isupper() or display[end - 1].isupper():
        return False  # not capitalised, or in a line typed in capitals
    if display[end : end + 1] == " " and _names_with(display, end + 1, display.find(" ", end + 1)):
        named = True  # "World Cup"
    else:
        before = display.rfind(" ", evidence.lead, start - 1) + 1
        named = before > 0 and _names_with(display, before, start - 1)  # "Mobile World"
    return named and not _in_title_case(evidence, aim)


def _in_title_case(evidence: Evidence, aim: Hit) -> bool:
    """Whether a line is typed in Title Case, so that its capitals say nothing about names:
    most words after the first are capitalised, and so is, outside the run of capitalised
    words around the aim, a small word or an everyday word the lexicon knows ("Prepare
    Students For A World Shaped By AI", "Prepare Students for a World Shaped by AI"; not
    "Attend the World Retail Congress", "Attend The World Retail Congress", whose "The"
    starts the name, nor "Sponsor Mobile World Congress in Barcelona", nor a run ending in
    a word that ends names of events and bodies, "Sponsor World Congress In Barcelona").
    Asked only when an aim word reads as part of a name."""
    display = evidence.display
    words = display[evidence.lead :].split()[1:]
    capitalised = [word for word in words if word[:1].isupper()]
    if len(capitalised) * 2 <= len(words):
        return False
    run_start = display.rfind(" ", evidence.lead, aim.start) + 1
    run_end = aim.end
    while True:  # the capitalised words that are neither small words nor aims, around the aim
        before = display.rfind(" ", evidence.lead, run_start - 1) + 1
        if not before or not _names_with(display, before, run_start - 1):
            break
        run_start = before
    while display[run_end : run_end + 1] == " ":
        after = display.find(" ", run_end + 1)
        if not _names_with(display, run_end + 1, after):
            break
        run_end = after if after >= 0 else len(display)
    if display[run_start:run_end].rsplit(" ", 1)[-1].lower() in _NAME_HEADS:
        return False  # "Sponsor World Congress In Barcelona": a name, whatever the capitals
    before_run = display[evidence.lead : max(run_start - 1, evidence.lead)].split()[1:]
    if before_run and before_run[-1].lower() in _SMALL_WORDS:
        before_run.pop()  # "Attend The World Retail Congress": "The" starts the name
    outside = before_run + display[run_end:].split()
    return any(
        word[:1].isupper() and ((lower := word.lower()) in _SMALL_WORDS or lower in lx.CATEGORIES)
        for word in outside
    )


_SMALL_WORDS = EN_DETERMINERS | {"of", "by", "at", "as", "or"}
_NAME_HEADS = frozenset(
    word_list("""
congress, summit, conference, cup, awards, award, expo, forum, festival, alliance,
association, council, fair, games, championship, championships, olympics, institute,
foundation, society, league, federation, symposium, convention, hackathon, prize
""")
)
"""Words that end the names of events and bodies ("World Congress", "Trust Alliance")."""


def _names_with(display: str, start: int, end: int) -> bool:
    """Whether the word of ``display`` from ``start`` to ``end`` (-1: the line's end) is a
    capitalised word that may be part of a name: not a small word, not an aim."""
    word = display[start:end] if end >= 0 else display[start:]
    if not word[:1].isupper():
        return False
    lower = word.lower()
    return lower not in _SMALL_WORDS and not lx.CATEGORIES.get(lower, 0) & _AIMS_OR_QUALITIES


_AIMS_OR_QUALITIES = lx.ABSTRACT | lx.INSPIRING | lx.QUALITATIVE


def _only_modifies_a_thing(evidence: Evidence, aim: Hit) -> bool:
    """Whether a Chinese quality word only describes the thing after 的: "更強的 CTA" is
    a CTA; "更好的就醫體驗" is still an experience (a quality)."""
    if not evidence.text.startswith("的", aim.end):
        return False
    for hit in evidence.hits:
        if hit.start > aim.end:
            return not hit.categories & lx.QUALITATIVE
    return True


def _same_clause(text: str, start: int, end: int) -> bool:
    """Whether nothing between ``start`` and ``end`` ends a clause. A comma followed by an
    English word continues a list of qualities ("a lean, safe warehouse"); in Chinese
    ("畫出漏斗,找出...") it starts a new clause."""
    for match in CLAUSE_BREAK.finditer(text, start, end):
        if match[0] != "," or not text[match.end() : match.end() + 2].strip()[:1].isascii():
            return False
    return True


def _object_is_concrete(evidence: Evidence, verb: Hit) -> bool:
    """Whether what an action verb acts on is a thing the team makes or a metric, judged by
    the head of the words after it: "a customer experience dashboard" is a dashboard, but
    "a predictable sales engine" is an engine (a quality), and "a culture" is a culture."""
    last_concrete = last_quality = -1
    for hit in evidence.hits:
        if hit.start < verb.end:
            continue
        if hit.categories & (lx.OUTPUT_NOUN | lx.METRIC):
            last_concrete = hit.start
        elif hit.categories & lx.QUALITATIVE:
            last_quality = hit.start
    return last_concrete > last_quality


def _adjust_special_verb(evidence: Evidence, verb: Hit, kind: int) -> None:
    """Verbs whose kind depends on what follows: make, enable, complete/完成."""
    if verb.word in ("make", "made", "making") and kind == lx.ASPIRATION:
        following = _next_word(evidence.text, verb.end)
        if following in ("a", "an") or (following[:1].isdigit() and not _YEAR.fullmatch(following)):
            evidence.verb_kind = lx.ACTION  # "Make a short explainer video", not "Make 2025 ..."
    if verb.word == "enable" and not _TO_INFINITIVE.search(evidence.text, verb.end):
        evidence.verb_kind = lx.ACTION  # "Enable MFA", not "Enable teams to ship daily"
    finished = evidence.after_verb(lx.ACTION | lx.OUTPUT_NOUN | lx.LAUNCH)
    if verb.word in lx.FINISH_VERBS and not evidence.quantities and finished is not None:
        evidence.verb_kind = lx.ACTION  # "完成新官網上線": finishing a piece of work


def object_first(text: str, lead: int) -> bool:
    """Whether the wording starts with the object, after 把 or 將 ("將所有合約掃描存檔":
    the verb comes after what it acts on)."""
    return text[lead - 1 : lead] in ("把", "將", "将") if lead else False
