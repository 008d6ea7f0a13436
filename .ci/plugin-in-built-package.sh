#!/usr/bin/env bash
# Adding a plugin to a package that has been built before (issue 17), as Plugins/README.md
# tells a new author: a folder, its name in Package.swift's `pluginFolders`, its type in
# Sources/BaocaoPlugins/BuiltinPlugins.swift. A plugin folder found by scanning Plugins/ was
# invisible here, because SwiftPM reuses the evaluated manifest while Package.swift is unchanged.
#
# The package (its files, and .build for the dependencies already fetched) is copied to a
# temporary folder with a small executable that prints the registered plugins; the copy is built
# once, the throwaway plugin (the README's own code) is added, and the copy is built and run
# again: the new plugin must be compiled, linked and registered.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/baocao-plugin-XXXXXX")
trap 'rm -rf "$work"' EXIT
pkg=$work/pkg

# The working tree's tracked files and new source files (not Plans/ or Output/, which CI breaks
# on purpose), and the fetched dependencies.
mkdir -p "$pkg/.build"
{
    git ls-files -z --cached
    git ls-files -z --others --exclude-standard -- Package.swift Sources Plugins Tests
} | xargs -0 cp --parents -t "$pkg"
for part in checkouts repositories workspace-state.json; do
    [ -e ".build/$part" ] && cp -a ".build/$part" "$pkg/.build/"
done
[ -e Package.resolved ] && cp Package.resolved "$pkg/"

# A small executable listing the registry: the copy's own, not part of the README's steps.
mkdir -p "$pkg/Sources/ListPlugins"
cat >"$pkg/Sources/ListPlugins/main.swift" <<'EOF'
import BaocaoPlugins

for descriptor in BuiltinPlugins.registry.descriptors { print(descriptor.id) }
EOF
python3 - "$pkg/Package.swift" <<'EOF'
import sys
path = sys.argv[1]
text = open(path).read()
anchor = "    ] + pluginTargets,"
assert anchor in text, "Package.swift: no '] + pluginTargets,'"
text = text.replace(anchor, '        .executableTarget(name: "ListPlugins", dependencies: ["BaocaoPlugins"]),\n' + anchor, 1)
open(path, "w").write(text)
EOF

cd "$pkg"
echo "ci: plugin in a built package: first build of the copy"
swift build --product ListPlugins 2>&1 | tail -n 3
./.build/debug/ListPlugins | grep -qx generic
if ./.build/debug/ListPlugins | grep -qx training; then
    echo "ci: plugin in a built package: 'training' registered before it was added" >&2
    exit 1
fi

# The README's steps, exactly: the folder with the README's code, one name, two lines.
mkdir -p Plugins/Training
python3 - "$root/Plugins/README.md" Plugins/Training/TrainingSection.swift <<'EOF'
import sys
readme = open(sys.argv[1]).read()
start = readme.index("### 1. The folder and the plugin")
block = readme.index("```swift\n", start) + len("```swift\n")
open(sys.argv[2], "w").write(readme[block:readme.index("```", block)])
EOF
python3 - <<'EOF'
text = open("Package.swift").read()
anchor = '    "ServiceCentre",\n]'
assert anchor in text, "Package.swift: pluginFolders does not end with ServiceCentre"
open("Package.swift", "w").write(text.replace(anchor, '    "ServiceCentre",\n    "Training",\n]', 1))
path = "Sources/BaocaoPlugins/BuiltinPlugins.swift"
text = open(path).read()
text = text.replace("import ServiceCentrePlugin\n", "import ServiceCentrePlugin\nimport TrainingPlugin\n", 1)
text = text.replace("        GenericSection.self,\n", "        GenericSection.self,\n        TrainingSection.self,\n", 1)
assert "TrainingSection.self" in text and "import TrainingPlugin" in text
open(path, "w").write(text)
EOF

echo "ci: plugin in a built package: build after adding Plugins/Training"
swift build --product ListPlugins 2>&1 | tail -n 3
./.build/debug/ListPlugins | grep -qx training
echo "ci: plugin in a built package: ok ('training' compiled, linked and registered)"
