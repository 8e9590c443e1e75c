"""Strict JSON: what json.loads silently accepts is reported or rejected, with a place."""

from __future__ import annotations

from typing import Any

import pytest

from interop_lab.payloads.json_text import (
    MAX_DEPTH,
    JsonSyntaxError,
    escape_pointer_token,
    object_pointers,
    parse_json,
)


def nested_arrays(depth: int, inner: str = "") -> bytes:
    return ("[" * depth + inner + "]" * depth).encode()


def test_plain_json_parses_without_problems() -> None:
    data, problems = parse_json(b'{"a": [1, {"b": "c"}], "d": null}')

    assert data == {"a": [1, {"b": "c"}], "d": None}
    assert problems == []


def test_duplicate_key_is_reported_with_the_pointer_of_its_object() -> None:
    data, problems = parse_json(b'{"lijst": [{"x": 1}, {"naam": "a", "naam": "b"}]}')

    assert data["lijst"][1] == {"naam": "b"}  # the last value counts, as in json.loads
    assert [problem.pointer for problem in problems] == ["/lijst/1"]
    assert "'naam'" in problems[0].message
    assert "meer dan eens" in problems[0].message


def test_duplicate_key_at_the_root_has_the_empty_pointer() -> None:
    _, problems = parse_json(b'{"a": 1, "a": 2}')

    assert [problem.pointer for problem in problems] == [""]


def test_each_repetition_of_a_key_is_one_problem() -> None:
    _, problems = parse_json(b'{"o": {"k": 1, "k": 2, "k": 3}, "p": {"k": 1, "j": 2}}')

    assert [problem.pointer for problem in problems] == ["/o", "/o"]


def test_duplicate_key_pointer_escapes_slash_and_tilde() -> None:
    _, problems = parse_json(b'{"a/b": {"c~d": {"k": 1, "k": 2}}}')

    assert [problem.pointer for problem in problems] == ["/a~1b/c~0d"]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_constants_are_rejected(constant: str) -> None:
    with pytest.raises(JsonSyntaxError, match=f"{constant} is geen geldige JSON-waarde"):
        parse_json(f'{{"waarde": {constant}}}'.encode())


def test_nesting_up_to_the_maximum_is_accepted() -> None:
    data, _ = parse_json(nested_arrays(MAX_DEPTH, "1"))

    assert isinstance(data, list)


def test_nesting_deeper_than_the_maximum_is_rejected() -> None:
    with pytest.raises(JsonSyntaxError, match=f"dieper genest dan {MAX_DEPTH}"):
        parse_json(nested_arrays(MAX_DEPTH + 1))


def test_nested_objects_count_as_levels_too() -> None:
    body = ('{"a": ' * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1)).encode()

    with pytest.raises(JsonSyntaxError, match="genest"):
        parse_json(body)


def test_hostile_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(JsonSyntaxError, match="genest"):
        parse_json(nested_arrays(200_000))


def test_invalid_utf8_names_the_byte() -> None:
    with pytest.raises(JsonSyntaxError, match="geen geldige UTF-8 op byte 9"):
        parse_json(b'{"naam": \xff}')


def test_byte_order_mark_is_accepted() -> None:
    data, _ = parse_json(b'\xef\xbb\xbf{"a": 1}')

    assert data == {"a": 1}


def test_syntax_error_names_line_and_column() -> None:
    with pytest.raises(JsonSyntaxError, match="ongeldige JSON op regel 3, kolom 1"):
        parse_json(b'{\n  "a": 1,\n}')


def test_empty_body_is_a_syntax_error() -> None:
    with pytest.raises(JsonSyntaxError, match="regel 1, kolom 1"):
        parse_json(b"")


def test_object_pointers_cover_every_object_in_lists_and_objects() -> None:
    inner: dict[str, Any] = {}
    data = {"a": [{"b": {}}, 1, {"c/d": inner}]}

    pointers = object_pointers(data)

    assert sorted(pointers.values()) == ["", "/a/0", "/a/0/b", "/a/2", "/a/2/c~1d"]
    assert pointers[id(inner)] == "/a/2/c~1d"


def test_escape_pointer_token_escapes_tilde_before_slash() -> None:
    assert escape_pointer_token("~/") == "~0~1"


def test_a_number_too_large_for_a_double_is_rejected() -> None:
    with pytest.raises(JsonSyntaxError, match="te groot voor een JSON-getal"):
        parse_json(b'{"n": 1e400}')
