import DNSModel
import Foundation

/// Writes a capture to its file as the run goes: the header when the run
/// starts, each exchange as it completes, the end time last, so a batch
/// with `-o` holds no exchange in memory. The file is the same JSON object
/// `Capture.load` reads (docs/capture-format.md); only the key order differs
/// from `Capture.encoded()`.
final class CaptureWriter: @unchecked Sendable {
    private let handle: FileHandle
    private let closesHandle: Bool
    private let path: String
    private let lock = NSLock()
    private var buffer = Data()
    private var count = 0
    private var failure: String?
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Opens `path` ("-" for standard output) and writes the header.
    init(path: String, tool: String, startTime: Double, names: [DNSName], types: [RRType],
         trustAnchors: [String], rootHints: [String], undelegated: Undelegated? = nil) throws {
        self.path = path
        if path == "-" {
            handle = FileHandle.standardOutput
            closesHandle = false
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let opened = FileHandle(forWritingAtPath: path) else {
                throw ToolFailure("cannot write capture \(path): cannot create the file")
            }
            handle = opened
            closesHandle = true
        }
        var header = "{\n"
        header += "  \"formatVersion\" : \(try json(Capture.currentFormatVersion)),\n"
        header += "  \"tool\" : \(try json(tool)),\n"
        header += "  \"startTime\" : \(try json(startTime)),\n"
        header += "  \"names\" : \(try json(names)),\n"
        header += "  \"types\" : \(try json(types)),\n"
        header += "  \"trustAnchors\" : \(try json(trustAnchors)),\n"
        header += "  \"rootHints\" : \(try json(rootHints)),\n"
        if let undelegated { header += "  \"undelegated\" : \(try json(undelegated)),\n" }
        header += "  \"exchanges\" : ["
        append(Data(header.utf8))
    }

    private func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One completed exchange (any thread).
    func add(_ exchange: Exchange) {
        guard let encoded = try? encoder.encode(exchange) else { return }
        lock.withLock {
            buffer.append(contentsOf: Array((count == 0 ? "\n    " : ",\n    ").utf8))
            buffer.append(encoded)
            count += 1
            if buffer.count >= 1 << 16 { flushLocked() }
        }
    }

    /// Writes the end time and closes the file; returns the number of exchanges.
    func finish(endTime: Double) throws -> Int {
        let tail = "\n  ],\n  \"endTime\" : \(try json(endTime))\n}\n"
        return try lock.withLock {
            buffer.append(contentsOf: Array(tail.utf8))
            flushLocked()
            if closesHandle { try? handle.close() }
            if let failure { throw ToolFailure("cannot write capture \(path): \(failure)") }
            return count
        }
    }

    private func append(_ data: Data) {
        lock.withLock {
            buffer.append(data)
            flushLocked()
        }
    }

    private func flushLocked() {
        guard !buffer.isEmpty, failure == nil else { return }
        do { try handle.write(contentsOf: buffer) } catch { failure = error.localizedDescription }
        buffer.removeAll(keepingCapacity: true)
    }
}
