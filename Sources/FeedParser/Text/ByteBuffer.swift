/// A growable run of UTF-8 bytes that owns its memory, for text built up in many small pieces.
/// The parser's text arrives that way (a field's characters arrive once per
/// entity reference). A class with a raw allocation, so that appending is a
/// capacity check and a copy, without the uniqueness checks and generic
/// sequence path of `Array.append(contentsOf:)`, which cost more than the
/// copy for the short runs libxml2 delivers.
///
/// Threading: not synchronised. A buffer is never shared while mutated:
/// a parse keeps its own on one thread, and `JSONWriter` copies its buffer
/// before writing when the writer itself was copied, which is what makes
/// sending one across threads safe. The properties are
/// `@exclusivity(unchecked)` for the same reason as `XMLFeedReader`'s: an
/// append is too short to pay a run-time exclusivity check.
final class ByteBuffer: @unchecked Sendable {
    @exclusivity(unchecked) private var start: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// How many bytes the buffer holds.
    @exclusivity(unchecked) private(set) var count = 0

    /// Makes an empty buffer with room for `capacity` bytes.
    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// The bytes written so far; valid until the next change to the buffer.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: start, count: count)
    }

    /// A copy of the bytes, as an array.
    var array: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { array, initialized in
            if count > 0 { array.baseAddress!.initialize(from: start, count: count) }
            initialized = count
        }
    }

    /// A new buffer holding the same bytes.
    func copy() -> ByteBuffer {
        let copy = ByteBuffer(capacity: capacity)
        copy.append(bytes)
        return copy
    }

    /// Empties the buffer, keeping its memory.
    func removeAll() {
        count = 0
    }

    /// Appends `bytes`.
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let newCount = count + bytes.count
        if newCount > capacity { grow(toAtLeast: newCount) }
        (start + count).initialize(from: source, count: bytes.count)
        count = newCount
    }

    /// Appends the bytes of a string literal.
    @inline(__always)
    func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        start[count] = byte
        count += 1
    }

    /// Lets `body` write up to `maximum` bytes at the end of the buffer.
    /// It writes through a pointer to uninitialised memory and returns how many it wrote.
    @inline(__always)
    func appendUninitialized(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + maximum > capacity { grow(toAtLeast: count + maximum) }
        count += body(start + count)
    }

    private func grow(toAtLeast minimum: Int) {
        let newCapacity = max(capacity * 2, minimum)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.initialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }
}
