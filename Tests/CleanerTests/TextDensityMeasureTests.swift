import Testing
@testable import Cleaner

/// `TextDensity.measure` counts eight ASCII bytes at a time: it must count
/// exactly what reading one byte at a time counts.
@Suite struct TextDensityMeasureTests {
    /// The byte-at-a-time count: white space runs count one, continuation
    /// bytes none, and Latin and CJK sentence marks are marks.
    static func reference(_ bytes: [UInt8]) -> (length: Int, marks: Int) {
        var length = 0, marks = 0, inSpace = false
        for (index, byte) in bytes.enumerated() {
            if [0x09, 0x0A, 0x0D, 0x20].contains(byte) {
                if !inSpace { length += 1 }
                inSpace = true
                continue
            }
            inSpace = false
            if byte & 0xC0 != 0x80 { length += 1 }
            if [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(byte) { marks += 1 }
            if index >= 2 {
                let lead = Array(bytes[(index - 2)...index])
                if [[0xE3, 0x80, 0x82], [0xE3, 0x80, 0x81], [0xEF, 0xBC, 0x8C], [0xEF, 0xBC, 0x81], [0xEF, 0xBC, 0x9F]]
                    .contains(lead) { marks += 1 }
            }
        }
        return (length, marks)
    }

    @Test func proseCountsItsCharactersAndMarks() {
        let measure = TextDensity.measure("Fish,  chips\tand\r\n peas. Really?!")
        #expect(measure.length == 30)
        #expect(measure.marks == 4)
    }

    @Test func everyMixOfBytesCountsAsOneByteAtATime() {
        let pieces: [[UInt8]] = [
            Array("word".utf8), Array("longerword".utf8), [0x20], [0x20, 0x20], [0x09], [0x0A], [0x0D], [0x01], [0x1F],
            Array(".".utf8), Array(",".utf8), Array("!".utf8), Array("?".utf8), Array("é".utf8), Array("。".utf8),
            Array("、".utf8), Array("，".utf8), Array("！".utf8), Array("？".utf8), Array("中文".utf8), Array("x".utf8),
        ]
        var generator = SplitMix(seed: 7)
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 24) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let measured = bytes.withUnsafeBufferPointer { TextDensity.measure($0) }
            let expected = Self.reference(bytes)
            #expect(measured.length == expected.length && measured.marks == expected.marks, "\(bytes)")
        }
    }
}

/// A small seeded generator, so a failure repeats.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
