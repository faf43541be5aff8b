#!/usr/bin/env python3
"""The README's "Using the library" section quotes examples/embedding's main.swift between
its markers; fail when the two differ, so that the README's code is the code CI compiles."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
source = (root / "examples/embedding/Sources/embedding/main.swift").read_text()
match = re.search(r"// MARK: README begin\n(.*?)// MARK: README end\n", source, re.S)
if not match:
    sys.exit("check-readme-code: main.swift lacks its README markers")
code = "import Accord\n\n" + match.group(1)
readme = (root / "README.md").read_text()
section = readme.split("## Using the library", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```swift\n(.*?)```", section, re.S)
if not blocks or blocks[0] != code:
    sys.exit("check-readme-code: the first swift block of README's 'Using the library' differs from "
             "examples/embedding/Sources/embedding/main.swift between its markers (with 'import Accord' first)")
print("check-readme-code: the README's library code is examples/embedding's")
