/// Rewrites a broken XML document so that libxml2's recovery mode loses as little as possible.
///
/// Once libxml2 2.9 has seen one well-formedness error it silently drops every
/// later named entity reference, `&amp;` included, while numeric references
/// survive. So before the recovering parse every named reference becomes a
/// numeric one (`&amp;` → `&#38;`, `&eacute;` → `&#233;`), a reference to an
/// unknown or feed-declared entity and a bare `&` become literal text
/// (`&#38;foo;`), and control characters XML forbids are dropped. CDATA
/// sections are copied untouched. Line numbers are kept, so errors reported
/// on the repaired document point at the original lines.
enum XMLRepair {
    /// The repaired copy of `document`.
    static func repair(_ document: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(document.count + document.count / 32)
        let count = document.count
        var index = 0
        var runStart = 0
        func flush(upTo end: Int) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: document[runStart..<end]))
        }
        while index < count {
            let byte = document[index]
            if byte == UInt8(ascii: "<"), startsCDATA(document, at: index) {
                let end = endOfCDATA(document, from: index + 9)
                index = end
                continue
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                flush(upTo: index)
                index += 1
                runStart = index
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                index += 1
                continue
            }
            flush(upTo: index)
            let (replacement, next) = numericReference(document, at: index)
            output.append(contentsOf: replacement.utf8)
            index = next
            runStart = index
        }
        flush(upTo: count)
        return output
    }

    /// The numeric form of the reference at `start` and the index after it.
    private static func numericReference(_ document: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int) {
        var end = start + 1
        while end < document.count, end - start <= 40, isNameByte(document[end]) { end += 1 }
        let literal = ("&#38;", start + 1)
        guard end < document.count, document[end] == UInt8(ascii: ";"), end > start + 1 else { return literal }
        let name = String(decoding: UnsafeBufferPointer(rebasing: document[(start + 1)..<end]), as: UTF8.self)
        if name.hasPrefix("#") {
            // Already numeric: written again in decimal if it reads as a
            // number, so HTML's `&#X41;` (capital X, which XML forbids) works.
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16)
                : UInt32(digits, radix: 10)
            return value.map { ("&#\($0);", end + 1) } ?? literal
        }
        let scalar: Unicode.Scalar?
        switch name {
        case "amp": scalar = "&"
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        default: scalar = HTMLEntities.scalar(named: name)
        }
        guard let scalar else { return literal }
        return ("&#\(scalar.value);", end + 1)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "#"), UInt8(ascii: "_"),
             UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    private static func startsCDATA(_ document: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let marker = Array("<![CDATA[".utf8)
        guard index + marker.count <= document.count else { return false }
        for offset in 0..<marker.count where document[index + offset] != marker[offset] { return false }
        return true
    }

    /// The index after the `]]>` ending a CDATA section, or the end.
    private static func endOfCDATA(_ document: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index + 2 < document.count {
            if document[index] == UInt8(ascii: "]") && document[index + 1] == UInt8(ascii: "]")
                && document[index + 2] == UInt8(ascii: ">")
            {
                return index + 3
            }
            index += 1
        }
        return document.count
    }
}
