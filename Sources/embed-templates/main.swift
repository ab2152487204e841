// Turns the top-level Templates/*.mustache into one Swift file of string literals, so the
// built-in templates travel inside the sallagen binary wherever it is copied.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: embed-templates OUTPUT.swift TEMPLATE...\n".utf8))
    exit(2)
}
let output = arguments[1]
var entries: [(name: String, text: String)] = []
for path in arguments[2...].sorted() {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("embed-templates: cannot read \(path)\n".utf8))
        exit(1)
    }
    entries.append((url.deletingPathExtension().lastPathComponent, text))
}

/// A raw string delimiter longer than any run of `#` in the text keeps the literal verbatim.
func delimiter(for text: String) -> String {
    var longest = 0, run = 0
    for character in text {
        run = character == "#" ? run + 1 : 0
        longest = max(longest, run)
    }
    return String(repeating: "#", count: longest + 1)
}

var source = "// Made by embed-templates from Templates/*.mustache at build time.\n"
source += "enum BuiltinTemplates {\n    static let all: [String: String] = [\n"
for entry in entries {
    let hashes = delimiter(for: entry.text)
    source += "        \"\(entry.name)\": \(hashes)\"\"\"\n\(entry.text)\n\"\"\"\(hashes),\n"
}
source += "    ]\n}\n"
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-templates: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
