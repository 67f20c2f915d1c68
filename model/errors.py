"""Errors that the command line turns into one-line messages and exit code 2."""


class UserError(Exception):
    """A problem with what the user supplied; the message is one complete line."""


class ScenarioError(UserError):
    """A scenario or override that cannot be loaded or is invalid."""
