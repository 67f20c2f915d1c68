"""Errors that the command line turns into one-line messages and exit code 2, and the
sanitising of text from files before it reaches the terminal."""

import unicodedata


class UserError(Exception):
    """A problem with what the user supplied; the message is one complete line."""


class ScenarioError(UserError):
    """A scenario or override that cannot be loaded or is invalid."""


def clean(text: str) -> str:
    """Text from a file made safe for a terminal: control and format characters (escape
    sequences, carriage returns, newlines, bidirectional overrides) shown escaped, so
    a scenario's name can neither move the cursor nor start a line of its own."""
    return "".join(ch if ch.isprintable() or unicodedata.category(ch) == "Zs"
                   else (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
                   for ch in str(text))
