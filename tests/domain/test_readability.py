"""LIX readability: words per sentence plus the share of long words (more than six letters)."""

from __future__ import annotations

import pytest

from sip_desk.domain.readability import lix, sentence_count, words


def test_lix_counts_words_per_sentence_and_long_words() -> None:
    # 7 words, 2 sentences, 1 long word ("viktigt"): 7/2 + 100 * 1/7
    assert lix("Det här är viktigt. Jag vill bo.") == pytest.approx(3.5 + 100 / 7)


def test_a_hard_official_sentence_scores_far_higher_than_an_easy_one() -> None:
    official = (
        "Samordnad individuell plan upprättas när den enskilde har behov av insatser "
        "från både socialtjänsten och hälso- och sjukvården."
    )
    easy = "Det här är din plan. Den visar vem som gör vad för dig."

    assert lix(official) > 50
    assert lix(easy) < 25


def test_words_and_sentences_are_counted_like_a_reader_would() -> None:
    assert words("BVC-sjuksköterskan ringer 010-174 06 10.") == ["BVC-sjuksköterskan", "ringer"]
    assert sentence_count("Hej! Kommer du? Ja: i morgon.\nTack") == 5
    assert lix("") == 0.0 and lix("2027-02-28") == 0.0
