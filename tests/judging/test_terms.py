"""Tests for configured terms: weights, errors naming the key, and phrase-aware matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from promptbot.errors import ConfigError
from promptbot.judging.terms import Term, TermMatcher, parse_term


def counts(terms: list[str], text: str) -> dict[str, int]:
    matcher = TermMatcher([parse_term(t, "method", "[scoring].positive_terms") for t in terms])
    return {matcher.terms[i].text: n for i, n in matcher.count(text).items()}


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("prompt tuning^3", Term("prompt tuning", "method", 3.0)),
        ("CLIP", Term("CLIP", "method", 1.0)),
        ("  visual prompt* ^2.5", Term("visual prompt*", "method", 2.5)),
    ],
)
def test_terms_read_their_weight(spec: str, expected: Term) -> None:
    assert parse_term(spec, "method", "k") == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("prompt^high", 'k[2]: bad weight "high" in "prompt^high"'),
        ("prompt^0", 'k[2]: the weight in "prompt^0" must be positive'),
        ("prompt^-1", "must be positive"),
        ("^2", 'k[2]: empty term in "^2"'),
        ("--", "empty term"),
    ],
)
def test_bad_terms_name_the_key(spec: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_term(spec, "method", "k[2]")
    assert message in str(error.value)


def test_the_longest_phrase_wins_and_is_not_counted_twice() -> None:
    text = "We study prompt tuning; unlike prompts, prompt tuning learns."
    assert counts(["prompt*", "prompt tuning"], text) == {"prompt tuning": 2, "prompt*": 1}


@pytest.mark.parametrize(
    "text",
    ["prompt-tuning", "Prompt Tuning", "prompt  tuning", "prompt\ntuning", "PROMPT-TUNING"],
)
def test_words_join_by_spaces_or_hyphens_in_any_case(text: str) -> None:
    assert counts(["prompt tuning"], f"A {text} method.") == {"prompt tuning": 1}


def test_punctuation_breaks_a_phrase() -> None:
    assert counts(["prompt tuning"], "a prompt, tuning the rest") == {}
    assert counts(["prompt tuning"], "a prompt. Tuning the rest") == {}


def test_the_last_word_may_be_plural_and_wildcards_take_any_ending() -> None:
    text = "adapters, vision-language models, prompting and prompted"
    found = counts(["adapter", "vision-language model", "prompt*"], text)
    assert found == {"adapter": 1, "vision-language model": 1, "prompt*": 2}


def test_words_match_whole() -> None:
    assert counts(["adapter", "tuning"], "readapters and retuning") == {}


def test_capitals_match_case_sensitively_also_at_the_end_of_camel_case_names() -> None:
    text = "CLIP and CLIPs; MadCLIP, MFP-CLIP; a video clip; ECLIPSE; Clipper"
    assert counts(["CLIP"], text) == {"CLIP": 4}


def test_an_acronym_is_not_found_inside_a_longer_one() -> None:
    assert counts(["LLM"], "MLLMs and LLMs") == {"LLM": 1}
    assert counts(["SAM", "MLLM"], "SAMPLE, SAM2, MLLMs") == {"MLLM": 1}


def test_longer_terms_of_another_case_still_win() -> None:
    text = "large vision-language models and vision-language models"
    found = counts(["vision-language model", "large vision-language model"], text)
    assert found == {"large vision-language model": 1, "vision-language model": 1}


def test_terms_with_digits_and_no_terms_at_all() -> None:
    assert counts(["GPT-4o"], "We prompt GPT-4o and GPT 4o.") == {"GPT-4o": 2}
    assert TermMatcher([]).count("anything") == {}
    assert counts(["prompt"], "") == {}


words = st.sampled_from(["prompt", "tuning", "visual", "CLIP", "the", "a", "-", ",", "models"])


@given(st.lists(words, max_size=40))
def test_matches_never_overlap(tokens: list[str]) -> None:
    text = " ".join(tokens)
    found = counts(["prompt tuning", "prompt*", "visual prompt*", "tuning"], text)
    words_used = sum(n * (2 if " " in t else 1) for t, n in found.items())
    assert words_used <= sum(t in ("prompt", "tuning") for t in tokens) + found.get(
        "visual prompt*", 0)


@given(st.lists(words, max_size=20), st.lists(words, max_size=20))
def test_a_phrase_between_any_words_is_found(before: list[str], after: list[str]) -> None:
    text = " ".join([*before, ".", "Soft Prompts", ".", *after])
    assert counts(["soft prompt"], text) == {"soft prompt": 1}


def test_whole_word_groups_stay_whole_and_give_way_at_equal_length() -> None:
    terms = [Term("visual prompt*", "method", 2.0), Term("Visual-Prompting", "name", 2.0),
             Term("CoOp", "name", 2.0), Term("CLIP-Adapter", "name", 2.0),
             Term("adapter", "method", 2.0)]
    matcher = TermMatcher(terms, whole_word_groups=("name",))
    found = {matcher.terms[i].text: n for i, n in matcher.count(
        "Visual Prompting beats CoOp, KgCoOp and CLIP-Adapter adapters").items()}
    assert found == {"visual prompt*": 1, "CoOp": 1, "CLIP-Adapter": 1, "adapter": 1}



def test_several_texts_are_counted_apart_and_no_phrase_spans_two() -> None:
    matcher = TermMatcher([parse_term("prompt tuning", "method", "k"),
                           parse_term("CLIP", "model", "k")])
    title, abstract = matcher.count_each(["CLIP prompt", "tuning CLIP\x00 prompt tuning"])
    assert title == {1: 1}
    assert abstract == {1: 1, 0: 1}
    assert matcher.count_each([]) == []
    assert matcher.count_each(["", ""]) == [{}, {}]
