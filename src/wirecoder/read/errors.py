"""The one error a reader raises: a document that cannot become an Article."""


class ReadError(ValueError):
    """Raised with a one-line message that names the file and the problem."""
