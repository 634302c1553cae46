"""GB 11643 identity numbers, mainland mobile numbers and the masks of personal data."""

from __future__ import annotations

import pytest

from core.personal import (
    gb11643_check_digit,
    id_birth_date,
    is_valid_id_number,
    is_valid_mobile,
    mask_id_number,
    mask_name,
    mask_phone,
)


def test_check_digit_of_the_standard_example_is_x() -> None:
    # The worked example of GB 11643-1999: 11010519491231002X.
    assert gb11643_check_digit("11010519491231002") == "X"


@pytest.mark.parametrize(
    ("first17", "check"),
    [("37081119900403049", "1"), ("37081120091211572", "8"), ("44052418800101001", "4")],
)
def test_check_digit_is_weighted_sum_mod_11(first17: str, check: str) -> None:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    assert "10X98765432"[total % 11] == check
    assert gb11643_check_digit(first17) == check


@pytest.mark.parametrize("bad", ["", "1234567890123456", "370811199004030491", "3708111990040304a"])
def test_check_digit_needs_exactly_17_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        gb11643_check_digit(bad)


def test_valid_id_numbers_pass() -> None:
    assert is_valid_id_number("11010519491231002X")
    assert is_valid_id_number("370811199004030491")
    assert id_birth_date("370811199004030491") is not None
    assert str(id_birth_date("370811199004030491")) == "1990-04-03"


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("370811199004030492", "wrong check digit"),
        ("11010519491231002x", "lower-case x"),
        ("37081119900403049", "17 characters"),
        ("3708111990040304911", "19 characters"),
        ("370811199002300491", "30 February is no date"),
        ("370811199013010491", "month 13"),
        ("440524188001010014", "born before 1900 (check digit itself is right)"),
        ("070811199004030491", "area code starting with 0"),
        ("３70811199004030491", "full-width digit"),
        ("37081119900403049X", "X where a digit is due"),
    ],
)
def test_invalid_id_numbers_fail(number: str, why: str) -> None:
    assert not is_valid_id_number(number), why


@pytest.mark.parametrize("number", ["13812345678", "19912345678", "15000000000"])
def test_valid_mobiles_pass(number: str) -> None:
    assert is_valid_mobile(number)


@pytest.mark.parametrize(
    "number",
    ["12812345678", "1381234567", "138123456789", "+8613812345678", "1381234567a", "１3812345678"],
)
def test_invalid_mobiles_fail(number: str) -> None:
    assert not is_valid_mobile(number)


def test_masks_keep_only_the_edges() -> None:
    assert mask_id_number("370811199004031234") == "370811********1234"
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_name("张三丰") == "张**"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("李") == "李"


def test_masks_of_short_or_empty_values_hide_everything() -> None:
    assert mask_id_number("12345") == "*****"
    assert mask_phone("12345") == "*****"
    assert mask_name("") == ""
