import CYAML
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Timing

let clock = ContinuousClock()

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Runs `body` once and returns how long it took in seconds, with what it returned.
func timed<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
    let start = clock.now
    let value = try body()
    return ((clock.now - start).seconds, value)
}

/// Minimum and median of repeated measurements.
struct Sample {
    var values: [Double] = []

    mutating func add(_ value: Double) { values.append(value) }

    var min: Double { values.min() ?? 0 }
    var max: Double { values.max() ?? 0 }
    var median: Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Seconds with enough digits to compare a 20 ms stage with a 300 ms pipeline.
func formatSeconds(_ value: Double) -> String {
    value < 10 ? String(format: "%.3f s", value) : String(format: "%.1f s", value)
}

func formatMB(kilobytes: Int) -> String { String(format: "%.1f MB", Double(kilobytes) / 1024) }

func formatCount(_ value: Int) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.groupingSeparator = ","
    formatter.usesGroupingSeparator = true
    return formatter.string(from: NSNumber(value: value)) ?? String(value)
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

// MARK: - Memory

/// Peak resident set size of this process so far, in kilobytes (Linux reports ru_maxrss in KB).
func selfPeakRSSKilobytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return 0 }
    #if canImport(Darwin)
    return Int(usage.ru_maxrss) / 1024   // bytes on Darwin
    #else
    return Int(usage.ru_maxrss)
    #endif
}

// MARK: - Child processes

struct SpawnResult {
    var exitStatus: Int32
    var seconds: Double
    /// The child's own peak resident set size from `wait4`, in kilobytes.
    var peakRSSKilobytes: Int
    /// User plus system CPU time of the child, from `wait4`: what the run cost whatever else the machine did.
    var cpuSeconds: Double
    var standardOutput: String
    var standardError: String
}

enum SpawnError: Error, CustomStringConvertible {
    case failed(String, Int32)
    var description: String {
        switch self {
        case .failed(let path, let code): "cannot start \(path): \(String(cString: strerror(code)))"
        }
    }
}

/// Starts `path` with `arguments` through posix_spawn and reaps it with wait4, which hands back the
/// child's resource usage (Foundation's Process reaps its children itself, so its rusage is lost).
/// Output goes to files in `scratch` and is read back afterwards.
/// The peak memory wait4 reports for a child of this process includes this process's own: posix_spawn
/// starts the child in the parent's memory, and the high-water mark survives exec. GNU time forks the
/// measured program from its own small process, so its figure is the program's alone.
let gnuTime = "/usr/bin/time"

func spawnMeasured(_ path: String, _ arguments: [String], scratch: URL) throws -> SpawnResult {
    let memoryPath = scratch.appendingPathComponent("maxrss.txt").path
    guard !FileManager.default.isExecutableFile(atPath: gnuTime) else {
        var result = try spawnWaited(gnuTime, ["-f", "%M", "-o", memoryPath, path] + arguments, scratch: scratch)
        let reported = (try? String(contentsOfFile: memoryPath, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        result.peakRSSKilobytes = reported ?? result.peakRSSKilobytes
        return result
    }
    return try spawnWaited(path, arguments, scratch: scratch)
}

private func spawnWaited(_ path: String, _ arguments: [String], scratch: URL) throws -> SpawnResult {
    let outPath = scratch.appendingPathComponent("stdout.txt").path
    let errPath = scratch.appendingPathComponent("stderr.txt").path
    #if canImport(Darwin)
    var actions: posix_spawn_file_actions_t?   // an opaque pointer on Darwin
    #else
    var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for pointer in argv { free(pointer) }
        for pointer in envp { free(pointer) }
    }

    var pid = pid_t()
    let start = clock.now
    let code = posix_spawn(&pid, path, &actions, nil, argv, envp)
    guard code == 0 else { throw SpawnError.failed(path, code) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    let seconds = (clock.now - start).seconds

    // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    #if canImport(Darwin)
    let peak = Int(usage.ru_maxrss) / 1024
    #else
    let peak = Int(usage.ru_maxrss)
    #endif
    let cpu = [usage.ru_utime, usage.ru_stime].reduce(0.0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
    let read = { (file: String) in (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }
    return SpawnResult(
        exitStatus: exitStatus, seconds: seconds, peakRSSKilobytes: peak, cpuSeconds: cpu,
        standardOutput: read(outPath), standardError: read(errPath))
}

/// Runs a program through Foundation's Process, stdout and stderr captured together.
func runProcess(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String, seconds: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let start = clock.now
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self), (clock.now - start).seconds)
}

// MARK: - libyaml alone

/// Pulls every event out of libyaml for one file and builds nothing: the floor any YAML-based
/// generator pays. Returns the number of events, or nil when libyaml reports an error.
func scanEvents(_ bytes: UnsafeRawBufferPointer) -> Int? {
    let input = bytes.bindMemory(to: UInt8.self)
    guard let base = input.baseAddress, !input.isEmpty else { return nil }
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) != 0 else { return nil }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_input_string(parser, base, input.count)
    var event = yaml_event_t()
    var count = 0
    while yaml_parser_parse(parser, &event) != 0 {
        let type = event.type
        yaml_event_delete(&event)
        count += 1
        if type == YAML_STREAM_END_EVENT { return count }
    }
    return nil
}
