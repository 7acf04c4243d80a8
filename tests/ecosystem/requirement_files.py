"""Read pip requirement files as the ecosystem checks compare them."""


def requirement_lines(path):
    """The requirement lines of a pip requirements file, without comments, blank lines or options."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("-")]
