import CLibXML2

/// Reads documents in an EBCDIC code page (IBM037, IBM500, IBM1140, …).
/// libxml2 decodes them through iconv once told which page it is.
///
/// Such a document starts with `<?xm` as the bytes 4C 6F A7 94 (XML 1.0,
/// Appendix F). Its declaration is read in code page 037: every EBCDIC page
/// spells the letters, digits and punctuation of a declaration alike, so the
/// declaration names the page before the page is known. Labels iconv does
/// not know (Python's `ebcdic_cp_us`, `ibm039`) are tried with `_` written
/// as `-`, and then read as IBM037, the page most of them alias.
enum EBCDICDocument {
    /// Whether the document starts the way an EBCDIC XML document does.
    static func isEBCDIC(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94])
    }

    /// The document as UTF-8, in the page its declaration names, else IBM037; nil when libxml2 cannot transcode.
    /// An HTTP charset is not consulted: the bytes show the document is in
    /// EBCDIC, which no server's label says.
    static func decode(_ bytes: [UInt8]) -> UTF8Document? {
        let head = transcode(Array(bytes.prefix(512)), from: "IBM037")?.bytes
        let declared = head.flatMap(DocumentEncoding.declaredCharset)
        for label in [declared, declared?.replacingUnderscores, "IBM037"].compactMap({ $0 }) {
            guard let (output, replaced) = transcode(bytes, from: label) else { continue }
            let note = replaced == 0 ? nil : "\(replaced) byte(s) are not \(label); replaced with U+FFFD"
            return UTF8Document(bytes: output, charset: label.lowercased(), note: note)
        }
        return nil
    }

    private static let libxml2Ready: Void = xmlInitParser()

    private static func transcode(_ bytes: [UInt8], from label: String) -> (bytes: [UInt8], replaced: Int32)? {
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) / 4 else { return nil }
        _ = libxml2Ready
        var replaced: Int32 = 0
        let buffer = bytes.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { chars in
                fs_xml_transcode_to_utf8_lossy(label, chars.baseAddress, Int32(chars.count), &replaced)
            }
        }
        guard let buffer else { return nil }
        defer { xmlBufferFree(buffer) }
        let output = Array(UnsafeRawBufferPointer(start: fs_xml_buffer_bytes(buffer), count: Int(xmlBufferLength(buffer))))
        return (output, replaced)
    }
}

private extension String {
    var replacingUnderscores: String? {
        contains("_") ? String(map { $0 == "_" ? "-" : $0 }) : nil
    }
}
