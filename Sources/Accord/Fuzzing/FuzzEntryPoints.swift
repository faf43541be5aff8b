/// Entry points for the fuzz targets of `Fuzz/` (see `Fuzz/README.md`): each hands bytes to
/// one parser of untrusted input the way production code calls it, with its real limits.
///
/// This is SPI, not public API: hosts must not use it, and it may change at any time. The
/// fuzz targets import it with `@_spi(Fuzzing) import Accord`. Nothing here changes what
/// the library does; every function only calls what the library already runs on received
/// bytes, and returns a small summary so that the work cannot be optimised away.
@_spi(Fuzzing)
public enum FuzzEntryPoints {
    /// A record given as XML: safe parse, root and version, the schema, the model, the
    /// rules (``RecordValidator/validate(_:file:)``). Returns the number of diagnostics.
    public static func recordXML(_ bytes: [UInt8]) -> Int {
        RecordValidator().validate(bytes, file: "fuzz.xml").diagnostics.count
    }

    /// A record given as JSON (``RecordValidator/validateJSON(_:file:)``): JSON syntax, its
    /// structure, then the XML path above on the XML made from it. Returns the number of
    /// diagnostics.
    public static func recordJSON(_ bytes: [UInt8]) -> Int {
        RecordValidator().validateJSON(bytes, file: "fuzz.json").diagnostics.count
    }

    /// The envelope tag file, both ways a bundle check reads it: from memory (a bag read
    /// the held way, `BagChecker`) and from a scratch file through libxml2's I/O callbacks
    /// (a bag in bundle order, `PayloadMerge`), with the envelope limits of
    /// ``BundleLimits/default``. Returns the number of diagnostics of both.
    public static func envelope(_ bytes: [UInt8]) -> Int {
        let limits = BundleLimits.default.envelope
        let location = SourceLocation(file: "fuzz.tar.gz", entry: BagLayout.envelope)
        var count = EnvelopeValidator.validate(bytes, location: location, limits: limits).1.count
        if let spool = try? SpoolFile(folder: SpoolFile.temporaryFolder), (try? spool.append(bytes)) != nil,
           let (_, diagnostics) = try? EnvelopeValidator.validate(spool, location: location, limits: limits) {
            count += diagnostics.count
        }
        return count
    }

    /// A signature file (`accord-signatures/NAME.xml`): the safe parse, the signature
    /// schema, the statement and the Base64 value, as `BagChecker` reads it; and the bytes
    /// as a statement text alone, which the XML path reaches only through the schema.
    /// Returns 1 for each form that was accepted.
    public static func signatureFile(_ bytes: [UInt8]) -> Int {
        let location = SourceLocation(file: "fuzz.tar.gz", entry: "\(BundleSignatureFile.folder)FUZZ.xml")
        var accepted = BundleSignatureFile.read(bytes, location: location) == nil ? 0 : 1
        if let text = String(validating: bytes, as: UTF8.self), SignatureStatement(text: text) != nil {
            accepted += 1
        }
        return accepted
    }

    /// A tar archive (not compressed), read entry by entry with every entry's data read to
    /// its end, as a bundle check does, with the default ``ArchiveLimits``: once as a bag
    /// in any order and once requiring bundle order. Returns the number of entries read.
    public static func tar(_ bytes: [UInt8]) -> Int {
        var entries = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { buffer.deallocate() }
        for inBundleOrder in [false, true] {
            let reader = TarReader(source: MemoryByteSource(bytes), limits: ArchiveLimits(), inBundleOrder: inBundleOrder)
            do throws(ArchiveError) {
                while try reader.next() != nil {
                    entries += 1
                    while try reader.read(into: buffer) > 0 {}
                }
            } catch {
                _ = error.description
            }
        }
        return entries
    }

    /// A gzip stream, inflated to its end with the default ``ArchiveLimits`` (size and
    /// compression ratio). Returns the number of bytes inflated.
    public static func gzip(_ bytes: [UInt8]) -> Int {
        let reader = GzipReader(source: MemoryByteSource(bytes), limits: ArchiveLimits())
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        do throws(ArchiveError) {
            while true {
                let count = try reader.read(into: buffer)
                if count == 0 { break }
                total += count
            }
        } catch {
            _ = error.description
        }
        return total
    }

    /// BagIt tag files: the bytes as `bagit.txt` or `bag-info.txt` (``BagInfo``, with
    /// `Payload-Oxum`), and as a SHA-512 manifest, parsed whole (`Manifest.parse`, as
    /// `BagChecker` does) and streamed in two chunks split where the first byte says
    /// (`ManifestReader`, as `PayloadMerge` does). Returns the number of fields, lines and
    /// problems found.
    public static func bagitTagFile(_ bytes: [UInt8]) -> Int {
        let (info, infoProblems) = BagInfo.parse(bytes)
        var count = info.fields.count + infoProblems.count
        if let oxum = info.value("Payload-Oxum"), BagInfo.parseOxum(oxum) != nil { count += 1 }
        let (manifest, manifestProblems) = Manifest.parse(bytes)
        count += manifest.entries.count + manifestProblems.count

        let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        var chunks: [ArraySlice<UInt8>] = [bytes[..<split], bytes[split...]]
        var reader = ManifestReader {
            chunks.isEmpty ? nil : chunks.removeFirst()
        }
        while reader.next() != nil { count += 1 }
        return count
    }

    /// A whole bundle from bytes (``BundleValidator/validate(_:progress:)`` of
    /// ``BundleSource/bytes(_:name:)``) with the default limits and policy. Returns the
    /// number of diagnostics, or -1 if the bundle could not be read at all.
    public static func bundle(_ bytes: [UInt8]) -> Int {
        do {
            return try BundleValidator().validate(.bytes(bytes, name: "fuzz.tar.gz")).diagnostics.count
        } catch {
            return -1
        }
    }

    // MARK: Seeds

    /// The inflated bytes of a gzip stream (the tar archive of a bundle), for the seed
    /// corpora of the tar target; nil if it is not valid gzip within the default limits.
    public static func inflated(_ bytes: [UInt8]) -> [UInt8]? {
        let reader = GzipReader(source: MemoryByteSource(bytes), limits: ArchiveLimits())
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { buffer.deallocate() }
        do throws(ArchiveError) {
            while true {
                let count = try reader.read(into: buffer)
                if count == 0 { return out }
                out += buffer[..<count]
            }
        } catch {
            return nil
        }
    }

    /// The files of a bundle (`.tar.gz` bytes), each with its path relative to the bag, for
    /// the seed corpora of the tag-file, envelope and signature targets; nil if the archive
    /// is refused.
    public static func files(ofBundle bytes: [UInt8]) -> [(path: String, bytes: [UInt8])]? {
        let reader = TarReader(source: GzipReader(source: MemoryByteSource(bytes), limits: ArchiveLimits()), limits: ArchiveLimits())
        var files: [(path: String, bytes: [UInt8])] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { buffer.deallocate() }
        do throws(ArchiveError) {
            while let entry = try reader.next() {
                var data: [UInt8] = []
                while true {
                    let count = try reader.read(into: buffer)
                    if count == 0 { break }
                    data += buffer[..<count]
                }
                guard entry.kind == .file else { continue }
                // Paths relative to the bag: without the one top-level folder.
                let path = entry.path.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? entry.path
                files.append((path, data))
            }
        } catch {
            return nil
        }
        return files
    }
}
