internal import CLibXML2

/// The one place where Accord touches libxml2's process-wide state.
///
/// libxml2 2.9 has no per-parse control over external resources: the external entity
/// loader is process-wide. Accord installs its own loader once, and that loader only
/// acts on threads that are inside an Accord operation (marked with a thread-specific
/// key); on every other thread it hands the request to the loader that was installed
/// before, so a host program that uses libxml2 itself sees no change.
///
/// Inside an Accord operation the loader refuses everything (entities, DTDs, XInclude,
/// schema imports), except the W3C `xml.xsd` that the schemas import, which it serves
/// from the copy embedded in the binary. Refused loads are recorded in the operation's
/// ``LibXML/Scope`` so that they can be reported: libxml2 raises no error of its own.
enum LibXML {
    /// Work done once per process: `xmlInitParser` and the loader installation.
    private static let initialised: Void = {
        xmlInitParser()
        previousLoader = LoaderBox(loader: xmlGetExternalEntityLoader())
        xmlSetExternalEntityLoader(accordEntityLoader)
    }()

    /// Runs `body` on this thread as an Accord operation: external loads are refused and
    /// recorded in the scope passed to `body`.
    static func withScope<T>(_ body: (Scope) throws -> T) rethrows -> T {
        _ = initialised
        let scope = Scope()
        let previous = pthread_getspecific(scopeKey)
        pthread_setspecific(scopeKey, Unmanaged.passUnretained(scope).toOpaque())
        defer { pthread_setspecific(scopeKey, previous) }
        return try withExtendedLifetime(scope) { try body(scope) }
    }

    /// What happened during one Accord operation on one thread.
    final class Scope {
        /// Every external resource libxml2 asked for and was refused.
        var refusedLoads: [String] = []
    }
}

/// The thread-specific key that marks a thread as inside an Accord operation.
private let scopeKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()

private struct LoaderBox: @unchecked Sendable {
    let loader: xmlExternalEntityLoader?
}

/// Written once, inside `LibXML.initialised`, before the Accord loader can run.
nonisolated(unsafe) private var previousLoader = LoaderBox(loader: nil)

private let accordEntityLoader: xmlExternalEntityLoader = { url, id, context in
    guard let marker = pthread_getspecific(scopeKey) else {
        return previousLoader.loader?(url, id, context)
    }
    let scope = Unmanaged<LibXML.Scope>.fromOpaque(marker).takeUnretainedValue()
    let requested = url.map { String(cString: $0) } ?? id.map { String(cString: $0) } ?? "(unnamed)"
    if requested == "xml.xsd" || requested.hasSuffix("/xml.xsd") {
        return EmbeddedSchemas.xmlNamespaceSchema.withUnsafeBufferPointer { bytes in
            let buffer = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlParserInputBufferCreateMem($0, Int32(bytes.count), XML_CHAR_ENCODING_UTF8)
            }
            return xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_UTF8)
        }
    }
    scope.refusedLoads.append(requested)
    return nil
}
