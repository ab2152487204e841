// Release-mode figures for the README: how long sallagen takes on the whole Salla corpus, how much
// of that is YAML parsing, how much memory it needs, and how big and slow to compile the result is.
//
//   swift build -c release --product sallagen && swift run -c release sallagen-benchmark [CORPUS] [--runs N] [--no-compile]
//
// CORPUS defaults to ../shared/salla-openapi beside the package. The end-to-end figures spawn the
// release `sallagen` binary from the same folder as this executable.

import Diagnostics
import Foundation
import SallaGenKit
import SwiftShaping
import YAMLLoader

// The figures the issue gives for apple/swift-openapi-generator on a merged copy of this corpus.
let reference = (seconds: 3.3, megabytes: 93.0, lines: 107_854, debugBuild: 53.0)

let usage = """
    usage: sallagen-benchmark [CORPUS] [--runs N] [--no-compile] [--no-scale]
      CORPUS        folder (or file) of OpenAPI documents; default: ../shared/salla-openapi beside the package
      --runs N      measured repetitions of every timing, after one warm-up (default 5); min and median are shown
      --no-compile  skip the debug build of the generated SDK (the slow part)
      --no-scale    skip the synthetic 1k, 5k and 10k operation APIs
      --write-synthetic N DIR  write the synthetic API of N operations into DIR (for profiling) and stop
      --codec-only  time only decoding and encoding through the generated client (for profiling) and stop
    Build both products first, in release mode:
      swift build -c release --product sallagen && swift build -c release --product sallagen-benchmark
    """

// MARK: - Arguments

var corpusArgument: String?
var runs = 5
var compile = true
var scale = true
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--runs":
        guard let value = arguments.next(), let count = Int(value), count >= 1 else {
            FileHandle.standardError.write(Data("sallagen-benchmark: --runs needs a whole number of at least 1\n\(usage)\n".utf8))
            exit(2)
        }
        runs = count
    case "--no-compile":
        compile = false
    case "--no-scale":
        scale = false
    case "--write-synthetic":
        guard let count = arguments.next().flatMap({ Int($0) }), count > 0, let folder = arguments.next() else {
            FileHandle.standardError.write(Data("sallagen-benchmark: --write-synthetic needs a number of operations and a folder\n\(usage)\n".utf8))
            exit(2)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try writeSyntheticAPI(operations: count, into: URL(fileURLWithPath: folder))
        } catch {
            FileHandle.standardError.write(Data("sallagen-benchmark: \(error)\n".utf8))
            exit(1)
        }
        exit(0)
    case "--codec-only":
        printCodec(runs: runs)
        exit(0)
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        guard !argument.hasPrefix("-"), corpusArgument == nil else {
            FileHandle.standardError.write(Data("sallagen-benchmark: unexpected argument '\(argument)'\n\(usage)\n".utf8))
            exit(2)
        }
        corpusArgument = argument
    }
}

// MARK: - Where things are

/// This executable, as the kernel knows it (Bundle reads /proc/self/exe on Linux).
let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
let binFolder = executable.deletingLastPathComponent()

/// The package root: from this source file's place when the build tree still exists, else by walking
/// up from the executable (.build*/release/sallagen-benchmark) to the folder holding Package.swift.
let packageRoot: URL = {
    let manager = FileManager.default
    let isRoot = { (url: URL) in
        manager.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
            && manager.fileExists(atPath: url.appendingPathComponent("Sources/SallaRuntime").path)
    }
    let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    if isRoot(fromSource) { return fromSource }
    var folder = binFolder
    for _ in 0..<8 {
        if isRoot(folder) { return folder }
        folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: manager.currentDirectoryPath)
}()

let defaultCorpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/salla-openapi").standardizedFileURL.path
let corpus = corpusArgument ?? defaultCorpus
let isSallaCorpus = URL(fileURLWithPath: corpus).standardizedFileURL.resolvingSymlinksInPath().path
    == URL(fileURLWithPath: defaultCorpus).resolvingSymlinksInPath().path
guard FileManager.default.fileExists(atPath: corpus) else {
    print("""
        sallagen-benchmark: the corpus is not here: \(corpus)
        Nothing to measure. The Salla corpus sits beside the package (../shared/salla-openapi) only on the
        project's machines; pass another folder of OpenAPI documents as the first argument.
        """)
    exit(0)
}

var expandDiagnostics = DiagnosticBag()
let files = Generator.expandInputs([corpus], diagnostics: &expandDiagnostics)
guard !files.isEmpty else {
    print("sallagen-benchmark: no *.yaml, *.yml or *.json files under \(corpus): nothing to measure.")
    exit(0)
}
let corpusBytes = files.reduce(0) { total, file in
    total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
}
let options = Generator.Options(inputs: [corpus])

print("sallagen benchmark")
print("corpus: \(corpus) (\(files.count) files, \(String(format: "%.1f", Double(corpusBytes) / 1_048_576)) MB)")
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; \(runs) measured runs after one warm-up; min / median")
#if DEBUG
print("warning: this is a debug build of the benchmark; the figures mean little. Use -c release.")
#endif
print("")

// MARK: - In-process timings

/// The stages before rendering, each timed on its own through the public calls Generator.generate makes.
struct EarlyStages {
    var load = 0.0, loadAndRead = 0.0, shape = 0.0
}

/// Loads every file one after another (this is (a), parsing alone on one core); then loads and
/// reads them as the generator does (documents spread over the cores, then merged) and shapes
/// the result. Rendering is internal to the generator and changes with it, so its share is
/// measured as what remains of (b). Everything built here is freed on return, outside the timings.
func earlyStages(_ files: [String]) -> EarlyStages? {
    var stages = EarlyStages()
    let loaded = timed { try? files.map { try YAMLLoader.load(contentsOf: $0) } }
    guard let trees = loaded.value else { return nil }
    stages.load = loaded.seconds
    let merged = timed { Generator.mergedSpec(inputs: options.inputs) }
    guard let spec = merged.value.spec else { return nil }
    stages.loadAndRead = merged.seconds
    let names = files.map { ($0 as NSString).lastPathComponent }
    let shaped = timed { SwiftShaper.shape(spec, options: ShapingOptions(accessLevel: .public, sourceNames: names)) }
    stages.shape = shaped.seconds
    withExtendedLifetime((trees, merged.value, shaped.value)) {}
    return stages
}

// Warm-up: the first run pays for page faults and lazy initialisation; it also checks the corpus.
let warm = Generator.generate(options)
if warm.hasErrors {
    let errors = warm.diagnostics.filter { $0.severity == .error }
    print("sallagen-benchmark: the corpus has \(errors.count) errors, so nothing is generated:")
    for error in errors.prefix(10) { print("  \(error)") }
    exit(1)
}
let warnings = warm.diagnostics.filter { $0.severity == .warning }.count

var fileRead = Sample(), events = Sample(), parse = Sample(), generate = Sample(), beyond = Sample()
var stageRead = Sample(), stageShape = Sample(), stageRender = Sample()
var eventCount = 0
for _ in 0..<runs {
    // File reading alone, and libyaml's events alone with no tree built.
    let read = timed { files.reduce(0) { $0 + (FileManager.default.contents(atPath: $1)?.count ?? 0) } }
    fileRead.add(read.seconds)
    let scanned = timed {
        files.reduce(0) { total, file in
            total + (FileManager.default.contents(atPath: file)?.withUnsafeBytes { scanEvents($0) ?? 0 } ?? 0)
        }
    }
    events.add(scanned.seconds)
    eventCount = scanned.value

    // (a) the YAMLLoader trees the generator parses into, then reading and shaping on their own.
    guard let early = earlyStages(files) else {
        print("sallagen-benchmark: a corpus file no longer loads; stopping.")
        exit(1)
    }
    parse.add(early.load)
    stageRead.add(early.loadAndRead)
    stageShape.add(early.shape)

    // (b) the whole pipeline, as the CLI and the tests call it (parsing included).
    let whole = timed { Generator.generate(options).files.count }
    generate.add(whole.seconds)
    beyond.add(whole.seconds - early.load)
    stageRender.add(whole.seconds - early.loadAndRead - early.shape)
}
let selfPeak = selfPeakRSSKilobytes()

func row(_ label: String, _ sample: Sample, _ note: String = "") -> String {
    "  " + pad(label, 44) + padLeft(formatSeconds(sample.min), 10) + padLeft(formatSeconds(sample.median), 10) + (note.isEmpty ? "" : "   " + note)
}

print(pad("In process (release)", 46) + padLeft("min", 10) + padLeft("median", 10))
print(row("file reading only", fileRead))
print(row("libyaml events only (no tree)", events, "\(formatCount(eventCount)) events"))
print(row("(a) YAML parse: YAMLLoader.load, every file", parse, "libyaml + node tree"))
print(row("(b) Generator.generate, whole pipeline", generate, "\(warm.operationCount) operations, \(warm.modelCount) models, \(warnings) warnings"))
print(row("(c) cost beyond parsing = (b) - (a)", beyond, String(format: "%.1f× the parse time (median)", beyond.median / max(parse.median, 1e-9))))
print("Where (b) goes: the same public calls, timed one by one (loading and reading use every core)")
let share = { (sample: Sample) in String(format: "%3.0f%% of (b)", 100 * sample.median / max(generate.median, 1e-9)) }
print(row("load + read  Generator.mergedSpec", stageRead, share(stageRead)))
print(row("shape  SwiftShaper.shape (names, types)", stageShape, share(stageShape)))
print(row("render the rest of (b): templates, freeing", stageRender, share(stageRender) + "; (b) - load/read - shape, per run"))
print("  peak RSS of this process after \(runs + 1) in-process runs: \(formatMB(kilobytes: selfPeak))")
print("")

// MARK: - The CLI end to end

struct CLIFigures {
    var wall = Sample()
    var cpu = Sample()
    var peakKilobytes = Sample()
    var summary = ""
}

func measureCLI(_ binary: String, corpus: String, runs: Int) -> CLIFigures? {
    let manager = FileManager.default
    let scratch = manager.temporaryDirectory.appendingPathComponent("sallagen-benchmark-cli-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: scratch) }
    var figures = CLIFigures()
    for run in 0...runs {
        // A fresh output folder every time, so every run writes all files.
        let output = scratch.appendingPathComponent("out\(run)")
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
            let result = try spawnMeasured(binary, [corpus, "-o", output.path], scratch: scratch)
            guard result.exitStatus == 0 else {
                print("  sallagen exited with status \(result.exitStatus):\n\(result.standardError.suffix(2000))")
                return nil
            }
            figures.summary = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            if run > 0 {   // run 0 is the warm-up
                figures.wall.add(result.seconds)
                figures.cpu.add(result.cpuSeconds)
                figures.peakKilobytes.add(Double(result.peakRSSKilobytes))
            }
        } catch {
            print("  \(error)")
            return nil
        }
    }
    return figures
}

let sallagenBinary = binFolder.appendingPathComponent("sallagen").path
var cli: CLIFigures?
print(pad("CLI end to end: sallagen CORPUS -o TMPDIR", 46) + padLeft("min", 10) + padLeft("median", 10))
if FileManager.default.isExecutableFile(atPath: sallagenBinary) {
    cli = measureCLI(sallagenBinary, corpus: corpus, runs: runs)
    if let cli {
        print(row("wall time", cli.wall))
        print(row("CPU time of the child (user + sys)", cli.cpu))
        print("  " + pad("peak RSS of the child (its own, by GNU time)", 44)
            + padLeft(formatMB(kilobytes: Int(cli.peakKilobytes.min)), 10) + padLeft(formatMB(kilobytes: Int(cli.peakKilobytes.median)), 10))
        print(String(format: "  wall time over libyaml's events alone (in process, one core, above): %.1f× (medians)",
                     cli.wall.median / max(events.median, 1e-9)))
        print("  it said: \(cli.summary)")
    }
} else {
    print("  skipped: no release sallagen at \(sallagenBinary); build it first (swift build -c release --product sallagen)")
}
print("")

// MARK: - Scale

if scale, FileManager.default.isExecutableFile(atPath: sallagenBinary) {
    print("Scale: synthetic APIs through the CLI (fastest of \(max(1, min(runs, 3))) runs)")
    print("  " + pad("operations", 12) + padLeft("wall", 10) + padLeft("CPU", 10) + padLeft("CPU ms / op", 13) + padLeft("peak RSS", 12) + padLeft("KB / op", 10) + padLeft("KB / op beyond the first", 26))
    let series = measureScale(sallagenBinary, sizes: [1_000, 5_000, 10_000], runs: max(1, min(runs, 3)))
    for figures in series {
        let marginal = series.first.map { first in
            figures.operations == first.operations ? "" : String(format: "%.1f", Double(figures.peakKilobytes - first.peakKilobytes) / Double(figures.operations - first.operations))
        } ?? ""
        print("  " + pad(formatCount(figures.operations), 12) + padLeft(formatSeconds(figures.seconds), 10) + padLeft(formatSeconds(figures.cpuSeconds), 10)
            + padLeft(String(format: "%.3f", 1000 * figures.cpuSeconds / Double(figures.operations)), 13)
            + padLeft(formatMB(kilobytes: figures.peakKilobytes), 12)
            + padLeft(String(format: "%.1f", Double(figures.peakKilobytes) / Double(figures.operations)), 10) + padLeft(marginal, 26))
    }
    if let first = series.first, let last = series.last, last.operations > first.operations {
        let perOperation = { (seconds: Double, figures: ScaleFigures) in seconds / Double(figures.operations) }
        print(String(format: "  per operation at %@ against %@: CPU time %.2f×, wall time %.2f× (1.00 is linear)",
                     formatCount(last.operations), formatCount(first.operations),
                     perOperation(last.cpuSeconds, last) / perOperation(first.cpuSeconds, first),
                     perOperation(last.seconds, last) / perOperation(first.seconds, first)))
    }
    print("")
}

// MARK: - Size of the generated SDK

func lineCount(_ text: String) -> Int {
    let newlines = text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    return newlines + (text.isEmpty || text.utf8.last == 10 ? 0 : 1)
}

print("Generated SDK")
var totalLines = 0
for file in warm.files {
    let lines = lineCount(file.contents)
    totalLines += lines
    print("  " + pad(file.name, 20) + padLeft(formatCount(lines), 9) + " lines" + padLeft(String(format: "%.0f KB", Double(file.contents.utf8.count) / 1024), 10))
}
print("  " + pad("total", 20) + padLeft(formatCount(totalLines), 9) + " lines")
let runtimeFolder = packageRoot.appendingPathComponent("Sources/SallaRuntime")
let runtimeLines = ((try? FileManager.default.contentsOfDirectory(atPath: runtimeFolder.path)) ?? [])
    .filter { $0.hasSuffix(".swift") }
    .reduce(0) { $0 + lineCount((try? String(contentsOfFile: runtimeFolder.appendingPathComponent($1).path, encoding: .utf8)) ?? "") }
print("  (plus the hand-written SallaRuntime library it imports: \(formatCount(runtimeLines)) lines)")
print("")

// MARK: - Debug build of the generated SDK

struct BuildFigures {
    var first: Double
    var sdkOnly: Double
    /// `swift build -c release --target SallaSDK` after the debug builds: SallaRuntime, then the SDK.
    var release: Double?
    var warnings: Int
}

/// A throwaway package: SallaRuntime (a link to this package's sources) and SallaSDK (the generated
/// files). One full build, then the SDK files change and `--target SallaSDK` times the SDK alone.
func measureBuild(_ generated: [(name: String, contents: String)], runtime: URL) -> BuildFigures? {
    let manager = FileManager.default
    let package = manager.temporaryDirectory.appendingPathComponent("sallagen-benchmark-sdk-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: package) }
    do {
        let sdk = package.appendingPathComponent("Sources/SallaSDK")
        try manager.createDirectory(at: sdk, withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: package.appendingPathComponent("Sources/SallaRuntime"), withDestinationURL: runtime)
        try Data("""
            // swift-tools-version: 6.0
            import PackageDescription
            let package = Package(name: "sdk", dependencies: [
                .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
                .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
            ], targets: [
                .target(name: "SallaRuntime", dependencies: [
                    .product(name: "HTTPTypes", package: "swift-http-types"),
                    .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
                    .product(name: "Logging", package: "swift-log"),
                ]),
                .target(name: "SallaSDK", dependencies: ["SallaRuntime"]),
            ])

            """.utf8).write(to: package.appendingPathComponent("Package.swift"))
        for file in generated { try Data(file.contents.utf8).write(to: sdk.appendingPathComponent(file.name)) }

        let first = try runProcess(["swift", "build", "--package-path", package.path])
        guard first.status == 0 else {
            print("  the generated SDK does not compile:\n\(first.output.suffix(3000))")
            return nil
        }
        // A changed comment is a real edit whatever the build system compares (times or contents).
        for file in generated {
            try Data((file.contents + "// rebuilt by sallagen-benchmark \(UUID().uuidString)\n").utf8).write(to: sdk.appendingPathComponent(file.name))
        }
        let again = try runProcess(["swift", "build", "--package-path", package.path, "--target", "SallaSDK"])
        guard again.status == 0 else {
            print("  the SDK rebuild failed:\n\(again.output.suffix(3000))")
            return nil
        }
        guard again.output.contains("Compiling") else {
            print("  note: the SDK rebuild compiled nothing; its time means nothing")
            return BuildFigures(first: first.seconds, sdkOnly: again.seconds, release: nil, warnings: 0)
        }
        let warningLines = Set(again.output.split(separator: "\n").filter { $0.contains(": warning: ") })
        let release = try runProcess(["swift", "build", "-c", "release", "--package-path", package.path, "--target", "SallaSDK"])
        if release.status != 0 { print("  the release build failed:\n\(release.output.suffix(3000))") }
        return BuildFigures(first: first.seconds, sdkOnly: again.seconds, release: release.status == 0 ? release.seconds : nil,
                            warnings: warningLines.count)
    } catch {
        print("  cannot set up the build package: \(error)")
        return nil
    }
}

var build: BuildFigures?
printCodec(runs: runs)

print("Builds of the generated SDK (swift build, throwaway package)")
if compile {
    build = measureBuild(warm.files.map { ($0.name, $0.contents) }, runtime: runtimeFolder)
    if let build {
        print("  " + pad("first build (manifest, SallaRuntime, SallaSDK)", 54) + padLeft(formatSeconds(build.first), 9))
        print("  " + pad("SDK alone (swift build --target SallaSDK, files edited)", 54) + padLeft(formatSeconds(build.sdkOnly), 9)
            + "   \(build.warnings) compiler warnings")
        if let release = build.release {
            print("  " + pad("release build (-c release --target SallaSDK, runtime included)", 54) + padLeft(formatSeconds(release), 9))
        }
    }
} else {
    print("  skipped (--no-compile)")
}
print("")

// MARK: - Beside swift-openapi-generator

/// "12× faster" or "1.4× faster": whole numbers once the ratio reaches ten.
func ratio(_ theirs: Double, _ ours: Double, _ what: String) -> String {
    let value = theirs / max(ours, 1e-9)
    return (value >= 10 ? String(format: "%.0f×", value) : String(format: "%.1f×", value)) + " " + what
}

func compareRow(_ label: String, _ ours: String, _ theirs: String, _ note: String) -> String {
    "  " + pad(label, 40) + padLeft(ours, 10) + padLeft(theirs, 15) + "   " + note
}

print("Beside apple/swift-openapi-generator (its figures from the issue, on a merged copy of the Salla corpus)")
if !isSallaCorpus { print("  (this run used another corpus, so the two columns do not measure the same input)") }
print("  " + pad("", 40) + padLeft("sallagen", 10) + padLeft("swift-openapi", 15))
if let cli {
    print(compareRow("generate the whole corpus (CLI)", formatSeconds(cli.wall.median), formatSeconds(reference.seconds),
                     ratio(reference.seconds, cli.wall.median, "faster (median run)")))
    let peak = cli.peakKilobytes.median / 1024
    print(compareRow("peak memory (CLI)", String(format: "%.1f MB", peak), String(format: "%.0f MB", reference.megabytes),
                     ratio(reference.megabytes, peak, "less")))
} else {
    print(compareRow("generate the whole corpus (in process)", formatSeconds(generate.median), formatSeconds(reference.seconds),
                     ratio(reference.seconds, generate.median, "faster (median run)")))
}
print(compareRow("generated lines", formatCount(totalLines), formatCount(reference.lines),
                 ratio(Double(reference.lines), Double(totalLines), "fewer")))
if let build {
    print(compareRow("debug build of the SDK", formatSeconds(build.sdkOnly), formatSeconds(reference.debugBuild),
                     ratio(reference.debugBuild, build.sdkOnly, "faster (SDK target alone)")))
}
print(compareRow("parsing share of generation", String(format: "%.0f%%", 100 * parse.median / max(generate.median, 1e-9)), "",
                 "(a) / (b), medians"))
