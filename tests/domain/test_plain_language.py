"""The plain-language rule for the person's page: a hard text flagged, short texts spared."""

from __future__ import annotations

from sip_desk.domain.plain_language import Ease, reading
from sip_desk.domain.readability import sentence_spans

OFFICIAL = (
    "Jag vill gå i skolan. Den enskilde har behov av samordnade insatser från socialtjänsten och "
    "hälso- och sjukvården, vilket innebär att huvudmännen gemensamt ansvarar för att upprätta en "
    "individuell plan som tydliggör ansvarsfördelningen mellan verksamheterna."
)
PLAIN = (
    "Jag vill gå i skolan. Jag får hjälp av flera. Socialtjänsten och vården gör en plan med mig. "
    "Planen visar vem som gör vad."
)


def test_an_official_text_is_hard_and_its_longest_sentence_is_found() -> None:
    found = reading(OFFICIAL)
    start, end = found.longest

    assert found.ease is Ease.VERY_HARD and found.lix == 58 and found.hard
    assert found.long_sentences and found.long_words
    assert OFFICIAL[start:end].startswith("Den enskilde har behov")
    assert OFFICIAL[start:end].endswith("verksamheterna.")


def test_the_same_said_plainly_is_very_easy() -> None:
    found = reading(PLAIN)

    assert found.ease is Ease.VERY_EASY and found.lix == 10 and not found.hard


def test_a_goal_of_a_few_plain_words_is_not_measured_even_with_long_names() -> None:
    goal = "Jag vill ha hjälp av Socialtjänsten, Arbetsförmedlingen och Försäkringskassan."

    assert reading(goal).ease is Ease.UNMEASURED  # 9 words, LIX 42
    assert reading("Börja på arbetsträning till våren").ease is Ease.UNMEASURED
    assert reading("Myndighetsövergripande samordningsinsatser").ease is Ease.UNMEASURED
    assert reading("").ease is Ease.UNMEASURED


def test_a_few_words_of_officialese_are_flagged() -> None:
    text = (
        "Handläggningsansvarig myndighetsutövare tillhandahåller verksamhetsövergripande "
        "samordningsinsatser enligt gällande överenskommelse."
    )
    found = reading(text)

    assert found.words == 8 and found.lix == 96
    assert found.ease is Ease.VERY_HARD and found.hard and found.long_words


def test_lix_is_named_on_the_usual_scale() -> None:
    """Björnsson: under 25 very easy, 25–30 easy, 31–40 medium, 41–50 hard, above 50 very hard."""

    def text(long_words: int, sentences: int) -> str:
        """20 words in ``sentences`` sentences; each long word adds 5 to LIX."""
        plain = ["ord"] * 20
        for at in range(long_words):
            plain[at] = "långaordet"
        step = 20 // sentences
        return " ".join(w + ("." if (i + 1) % step == 0 else "") for i, w in enumerate(plain))

    assert reading(text(3, 5)).lix == 19 and reading(text(3, 5)).ease is Ease.VERY_EASY
    assert reading(text(4, 4)).lix == 25 and reading(text(4, 4)).ease is Ease.EASY
    assert reading(text(5, 4)).lix == 30 and reading(text(5, 4)).ease is Ease.EASY
    assert reading(text(4, 2)).lix == 30 and reading(text(4, 2)).ease is Ease.EASY
    assert reading(text(6, 2)).lix == 40 and reading(text(6, 2)).ease is Ease.MEDIUM
    assert reading(text(4, 1)).lix == 40 and reading(text(4, 1)).ease is Ease.MEDIUM
    assert reading(text(6, 1)).lix == 50 and reading(text(6, 1)).ease is Ease.HARD
    assert reading(text(7, 1)).lix == 55 and reading(text(7, 1)).ease is Ease.VERY_HARD


def test_a_short_text_of_short_sentences_is_not_flagged_for_a_few_long_names() -> None:
    # 13 words, LIX 50 from three names alone; no sentence over 15 words
    text = (
        "Jag träffar Beroendemottagningen varje tisdag. Socialsekreteraren ringer mig. "
        "Arbetsförmedlingen hjälper mig med praktikplats."
    )
    found = reading(text)

    assert found.lix == 50 and found.ease is Ease.SHORT and not found.hard


def test_a_short_text_in_official_words_is_flagged_for_its_long_words() -> None:
    action = (
        "Samordning av insatser avseende boendestöd, sysselsättning och psykiatrisk "
        "öppenvårdsbehandling enligt överenskommelse."
    )
    found = reading(action)

    assert found.words < 30 and found.lix > 50
    assert found.hard and found.long_words and not found.long_sentences


def test_a_short_text_with_one_long_sentence_is_flagged_for_it() -> None:
    text = (
        "Om jag inte svarar i telefonen under en hel dag ska kontaktpersonen omedelbart kontakta "
        "mamma och socialjouren."
    )
    found = reading(text)

    assert found.words < 30 and found.lix > 40
    assert found.hard and found.long_sentences


def test_sentences_are_found_where_a_reader_sees_them() -> None:
    text = "  Hej! Kommer du?\n\nJa, i morgon.\nTack"

    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Hej!",
        "Kommer du?",
        "Ja, i morgon.",
        "Tack",
    ]
