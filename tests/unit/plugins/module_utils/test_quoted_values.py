"""Values quoted in messages: every character visible, length capped, deep nesting survived."""

from ansible_collections.cleanrooms.ml.plugins.module_utils.quoted_values import QUOTE_LIMIT, quoted


def test_a_short_value_is_shown_whole_with_its_newline_visible():
    assert quoted("arn:aws:x\n") == "'arn:aws:x\\n'"


def test_a_look_alike_letter_shows_as_its_escape():
    assert quoted("p\u0430ss") == "'p\\u0430ss'"


def test_a_long_string_is_cut_at_the_limit_and_names_its_length():
    text = quoted("x" * 50_000_000)
    assert text.endswith("...(50000000 characters)")
    assert len(text) < QUOTE_LIMIT + 40


def test_a_long_non_string_is_cut_too():
    text = quoted(list(range(10_000)))
    assert text.startswith("[0, 1, 2")
    assert len(text) < QUOTE_LIMIT + 40


def test_a_value_nested_beyond_the_recursion_limit_is_named_not_raised():
    nested = []
    for _depth in range(100_000):
        nested = [nested]
    assert quoted(nested) == "<list nested too deeply to show>"
