// libFuzzer target: bytes from a server → the model.
//
// Each input is taken as a DNS message as it arrives from an authoritative
// server and goes through every parser the product runs on answers:
//   - `WireFormat.parseMessage` (ldns's wire2pkt, then the Swift records),
//     the path of every UDP and TCP answer (ResponseMatcher) and of every
//     exchange replayed from a capture;
//   - the message's records re-encoded and parsed again, as
//     MutatedCaptureTests and the lab's scripted answers do;
//   - every typed RDATA view (DNSKEY, DS, RRSIG, NSEC, NSEC3, NSEC3PARAM,
//     SOA, names, addresses) over every record's RDATA, whatever its type,
//     and the ldns computations the analysis feeds them to (key tag, DS
//     digest, NSEC3 hash), the presentation-format rendering of each record;
//   - the pure-Swift parsers on the raw bytes themselves: `Record(wire:)`,
//     the RDATA views, EDNS options.
// Anything thrown is fine (the input is hostile); a trap or a sanitizer
// report is a bug in the product. Built only by scripts/fuzz.
import DNSModel
import LDNSBridge

/// The one place this target sees an unsafe pointer: libFuzzer's entry point
/// copies the input into a [UInt8] at once (the project's rule: only the
/// bridge targets handle unsafe pointers), and everything after works on the array.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWireFormatEntry(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    fuzzWireFormat(bytes)
    return 0
}

func fuzzWireFormat(_ bytes: [UInt8]) {
    rawParsers(bytes)
    guard let message = try? WireFormat.parseMessage(bytes) else { return }
    inspect(message)
    // Re-encode what was parsed (how tests and mutations rebuild answers) and read it back.
    if let again = try? WireFormat.encode(message), let reparsed = try? WireFormat.parseMessage(again) {
        inspect(reparsed)
    }
}

/// The Swift decoders straight on the bytes: a record stream, every RDATA view, EDNS options.
func rawParsers(_ bytes: [UInt8]) {
    var offset = 0
    var records = 0
    while offset < bytes.count, records < 64, let record = try? Record(wire: bytes, offset: &offset) {
        records += 1
        rdataViews(record)
    }
    rdataViews(Record(owner: .root, type: .dnskey, ttl: 0, rdata: bytes))
    _ = try? EDNS.parseOptions(bytes)
}

func inspect(_ message: Message) {
    sink(message.flags.description)
    sink(message.rcode.description)
    for question in message.questions { sink(question.description) }
    for record in message.answer + message.authority + message.additional {
        rdataViews(record)
        sink(Presentation.render(record))
        sink(record.owner.canonicalWire.count)
        _ = record.owner.lineage
    }
    _ = RRset.group(message.answer + message.authority + message.additional)
    if let edns = message.edns {
        for error in edns.extendedErrors { sink(error.description) }
    }
}

/// Every typed view over one RDATA, whatever the record's type says: a
/// hostile server can put any bytes under any type, and the analysis
/// decodes what it finds.
func rdataViews(_ record: Record) {
    let rdata = record.rdata
    if let key = try? DNSKEYData(rdata: rdata) {
        sink(key.rdata.count)
        sink(LDNSCrypto.keyTag(dnskeyRDATA: rdata))
        let dnskey = Record(owner: record.owner, type: .dnskey, rrClass: record.rrClass, ttl: record.ttl, rdata: rdata)
        for digest in [DigestType(1), DigestType(2), DigestType(4)] {
            _ = try? LDNSCrypto.dsDigest(owner: record.owner, dnskey: dnskey, digestType: digest)
        }
    }
    if let ds = try? DSData(rdata: rdata) { sink(ds.rdata.count) }
    if let sig = try? RRSIGData(rdata: rdata) { sink(sig.signerName.description) }
    if let nsec = try? NSECData(rdata: rdata) { sink(nsec.nextDomainName.description + "\(nsec.types)") }
    if let nsec3 = try? NSEC3Data(rdata: rdata) {
        sink(Encodings.base32hex(nsec3.nextHashedOwner))
        // Bounded: the analysis judges iterations before hashing (docs/limits.md).
        if nsec3.iterations <= 150 {
            _ = try? LDNSCrypto.nsec3Hash(of: record.owner, iterations: nsec3.iterations, salt: nsec3.salt)
        }
    }
    if let param = try? NSEC3PARAMData(rdata: rdata) { sink(param.salt.count) }
    if let soa = try? SOAData(rdata: rdata) { sink(soa.primary.description) }
    if let name = try? NameData(rdata: rdata) { sink(name.target.description) }
    for type in [RRType.a, .aaaa] { sink(AddressData.text(type: type, rdata: rdata) ?? "") }
    sink(Encodings.hex(rdata))
    if let label = record.owner.labels.first { _ = Encodings.fromBase32hex(label) }
}

/// Keeps results alive so the optimizer cannot drop the work that made them.
@inline(never)
func sink<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
