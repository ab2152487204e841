import Diagnostics
import Foundation
import XCTest
import YAMLLoader

final class YAMLLoaderTests: XCTestCase {
    private func load(_ text: String, file: String = "f.yaml") throws -> YAMLNode {
        try YAMLLoader.load(text: text, file: file)
    }

    /// Loads text that must fail and returns the diagnostic.
    private func loadError(_ text: String, file: String = "f.yaml", line: UInt = #line) -> Diagnostic? {
        do {
            let node = try YAMLLoader.load(text: text, file: file)
            XCTFail("expected an error, got \(node)", line: line)
            return nil
        } catch {
            return error.diagnostic
        }
    }

    private func loc(_ line: Int, _ column: Int, _ file: String = "f.yaml") -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    // MARK: - Structure and locations

    func testMappingKeepsDocumentOrder() throws {
        let node = try load("zebra: 1\napple: 2\nmango: 3\nbanana: 4\n")
        XCTAssertEqual(node.mapping?.compactMap(\.keyString), ["zebra", "apple", "mango", "banana"])
        XCTAssertEqual(node.kindName, "mapping")
    }

    func testNestedStructureWithLocations() throws {
        let text = """
            paths:
              /users:
                get:
                  tags: [users, admin]
                  responses:
                    - code: 200
                      note: "ok"
            """
        let root = try load(text)
        XCTAssertEqual(root.location, loc(1, 1))
        let paths = try XCTUnwrap(root["paths"])
        XCTAssertEqual(paths.location, loc(2, 3))
        let get = try XCTUnwrap(paths["/users"]?["get"])
        XCTAssertEqual(get.location, loc(4, 7))
        let tags = try XCTUnwrap(get["tags"])
        XCTAssertEqual(tags.location, loc(4, 13))
        XCTAssertEqual(tags.sequence?.compactMap(\.string), ["users", "admin"])
        XCTAssertEqual(tags.sequence?.map(\.location), [loc(4, 14), loc(4, 21)])
        let responses = try XCTUnwrap(get["responses"]?.sequence)
        XCTAssertEqual(get["responses"]?.kindName, "sequence")
        XCTAssertEqual(get["responses"]?.location, loc(6, 9))
        XCTAssertEqual(responses.count, 1)
        XCTAssertEqual(responses[0].location, loc(6, 11))
        XCTAssertEqual(responses[0]["code"]?.scalar?.value, .int(200))
        XCTAssertEqual(responses[0]["code"]?.location, loc(6, 17))
        XCTAssertEqual(responses[0]["note"]?.location, loc(7, 17))
        XCTAssertEqual(responses[0].mapping?.map(\.key.location), [loc(6, 11), loc(7, 11)])
        XCTAssertNil(root["missing"])
        XCTAssertNil(tags["users"])
    }

    func testNumericKeysKeepTheirText() throws {
        let node = try load("responses:\n  200: ok\n  404: missing\n")
        let pairs = try XCTUnwrap(node["responses"]?.mapping)
        XCTAssertEqual(pairs.map(\.keyString), ["200", "404"])
        XCTAssertEqual(pairs[0].key.scalar?.value, .int(200))
        XCTAssertEqual(node["responses"]?["404"]?.string, "missing")
    }

    // MARK: - Scalars

    func testCoreSchemaResolution() throws {
        let table: [(String, YAMLScalar.Value)] = [
            ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
            ("y", .string("y")), ("n", .string("n")), ("Yes", .string("Yes")),
            ("'200'", .string("200")), ("\"200\"", .string("200")),
            ("200", .int(200)), ("-17", .int(-17)), ("+3", .int(3)), ("0", .int(0)), ("007", .int(7)),
            ("0x1F", .int(31)), ("0xff", .int(255)), ("0o17", .int(15)), ("0o18", .string("0o18")), ("0x", .string("0x")),
            ("1.5", .double(1.5)), ("-0.25", .double(-0.25)), (".5", .double(0.5)), ("1.", .double(1)),
            ("1e3", .double(1000)), ("2.5E-1", .double(0.25)), ("+1.0e+2", .double(100)),
            (".inf", .double(.infinity)), ("-.Inf", .double(-.infinity)), ("+.INF", .double(.infinity)),
            ("1.2.3", .string("1.2.3")), ("1e", .string("1e")), (".", .string(".")), ("+", .string("+")), ("-x", .string("-x")),
            ("1_000", .string("1_000")), ("12abc", .string("12abc")), ("3.0.1", .string("3.0.1")),
            ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nUll", .string("nUll")), ("", .null),
            ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
            ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)), ("tRue", .string("tRue")),
            ("'true'", .string("true")), ("'~'", .string("~")), ("''", .string("")),
            ("99999999999999999999", .double(1e20)),
            ("0xFFFFFFFFFFFFFFFFFF", .double(0x1p72)),
            ("hello world", .string("hello world")),
        ]
        for (written, expected) in table {
            let node = try load("v: \(written)\n")
            XCTAssertEqual(node["v"]?.scalar?.value, expected, "resolving \(written.debugDescription)")
        }
        let nan = try load("v: .NaN\n")["v"]?.scalar?.value
        guard case .double(let d)? = nan, d.isNaN else { return XCTFail("'.NaN' should resolve to nan, got \(String(describing: nan))") }
        // A decimal too large even for a double stays a string.
        let huge = String(repeating: "9", count: 400)
        XCTAssertEqual(try load("v: \(huge)\n")["v"]?.scalar?.value, .string(huge))
    }

    func testScalarConveniences() throws {
        let node = try load("s: text\ni: 1\nb: false\nn: null\nd: 2.5\n")
        XCTAssertEqual(node["s"]?.string, "text")
        XCTAssertNil(node["i"]?.string)
        XCTAssertEqual(node["i"]?.scalar?.text, "1")
        XCTAssertEqual(["s", "i", "b", "n", "d"].compactMap { node[$0]?.kindName }, ["string", "integer", "boolean", "null", "number"])
        XCTAssertNil(node["s"]?.mapping)
        XCTAssertNil(node["s"]?.sequence)
        XCTAssertNil(node.scalar)
    }

    func testQuotedStrings() throws {
        let node = try load(#"""
            single: 'it''s here'
            double: "tab\there \u00e9 \"q\""
            folded: "line one
              line two"
            """#)
        XCTAssertEqual(node["single"]?.string, "it's here")
        XCTAssertEqual(node["single"]?.scalar?.isQuoted, true)
        XCTAssertEqual(node["double"]?.string, "tab\there é \"q\"")
        XCTAssertEqual(node["folded"]?.string, "line one line two")
    }

    func testBlockLiteralAndFolded() throws {
        let text = """
            literal: |
              first line
              second line
            folded: >-
              folded
              together

              new paragraph
            number: |
              200
            keep: |+
              x

            end: 1
            """
        let node = try load(text)
        XCTAssertEqual(node["literal"]?.string, "first line\nsecond line\n")
        XCTAssertEqual(node["literal"]?.scalar?.isQuoted, true)
        XCTAssertEqual(node["literal"]?.location, loc(1, 10))
        XCTAssertEqual(node["folded"]?.string, "folded together\nnew paragraph")
        XCTAssertEqual(node["number"]?.scalar?.value, .string("200\n"))
        XCTAssertEqual(node["keep"]?.string, "x\n\n")
        XCTAssertEqual(node["end"]?.scalar?.value, .int(1))
    }

    func testExplicitTags() throws {
        let node = try load("a: !!str 200\nb: !!int '42'\nc: !!float 3\nd: !!bool 'true'\ne: !!null ''\nf: !custom 7\ng: ! 12\nh: !!int 0x10\n")
        XCTAssertEqual(node["a"]?.scalar?.value, .string("200"))
        XCTAssertEqual(node["b"]?.scalar?.value, .int(42))
        XCTAssertEqual(node["c"]?.scalar?.value, .double(3))
        XCTAssertEqual(node["d"]?.scalar?.value, .bool(true))
        XCTAssertEqual(node["e"]?.scalar?.value, .null)
        XCTAssertEqual(node["f"]?.scalar?.value, .int(7), "unknown tags are ignored")
        XCTAssertEqual(node["g"]?.scalar?.value, .string("12"), "the non-specific tag '!' means string")
        XCTAssertEqual(node["h"]?.scalar?.value, .int(16))

        let bad = loadError("a: 1\nb: !!int abc\n")
        XCTAssertEqual(bad?.message, "'abc' is not a valid !!int")
        XCTAssertEqual(bad?.location, loc(2, 4))
        XCTAssertEqual(loadError("x: !!bool yes\n")?.message, "'yes' is not a valid !!bool")
        XCTAssertEqual(loadError("x: !!float 1.2.3\n")?.message, "'1.2.3' is not a valid !!float")
        XCTAssertEqual(loadError("x: !!null nothing\n")?.message, "'nothing' is not a valid !!null")
        XCTAssertEqual(loadError("x: !!int 99999999999999999999\n")?.message, "'99999999999999999999' is not a valid !!int")
    }

    // MARK: - Anchors and aliases

    func testAnchorsAndAliases() throws {
        let text = """
            base: &base
              type: object
              required: [id]
            copy: *base
            name: &n hello
            again: *n
            merge:
              <<: *base
              extra: 1
            """
        let node = try load(text)
        let base = try XCTUnwrap(node["base"])
        let copy = try XCTUnwrap(node["copy"])
        XCTAssertEqual(copy.content, base.content)
        // The alias node sits where the alias is used; its children keep the anchored locations.
        XCTAssertEqual(copy.location, loc(4, 7))
        XCTAssertEqual(copy.mapping?.first?.key.location, loc(2, 3))
        XCTAssertEqual(copy["type"]?.location, loc(2, 9))
        XCTAssertEqual(base.location, loc(1, 7))
        XCTAssertEqual(node["again"]?.string, "hello")
        XCTAssertEqual(node["again"]?.location, loc(6, 8))
        // `<<` is an ordinary key in YAML 1.2.
        let merge = try XCTUnwrap(node["merge"])
        XCTAssertEqual(merge.mapping?.compactMap(\.keyString), ["<<", "extra"])
        XCTAssertEqual(merge["<<"]?["type"]?.string, "object")
    }

    func testAnchorRedefinitionUsesLatest() throws {
        let node = try load("- &a one\n- *a\n- &a two\n- *a\n")
        XCTAssertEqual(node.sequence?.compactMap(\.string), ["one", "one", "two", "two"])
    }

    func testUnknownAlias() {
        let diagnostic = loadError("a: 1\nb: *nowhere\n")
        XCTAssertEqual(diagnostic?.message, "unknown alias '*nowhere'")
        XCTAssertEqual(diagnostic?.location, loc(2, 4))
    }

    func testRecursiveAlias() {
        let diagnostic = loadError("a: &x\n  - 1\n  - *x\n")
        XCTAssertEqual(diagnostic?.message, "alias '*x' refers to a collection that contains it")
        XCTAssertEqual(diagnostic?.location, loc(3, 5))
    }

    func testAliasBombIsStopped() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        let diagnostic = loadError(text)
        XCTAssertEqual(diagnostic?.message, "document expands to more than 10000000 nodes (too many aliases?)")
        XCTAssertEqual(diagnostic?.location.map(\.line), 7)  // a6 is the first to pass 10 million
    }

    // MARK: - Errors

    func testDuplicateKey() {
        let diagnostic = loadError("info:\n  title: A\n  version: 1\n  title: B\n")
        XCTAssertEqual(diagnostic?.message, "duplicate key 'title'")
        XCTAssertEqual(diagnostic?.location, loc(4, 3))
        XCTAssertEqual(diagnostic?.notes, [Diagnostic.Note(message: "'title' first appears here", location: loc(2, 3))])
        XCTAssertEqual(
            diagnostic?.description,
            "f.yaml:4:3: error: duplicate key 'title'\nf.yaml:2:3: note: 'title' first appears here"
        )
        // Same key text in different mappings is fine; same text in another style is a duplicate.
        XCTAssertNoThrow(try load("a: {x: 1}\nb: {x: 2}\n"))
        XCTAssertEqual(loadError("{\"200\": a, 200: b}")?.message, "duplicate key '200'")
    }

    func testSyntaxErrorUsesLibyamlMessageAndLocation() {
        let mappingValue = loadError("a: b: c\n", file: "spec.yaml")
        XCTAssertEqual(mappingValue?.description, "spec.yaml:1:5: error: mapping values are not allowed in this context")

        let badIndent = loadError("openapi: 3.0.1\ninfo:\n  title: x\n    version: 1\n")
        XCTAssertEqual(badIndent?.message, "mapping values are not allowed in this context")
        XCTAssertEqual(badIndent?.location, loc(4, 12))

        let unclosed = loadError("a: 1\nb: [1, 2\n")
        XCTAssertEqual(unclosed?.message, "did not find expected ',' or ']' while parsing a flow sequence")
        XCTAssertEqual(unclosed?.location, loc(3, 1))
        XCTAssertEqual(unclosed?.notes, [Diagnostic.Note(message: "while parsing a flow sequence that starts here", location: loc(2, 4))])

        let tab = loadError("a:\n\tb: 1\n")
        XCTAssertEqual(tab?.message, "found character that cannot start any token while scanning for the next token")
        XCTAssertEqual(tab?.location, loc(2, 1))
        XCTAssertEqual(tab?.notes, [])
    }

    func testSyntaxErrorColumnCountsCharactersNotBytes() {
        // Each Arabic letter is two UTF-8 bytes but one column.
        let diagnostic = loadError("عنوان: قيمة: أخرى\n")
        XCTAssertEqual(diagnostic?.message, "mapping values are not allowed in this context")
        XCTAssertEqual(diagnostic?.location, loc(1, 12))
    }

    func testInvalidUTF8IsAReaderError() {
        do {
            _ = try YAMLLoader.load(bytes: Array("a: 1\nb: ".utf8) + [0xFF, 0x0A], file: "bin.yaml")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.diagnostic.message, "invalid leading UTF-8 octet (byte 0xFF)")
            XCTAssertEqual(error.diagnostic.location, loc(2, 4, "bin.yaml"))
        }
        XCTAssertEqual(loadError("a: \u{1}\n")?.message, "control characters are not allowed (byte 0x1)")
    }

    func testEmptyDocument() {
        for text in ["", "# just a comment\n", "\n\n   \n"] {
            let diagnostic = loadError(text)
            XCTAssertEqual(diagnostic?.message, "empty document", "for \(text.debugDescription)")
            XCTAssertEqual(diagnostic?.location, loc(1, 1))
        }
    }

    func testOnlyFirstDocumentIsReturned() throws {
        let node = try load("---\na: 1\n---\nb: [unclosed\n")
        XCTAssertEqual(node.mapping?.compactMap(\.keyString), ["a"])
        // An explicit but empty document is a null, not an error.
        XCTAssertEqual(try load("---\n...\n").scalar?.value, .null)
    }

    func testDeepNesting() throws {
        let ok = YAMLLoader.maxDepth
        let deep = try load(String(repeating: "[", count: ok) + String(repeating: "]", count: ok))
        var depth = 0
        var current: YAMLNode? = deep
        while let node = current {
            depth += 1
            current = node.sequence?.first
        }
        XCTAssertEqual(depth, ok)
        let tooDeep = loadError(String(repeating: "- ", count: ok + 1) + "x\n")
        XCTAssertEqual(tooDeep?.message, "collections are nested more than \(ok) levels deep")
    }

    // MARK: - Inputs

    func testJSONInput() throws {
        let node = try load(#"{"a": 1, "b": [true, null, "x"], "c": {"d": -2.5e1, "e": ""}}"#, file: "f.json")
        XCTAssertEqual(node.mapping?.compactMap(\.keyString), ["a", "b", "c"])
        XCTAssertEqual(node["a"]?.scalar?.value, .int(1))
        XCTAssertEqual(node["b"]?.sequence?.map { $0.scalar?.value }, [.bool(true), .null, .string("x")])
        XCTAssertEqual(node["c"]?["d"]?.scalar?.value, .double(-25))
        XCTAssertEqual(node["c"]?["e"]?.string, "")
        XCTAssertEqual(node["b"]?.location, loc(1, 15, "f.json"))
        XCTAssertEqual(try load("[1, 2]").sequence?.count, 2)
        // Pretty-printed JSON with tab indentation.
        XCTAssertEqual(try load("{\n\t\"k\": [\n\t\t1\n\t]\n}\n")["k"]?.sequence?.count, 1)
    }

    func testArabicTextRoundTrips() throws {
        let node = try load("title: مرحبا بالعالم\n'وصف': \"متجر سلة\"\nlist: [واحد, اثنان]\n")
        XCTAssertEqual(node["title"]?.string, "مرحبا بالعالم")
        XCTAssertEqual(node["وصف"]?.string, "متجر سلة")
        XCTAssertEqual(node["list"]?.sequence?.compactMap(\.string), ["واحد", "اثنان"])
        XCTAssertEqual(node["وصف"]?.location, loc(2, 8))
    }

    func testByteOrderMark() throws {
        let node = try load("\u{FEFF}a: 1\n")
        XCTAssertEqual(node["a"]?.scalar?.value, .int(1))
        XCTAssertEqual(node.location, loc(1, 1))
    }

    func testLoadFromFileAndMissingFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yamlloader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("spec.yaml").path
        try Data("x: [1]\ny: {\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try YAMLLoader.load(contentsOf: path)
            XCTFail("expected a syntax error")
        } catch {
            XCTAssertEqual(error.diagnostic.location?.file, path)
            XCTAssertEqual(error.diagnostic.location?.line, 3)
        }
        try Data("x: [1]\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try YAMLLoader.load(contentsOf: path)["x"]?.location, SourceLocation(file: path, line: 1, column: 4))

        let missing = dir.appendingPathComponent("missing.yaml").path
        do {
            _ = try YAMLLoader.load(contentsOf: missing)
            XCTFail("expected an error")
        } catch {
            XCTAssertNil(error.diagnostic.location)
            XCTAssertEqual(error.diagnostic.message, "cannot read '\(missing)': no such file")
            XCTAssertEqual(error.description, "sallagen: error: cannot read '\(missing)': no such file")
        }
        do {
            _ = try YAMLLoader.load(contentsOf: dir.path)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.diagnostic.message, "cannot read '\(dir.path)': it is a directory")
        }
    }

    // MARK: - Corpus

    func testSallaCorpusLoads() throws {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/salla-openapi").resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            print("YAMLLoaderTests: corpus test skipped: \(corpus.path) does not exist")
            throw XCTSkip("corpus test skipped: \(corpus.path) does not exist")
        }
        let enumerator = FileManager.default.enumerator(atPath: corpus.path)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".yaml") { files.append(corpus.appendingPathComponent(relative).path) }
        }
        files.sort()
        XCTAssertFalse(files.isEmpty, "no .yaml files under \(corpus.path)")
        for path in files {
            do {
                let node = try YAMLLoader.load(contentsOf: path)
                XCTAssertNotNil(node["openapi"] ?? node["paths"], "\(path) has neither 'openapi' nor 'paths'")
            } catch {
                XCTFail("\(error)")
            }
        }
        print("YAMLLoaderTests: loaded \(files.count) corpus files from \(corpus.path)")
    }
}
