#!/usr/bin/env python3
"""Fails when a Catch2 test name cannot reach ctest intact.

catch_discover_tests turns each TEST_CASE name into a ctest test; a ';' in
the name splits it into list items, so ctest registers pieces that match no
test and pass without running anything. Usage: catch_test_names.py <tests dir>
"""
import pathlib
import re
import sys

# The name: one string literal or several written next to each other.
NAME = re.compile(r'(?:TEST_CASE|SCENARIO)\s*\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    bad = []
    checked = 0
    for path in sorted(root.rglob("*.cc")):
        text = path.read_text(encoding="utf-8")
        for match in NAME.finditer(text):
            checked += 1
            name = "".join(LITERAL.findall(match.group(1)))
            if ";" in name:
                line = text.count("\n", 0, match.start()) + 1
                bad.append(f"{path}:{line}: ';' in test name \"{name}\"")
    for entry in bad:
        print(entry)
    print(f"catch_test_names: {checked} test names checked, {len(bad)} unusable")
    return 1 if bad or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
