"""Input errors: each carries a one-line message naming the input it refers to."""
from __future__ import annotations


class InputError(Exception):
    """Base class for input that cannot be analysed. ``kind`` is the record's ``error.type``."""

    kind = "input_error"


class BinaryInput(InputError):
    kind = "binary"


class TooLarge(InputError):
    kind = "too_large"


class EmptyInput(InputError):
    kind = "empty"


class Undecodable(InputError):
    kind = "undecodable"


class BadJsonLine(InputError):
    kind = "bad_json"


class Unreadable(InputError):
    kind = "unreadable"


class TimedOut(BaseException):
    """Raised by the per-article time limit. A BaseException, like KeyboardInterrupt, so that no stage's
    ``except Exception`` (the pattern caches' fallbacks, for one) can swallow it."""

    kind = "timeout"
