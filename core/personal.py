"""Personal data helpers: GB 11643-1999 identity numbers, mainland mobile numbers, masking.

The generator uses them to make valid fictitious data; the API uses them to validate input and to
mask personal information for readers whose work does not need it unmasked.
"""

from __future__ import annotations

import re
from datetime import date

# GB 11643-1999: weight of each of the first 17 digits, and the check character for sum mod 11.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"

# ASCII digits only: `\d` would also accept full-width and other Unicode digits.
_ID_NUMBER = re.compile(r"[1-9][0-9]{16}[0-9X]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def gb11643_check_digit(first17: str) -> str:
    """The 18th character of a resident identity number whose first 17 digits are given."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("an identity number starts with exactly 17 ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def id_birth_date(s: str) -> date | None:
    """The birth date an identity number encodes (characters 7–14), or None if it is no date."""
    try:
        return date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return None


def is_valid_id_number(s: str) -> bool:
    """18 characters: a 6-digit area code, a real birth date YYYYMMDD (1900 or later), a 3-digit
    sequence and the GB 11643 check character. The check character X must be upper case."""
    if not isinstance(s, str) or not _ID_NUMBER.fullmatch(s):
        return False
    born = id_birth_date(s)
    if born is None or born.year < 1900:
        return False
    return gb11643_check_digit(s[:17]) == s[17]


def is_valid_mobile(s: str) -> bool:
    """A mainland China mobile number: 11 digits, 1 then 3–9 then nine digits."""
    return isinstance(s, str) and _MOBILE.fullmatch(s) is not None


def mask_id_number(s: str) -> str:
    """First 6 and last 4 characters kept: '370811********1234'. Shorter strings: all stars."""
    if len(s) < 10:
        return "*" * len(s)
    return s[:6] + "*" * (len(s) - 10) + s[-4:]


def mask_phone(s: str) -> str:
    """First 3 and last 4 digits kept: '138****5678'. Shorter strings: all stars."""
    if len(s) < 7:
        return "*" * len(s)
    return s[:3] + "*" * (len(s) - 7) + s[-4:]


def mask_name(s: str) -> str:
    """The surname's first character kept, one star per other character: '张**'."""
    return s[:1] + "*" * (len(s) - 1)


def mask_address(s: str) -> str:
    """The first six characters kept (district and town), the rest hidden: '任城区古槐街****'."""
    return s[:6] + "****"


# How each personal property is masked for a reader whose work does not need it; a personal
# property without a mask (difficulties) is hidden entirely.
MASKS = {
    "name": mask_name,
    "idNumber": mask_id_number,
    "phone": mask_phone,
    "address": mask_address,
}


# The personal properties of each label (DOMAIN.md): shown unmasked only to roles whose work
# needs them, and never to be learnt through a filter either.
PERSONAL: dict[str, tuple[str, ...]] = {
    "Youth": ("name", "idNumber", "birthDate", "phone", "address", "difficulties"),
    "Cadre": ("phone",),
}
# The filters that test a personal property: a masked reader could learn a hidden value from
# which nodes they keep (a name letter by letter, a hidden difficulty).
PERSONAL_FILTERS: dict[str, tuple[str, ...]] = {"Youth": ("search", "difficulty")}


def filter_needs_unmasked(label: str, name: str) -> bool:
    return name in PERSONAL_FILTERS.get(label, ())
