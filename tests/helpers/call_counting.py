"""Count the calls of a module's function in a test without changing what it does."""


def counted(monkeypatch, module, name):
    """Replace module.name by a wrapper of it; returns the list of the arguments of each call."""
    calls = []
    original = getattr(module, name)

    def wrapper(*args):
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(module, name, wrapper)
    return calls
