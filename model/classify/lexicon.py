"""The words the classifier recognises and what each signals, and the scan that finds them.

The words themselves are plain lists in :mod:`model.classify.words_en` and
:mod:`model.classify.words_zh`, so extending the classifier is usually adding a word
there. Chinese is written once, in Traditional characters; the Simplified spelling of
every entry is derived here at import (:mod:`model.hanzi`). English verbs are
listed in their base form; their ``-s``/``-ed``/``-ing`` forms are derived here. English
words are found by their first run of letters and digits (a dictionary lookup, then the
longest entry that fits: "conversion rate" before "conversion"); Chinese by a small
pattern per first character.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from model.classify.units import EN_CUE_WORDS
from model.classify.words_en import (
    EN_ABSTRACT,
    EN_ACTION,
    EN_ASPIRATION,
    EN_BINARY,
    EN_DIRECTION,
    EN_DONE_BY_OTHERS_BASES,
    EN_FREQUENCY,
    EN_INPUT,
    EN_INSPIRING,
    EN_IRREGULAR,
    EN_LAUNCH,
    EN_METRIC,
    EN_MONEY_OBJECT_VERBS,
    EN_OUTCOME,
    EN_OUTCOME_NOUN,
    EN_OUTPUT_NOUN,
    EN_PRODUCT,
    EN_QUALITATIVE,
    EN_RESULT_VERBS,
    EN_SPEND_VERBS,
    EN_STATE,
    word_list,
)
from model.classify.words_zh import (
    ZH_ABSTRACT,
    ZH_ACTION,
    ZH_ASPIRATION,
    ZH_BINARY,
    ZH_DIRECTION,
    ZH_FREQUENCY,
    ZH_INPUT,
    ZH_INSPIRING,
    ZH_LAUNCH,
    ZH_METRIC,
    ZH_OUTCOME,
    ZH_OUTCOME_NOUN,
    ZH_OUTPUT_NOUN,
    ZH_PLAIN,
    ZH_PROCESSES,
    ZH_PRODUCT,
    ZH_QUALITATIVE,
    ZH_RESULT_VERBS,
    ZH_SPEND_VERBS,
    ZH_STATE,
)
from model.hanzi import in_both_scripts, to_simplified

# Categories are bit flags: one word can signal more than one thing ("leads" is a noun
# counting an outcome and a form of the verb "lead").
ACTION = 1
"""A verb for work the team does itself (write, hire, 舉辦): the mark of an initiative."""
DIRECTION = 2
"""A verb that moves something up or down (raise, reduce, 提升): objective or key result."""
ASPIRATION = 4
"""A verb describing where to get to (become, help, 成為, 讓): the mark of an objective."""
OUTCOME = 8
"""A verb naming a result reached (reach, maintain, 達到): key result when a target follows."""
LAUNCH = 16
"""A verb for bringing something out (launch, 推出): a task, or a goal when the thing is big."""
METRIC = 32
"""A measured quantity (conversion rate, churn, 留存率)."""
OUTCOME_NOUN = 64
"""Things a team wins but does not make (customers, leads, 訂單): counting them is a result."""
OUTPUT_NOUN = 128
"""Things a team makes or does (blog posts, webinars, 說明會): counting them is an output."""
INSPIRING = 256
"""Aspirational wording (best, #1, go-to, 首選, 最)."""
QUALITATIVE = 512
"""Qualities and abstract aims (culture, trust, reliable, 文化, 穩定)."""
STATE = 1024
"""Words stating an all-or-nothing outcome at the start (zero, no, all, 零, 所有)."""
FREQUENCY = 2048
"""How often (weekly, a month, 每週)."""
PRODUCT = 4096
"""A whole product or business, whose launch is a goal in itself (product, app, 新產品)."""
BINARY = 8192
"""A result that is reached or not (break-even, SOC 2 certification, 認證): measurable as yes/no."""
ABSTRACT = 16384
"""An abstract aim (culture, trust, 文化): building one is an objective, not a task."""
CUE = 32768
"""An English word where a deadline or a number may start ("by", "in", "q3", "three", "half")."""
INPUT = 65536
"""What the team puts in and decides itself (budget, headcount, 預算, 人力): raising it is
an initiative, not a result."""

VERB = ACTION | DIRECTION | ASPIRATION | OUTCOME | LAUNCH
NOUN = METRIC | OUTCOME_NOUN | OUTPUT_NOUN | INPUT


# Verbs of finishing a piece of work: with no target, what they finish is an initiative
# ("完成新官網上線", "Finish the migration").
FINISH_VERBS = frozenset(word_list("complete, finish, wrap up, 完成, 做完, 完成了"))


def _irregular_forms(base: str) -> list[str]:
    """The irregular past forms of ``base``, prefixed ones included ("rewrite": "rewrote",
    "rewritten"; "rebuild": "rebuilt")."""
    if base in EN_IRREGULAR:
        return EN_IRREGULAR[base].split()
    for prefix in ("re", "co", "pre", "over", "out", "under", "up"):
        if base.startswith(prefix) and base[len(prefix) :] in EN_IRREGULAR:
            return [prefix + form for form in EN_IRREGULAR[base[len(prefix) :]].split()]
    return []


def _verb_forms(base: str) -> set[str]:
    """``base`` with its third-person, past and -ing forms (good enough for matching)."""
    if " " in base:
        first, rest = base.split(" ", 1)
        return {f"{form} {rest}" for form in _verb_forms(first)}
    forms = {base, *_irregular_forms(base)}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    short_cvc = (
        len(base) >= 3
        and base[-1] in "bdgmnprt"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
        and base not in ("open", "visit", "develop", "edit", "audit", "pilot", "target")
    )
    if short_cvc:
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


class Hit(NamedTuple):
    """One lexicon word found in a line: where, which word, and what it signals."""

    start: int
    end: int
    word: str
    categories: int


def _build_table() -> dict[str, int]:
    table: dict[str, int] = {}

    def add(words: list[str], category: int) -> None:
        for word in words:
            table[word] = table.get(word, 0) | category

    for verbs, category in (
        (EN_ACTION, ACTION),
        (EN_DIRECTION, DIRECTION),
        (EN_ASPIRATION, ASPIRATION),
        (EN_OUTCOME, OUTCOME),
        (EN_LAUNCH, LAUNCH),
    ):
        add([form for verb in verbs for form in _verb_forms(verb)], category)
    for words, category in (
        (EN_METRIC, METRIC),
        (EN_OUTCOME_NOUN, OUTCOME_NOUN),
        (EN_OUTPUT_NOUN, OUTPUT_NOUN),
        (EN_INPUT, INPUT),
        (EN_INSPIRING, INSPIRING),
        (EN_QUALITATIVE, QUALITATIVE),
        (EN_STATE, STATE),
        (EN_FREQUENCY, FREQUENCY),
        (EN_PRODUCT, PRODUCT),
        (EN_BINARY, BINARY),
        (EN_ABSTRACT, ABSTRACT | QUALITATIVE),
        (sorted(EN_CUE_WORDS - {"the", "at"}), CUE),
    ):
        add(words, category)
    for words, category in (
        (ZH_ACTION, ACTION),
        (ZH_DIRECTION, DIRECTION),
        (ZH_ASPIRATION, ASPIRATION),
        (ZH_OUTCOME, OUTCOME),
        (ZH_LAUNCH, LAUNCH),
        (ZH_METRIC, METRIC),
        (ZH_OUTCOME_NOUN, OUTCOME_NOUN),
        (ZH_OUTPUT_NOUN, OUTPUT_NOUN),
        (ZH_INPUT, INPUT),
        (ZH_INSPIRING, INSPIRING),
        (ZH_QUALITATIVE, QUALITATIVE),
        (ZH_STATE, STATE),
        (ZH_FREQUENCY, FREQUENCY),
        (ZH_PRODUCT, PRODUCT),
        (ZH_BINARY, BINARY),
        (ZH_ABSTRACT, ABSTRACT | QUALITATIVE),
        (ZH_PLAIN, 0),
    ):
        add(words, category)
        add([to_simplified(word) for word in words], category)
    return table


def trie_pattern(words: list[str] | set[str]) -> str:
    """A regular expression matching any of ``words``, longest first, as a character trie.

    A flat ``a|ab|abc`` alternation retries every word at every position; a trie
    shares prefixes, so the engine rejects most positions on their first character.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) > 1 else f"(?:{body})") + "?"
        return body

    return emit(trie)


EN_IRREGULAR_PARTICIPLES = frozenset(
    form
    for verb in (*EN_ACTION, *EN_DIRECTION, *EN_OUTCOME)
    if " " not in verb
    for form in _irregular_forms(verb)
    if not form.endswith("ed")
)
"""Irregular past forms of the verbs the classifier knows ("sent", "written", "built")."""

EN_DONE_BY_OTHERS = frozenset(
    form for verb in EN_DONE_BY_OTHERS_BASES for form in _verb_forms(verb) if form != verb
)
"""Past forms of actions others do ("booked", "enrolled", "issued"): see words_en."""

EN_BASE_VERBS = frozenset([*EN_ACTION, *EN_DIRECTION, *EN_ASPIRATION, *EN_OUTCOME, *EN_LAUNCH])
"""English verbs in their base form: the only form an English line can start with as an order."""

CATEGORIES: dict[str, int] = _build_table()
"""Every known word (lower case) and its category flags."""

RESULT_VERBS = frozenset(
    (
        *(form for verb in EN_RESULT_VERBS for form in _verb_forms(verb)),
        *in_both_scripts(ZH_RESULT_VERBS),
    )
)
"""Outcome verbs that open a result clause after the work ("... and reach 50k downloads",
"...並達到 1 萬下載"), in every form and script (see :mod:`model.classify.roles`)."""

SPEND_VERBS = frozenset(
    (
        *(form for verb in EN_SPEND_VERBS for form in _verb_forms(verb)),
        *EN_MONEY_OBJECT_VERBS,
        *in_both_scripts(ZH_SPEND_VERBS),
    )
)
"""Verbs that spend the team's own money ("Spend $50k on ads", "投入 5 萬在廣告", and
"Pour $50k into ads": :data:`MONEY_OBJECT_VERBS`): the amount is an input (see roles)."""
MONEY_OBJECT_VERBS = frozenset(EN_MONEY_OBJECT_VERBS)
"""Verbs that spend only with money right after them ("Put $20k into ads"; verbs.py)."""
PROCESSES = frozenset(in_both_scripts(ZH_PROCESSES))
"""Chinese processes whose length is measured ("審核流程從 5 天縮短到 2 天"; verbs, roles)."""

_EN_TOKEN = re.compile("[a-z0-9]+|#")
"""Where an English word may start: a run of letters and digits (a word never starts
inside one), or "#" ("#1")."""
_EN_WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_english: dict[str, tuple[tuple[str, ...], bool]] = {}
"""Every English word, grouped by its first run of letters and digits ("conversion" for
"conversion rate"): the longer words starting with that run, longest first, and whether
the run is a word itself. Built on first use, off ``import model.classify``."""


def _english_words() -> dict[str, tuple[tuple[str, ...], bool]]:
    groups: dict[str, list[str]] = {}
    for word in CATEGORIES:
        if word.isascii():
            groups.setdefault(_EN_TOKEN.match(word)[0], []).append(word)  # type: ignore[index]
    for first, words in groups.items():
        longer = tuple(sorted((w for w in words if w != first), key=len, reverse=True))
        _english[first] = (longer, first in words)
    return _english


class _ChinesePatterns(dict[str, "re.Pattern[str] | None"]):
    """For each Chinese character, a small pattern matching the longest word that starts
    with it (``None`` if none does), compiled the first time the character is seen. One
    match per candidate position replaces trying every word length by slicing."""

    def __missing__(self, char: str) -> re.Pattern[str] | None:
        words = _CHINESE_WORDS.get(char)
        pattern = re.compile(trie_pattern(words)) if words else None
        self[char] = pattern
        return pattern


_CHINESE_WORDS: dict[str, list[str]] = {}
for _word in CATEGORIES:
    if not _word.isascii():
        assert not _word[0].isascii(), (
            f"a Chinese entry must start with a Chinese character: {_word}"
        )
        _CHINESE_WORDS.setdefault(_word[0], []).append(_word)
_CHINESE_PATTERNS = _ChinesePatterns()
_LATIN = re.compile("[#0-9a-z]")
"""Where English words may start (``#1`` included)."""


_new_hit = tuple.__new__  # builds a Hit without NamedTuple's slower keyword-aware __new__


def scan(text: str) -> list[Hit]:
    """Every lexicon word in ``text`` (already lower case), left to right, longest first."""
    return scan_line(text)[0]


Cue = tuple[int, str]
"""An English cue word found in a line: (where it starts, the word)."""


def scan_line(text: str) -> tuple[list[Hit], int, list[Cue]]:
    """:func:`scan`, with what the classifier needs from the same pass: every category
    seen in the line (one set of flags) and the English cue words (:data:`CUE`) with their
    positions, where deadlines and number words may start."""
    table = CATEGORIES
    hits: list[Hit] = []
    cues: list[Cue] = []
    seen = 0
    ascii_only = text.isascii()
    # In a Chinese line the English words, if any, start at its first Latin letter or digit.
    latin = 0 if ascii_only else _LATIN.search(text)
    if latin is not None:
        # A word starts where a run of letters and digits does; the longest word that
        # starts with that run and ends at a word boundary is the one found there. (As
        # fast per line as one pattern of every word, and ten times cheaper to set up on
        # the first keystroke than compiling it.)
        english = _english or _english_words()
        covered = 0
        size = len(text)
        letters_digits = _EN_WORD_CHARACTERS
        for token in _EN_TOKEN.finditer(text, latin and latin.start()):
            start = token.start()
            if start < covered:
                continue
            run = token[0]
            words = english.get(run)
            if words is None or (start and text[start - 1] in letters_digits):
                continue  # unknown, or "#" inside a word ("c#1")
            longer, itself = words
            if longer and not text.startswith(longer, start):
                longer = ()  # none of them starts here: one call instead of one per word
            for word in longer:
                end = start + len(word)
                if text.startswith(word, start) and (
                    end == size or text[end] not in letters_digits
                ):
                    break
            else:
                if not itself:
                    continue
                word, end = run, token.end()  # a whole run ends where a word may end
            categories = table[word]
            hits.append(_new_hit(Hit, (start, end, word, categories)))
            seen |= categories
            if categories & CUE:
                cues.append((start, word))
            covered = end
    if ascii_only:
        return hits, seen, cues
    english = hits
    hits = []
    patterns = _CHINESE_PATTERNS
    covered = 0
    # A loop over the characters beats one regular expression for all Chinese words here
    # (Chinese lines are short; an alternation of a thousand first characters is slow).
    for start, char in enumerate(text):
        if start < covered:
            continue
        pattern = patterns[char]
        if pattern is None:
            continue
        match = pattern.match(text, start)
        if match is not None:
            word = match[0]
            categories = table[word]
            covered = start + len(word)
            hits.append(_new_hit(Hit, (start, covered, word, categories)))
            seen |= categories
    if english:
        hits = sorted(english + hits) if hits else english
    return hits, seen, cues
