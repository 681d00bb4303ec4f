"""Run the doctests of every module of a tools package (no ORM).

Each addon's test suite calls ``run_doctests`` on its own ``tools`` package, so a new
module's doctests run without being listed anywhere, and ``uncollected`` names every
module whose source holds an example that no doctest ran (an import error, or an
example where doctest does not look).
"""

import doctest
import importlib
import os

PROMPT = ">" * 3 + " "  # an interactive example (spelt so as not to be one here)


def tool_modules(package, directory):
    """Dotted names of the modules of ``package``, read from its ``directory``."""
    return sorted(
        f"{package}.{name[:-3]}"
        for name in os.listdir(directory)
        if name.endswith(".py") and name != "__init__.py"
    )


def run_doctests(package, directory):
    """``{module name: doctest.TestResults}`` for every module of the package."""
    results = {}
    for name in tool_modules(package, directory):
        module = importlib.import_module(name)
        results[name] = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    return results


def uncollected(package, directory, results):
    """Modules whose source holds interactive examples that no doctest ran."""
    missing = []
    for name in tool_modules(package, directory):
        path = os.path.join(directory, name.rsplit(".", 1)[1] + ".py")
        with open(path, encoding="utf-8") as source:
            has_examples = PROMPT in source.read()
        if has_examples and not results.get(name, doctest.TestResults(0, 0)).attempted:
            missing.append(name)
    return missing
