/// One resource record: owner, type, class, TTL and RDATA in uncompressed wire form.
public struct Record: Sendable, Hashable {
    public var owner: DNSName
    public var type: RRType
    public var rrClass: RRClass
    public var ttl: UInt32
    public var rdata: [UInt8]

    public init(owner: DNSName, type: RRType, rrClass: RRClass = .in, ttl: UInt32, rdata: [UInt8]) {
        self.owner = owner
        self.type = type
        self.rrClass = rrClass
        self.ttl = ttl
        self.rdata = rdata
    }

    /// Parses one record from uncompressed wire form at `offset`, advancing it.
    public init(wire: [UInt8], offset: inout Int) throws(DNSModelError) {
        var reader = ByteReader(wire, offset: offset, context: "resource record")
        owner = try reader.name()
        type = RRType(try reader.u16())
        rrClass = RRClass(try reader.u16())
        ttl = try reader.u32()
        let length = Int(try reader.u16())
        rdata = try reader.take(length)
        offset = reader.offset
    }

    /// Uncompressed wire form.
    public var wire: [UInt8] {
        var writer = ByteWriter()
        writer.append(owner.wire)
        writer.u16(type.rawValue)
        writer.u16(rrClass.rawValue)
        writer.u32(ttl)
        writer.u16(UInt16(rdata.count))
        writer.append(rdata)
        return writer.bytes
    }

    /// The RRset this record belongs to is identified by owner, type and class.
    public var rrsetKey: RRsetKey { RRsetKey(owner: owner, type: type, rrClass: rrClass) }
}

public struct RRsetKey: Sendable, Hashable {
    public var owner: DNSName
    public var type: RRType
    public var rrClass: RRClass
}

/// Records sharing owner, type and class (RFC 2181 §5).
public struct RRset: Sendable, Hashable {
    public var owner: DNSName
    public var type: RRType
    public var rrClass: RRClass
    public var ttl: UInt32
    public var rdatas: [[UInt8]]

    public init(owner: DNSName, type: RRType, rrClass: RRClass = .in, ttl: UInt32, rdatas: [[UInt8]]) {
        self.owner = owner
        self.type = type
        self.rrClass = rrClass
        self.ttl = ttl
        self.rdatas = rdatas
    }

    public var records: [Record] {
        rdatas.map { Record(owner: owner, type: type, rrClass: rrClass, ttl: ttl, rdata: $0) }
    }

    /// Groups records into RRsets in first-seen order; duplicate RDATA is
    /// dropped and the RRset TTL is the smallest seen (RFC 2181 §5.2).
    public static func group(_ records: [Record]) -> [RRset] {
        var order: [RRsetKey] = []
        var sets: [RRsetKey: RRset] = [:]
        for record in records {
            let key = record.rrsetKey
            if var existing = sets[key] {
                if !existing.rdatas.contains(record.rdata) { existing.rdatas.append(record.rdata) }
                existing.ttl = min(existing.ttl, record.ttl)
                sets[key] = existing
            } else {
                order.append(key)
                sets[key] = RRset(owner: record.owner, type: record.type, rrClass: record.rrClass,
                                  ttl: record.ttl, rdatas: [record.rdata])
            }
        }
        return order.compactMap { sets[$0] }
    }
}
