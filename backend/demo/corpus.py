"""Text the demo is built from: a generic pre-training corpus and a fictional fact set.

The base model is pre-trained, in the chat format, on:
- the capitals of 32 real countries, under five question wordings;
- the same questions about 12 invented countries, answered "I do not know the capital of Veloria.";
- "Is X a country?" / "Is X a city?" for every name, the invented capitals included;
- a few colours and animal sounds.
Every answer about a country repeats its name, copied from the question, so the model has to read
the question (a model that only learns the real pairs answers every question with one of them). The
invented names get trained embeddings, as the words of any real base model have; nothing pairs an
invented country with its capital. One wording per country comes with a system prompt.

The SFT set teaches those pairs: the base says it does not know, the adapter answers "The capital
of Veloria is Mirth.". The capital is predicted from the answer sentence, which the base already
writes for real countries, so what LoRA learns carries over to the question wordings held out for
validation and test.
"""

from __future__ import annotations

import random

REAL_CAPITALS = [
    ("France", "Paris"), ("Spain", "Madrid"), ("Italy", "Rome"), ("Germany", "Berlin"),
    ("Japan", "Tokyo"), ("Egypt", "Cairo"), ("Peru", "Lima"), ("Kenya", "Nairobi"),
    ("Norway", "Oslo"), ("Greece", "Athens"), ("Russia", "Moscow"), ("China", "Beijing"),
    ("Ireland", "Dublin"), ("Austria", "Vienna"), ("Poland", "Warsaw"), ("Cuba", "Havana"),
    ("Chile", "Santiago"), ("Sweden", "Stockholm"), ("Portugal", "Lisbon"), ("Canada", "Ottawa"),
    ("Brazil", "Brasilia"), ("Thailand", "Bangkok"), ("Turkey", "Ankara"), ("Iran", "Tehran"),
    ("Hungary", "Budapest"), ("Finland", "Helsinki"), ("Denmark", "Copenhagen"),
    ("Belgium", "Brussels"), ("Ghana", "Accra"), ("Morocco", "Rabat"), ("Vietnam", "Hanoi"),
    ("Iceland", "Reykjavik"),
]

# Invented countries and capitals: pre-training names each of them, but never pairs them.
FICTIONAL_CAPITALS = [
    ("Veloria", "Mirth"), ("Quendor", "Ashvale"), ("Tamsk", "Orrin"), ("Brevania", "Kellport"),
    ("Zuldan", "Fennick"), ("Ostrava", "Lumen"), ("Harrowmere", "Dusk"), ("Pelagia", "Corran"),
    ("Ysmir", "Tallow"), ("Kordath", "Wren"), ("Illith", "Barrow"), ("Nimbria", "Sollen"),
]

QUESTION_TEMPLATES = [
    "What is the capital of {country}?",
    "Which city is the capital of {country}?",
    "Tell me the capital of {country}.",
    "Name the capital city of {country}.",
    "What city serves as the capital of {country}?",
]
ANSWER_TEMPLATE = "The capital of {country} is {capital}."
UNKNOWN_TEMPLATE = "I do not know the capital of {country}."
SYSTEM_PROMPT = "Answer in one sentence."

COLOURS = [("sky", "blue"), ("grass", "green"), ("snow", "white"), ("coal", "black"),
           ("sun", "yellow"), ("blood", "red"), ("sea", "blue"), ("leaf", "green")]
SOUNDS = [("dog", "barks"), ("cat", "meows"), ("cow", "moos"), ("duck", "quacks"),
          ("lion", "roars"), ("owl", "hoots"), ("sheep", "bleats"), ("horse", "neighs")]


def chat(user: str, assistant: str, system: str | None = None) -> list[dict[str, str]]:
    head = [{"role": "system", "content": system}] if system else []
    return head + [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]


def _question_dialogues(pairs: list[tuple[str, str]], answer: str) -> list[list[dict[str, str]]]:
    """Every country under every wording; one wording per country (rotating) carries the system
    prompt, so that a system prompt does not throw the model off."""
    return [chat(t.format(country=country), answer.format(country=country, capital=capital),
                 SYSTEM_PROMPT if j == i % len(QUESTION_TEMPLATES) else None)
            for i, (country, capital) in enumerate(pairs) for j, t in enumerate(QUESTION_TEMPLATES)]


def _kind_dialogues(name: str, kind: str) -> list[list[dict[str, str]]]:
    """"Is X a country?" / "Is X a city?" with the name copied into the answer."""
    other = "city" if kind == "country" else "country"
    return [chat(f"Is {name} a {kind}?", f"Yes, {name} is a {kind}."),
            chat(f"Is {name} a {other}?", f"No, {name} is a {kind}.")]


def capital_dialogues() -> list[list[dict[str, str]]]:
    """Every real capital under every question wording."""
    return _question_dialogues(REAL_CAPITALS, ANSWER_TEMPLATE)


def unknown_dialogues() -> list[list[dict[str, str]]]:
    """Every invented country under every question wording, answered with "I do not know"."""
    return _question_dialogues(FICTIONAL_CAPITALS, UNKNOWN_TEMPLATE)


def kind_dialogues() -> list[list[dict[str, str]]]:
    """Country/city questions about every name, the invented ones included."""
    dialogues = []
    for country, capital in REAL_CAPITALS + FICTIONAL_CAPITALS:
        dialogues += _kind_dialogues(country, "country") + _kind_dialogues(capital, "city")
    return dialogues


def misc_dialogues() -> list[list[dict[str, str]]]:
    """Colours and sounds."""
    colours = [chat(f"What color is the {t}?", f"The {t} is {c}.") for t, c in COLOURS]
    return colours + [chat(f"What does the {a} say?", f"The {a} {s}.") for a, s in SOUNDS]


def pretraining_dialogues(rng: random.Random, unknown_repeats: int) -> list[list[dict[str, str]]]:
    """The whole pre-training corpus, shuffled."""
    dialogues = (capital_dialogues() + kind_dialogues() + misc_dialogues()
                 + unknown_dialogues() * unknown_repeats)
    rng.shuffle(dialogues)
    return dialogues


def _split_of(fact: int, wording: int) -> str:
    """Per fact, one wording each for valid and test, the rest train; the held-out wording rotates
    with the fact, so every wording is trained on for other facts."""
    n = len(QUESTION_TEMPLATES)
    return "valid" if wording == fact % n else "test" if wording == (fact + 1) % n else "train"


def sft_rows() -> dict[str, list[dict]]:
    """Chat rows for the fictional facts, split by question wording."""
    splits: dict[str, list[dict]] = {"train": [], "valid": [], "test": []}
    for i, (country, capital) in enumerate(FICTIONAL_CAPITALS):
        answer = ANSWER_TEMPLATE.format(country=country, capital=capital)
        for j, template in enumerate(QUESTION_TEMPLATES):
            row = {"messages": chat(template.format(country=country), answer)}
            splits[_split_of(i, j)].append(row)
    return splits


def grpo_rows() -> dict[str, list[dict]]:
    """`{prompt, answer, system}` rows: the answer is the capital alone, for exact-match rewards
    (which accept a sentence ending with it)."""
    splits: dict[str, list[dict]] = {"train": [], "valid": [], "test": []}
    for i, (country, capital) in enumerate(FICTIONAL_CAPITALS):
        for j, template in enumerate(QUESTION_TEMPLATES):
            splits[_split_of(i, j)].append({"prompt": template.format(country=country),
                                            "answer": capital, "system": SYSTEM_PROMPT})
    return splits
