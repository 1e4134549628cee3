/// A parsed HTML document or fragment as a compact tree of nodes held in one array.
///
/// The cleaning passes walk and prune it.
///
/// Nodes refer to each other by index; removing a node only marks it, so
/// indices stay valid while passes run. Nodes are appended in document
/// order (under the node appended last or one of its ancestors), so a
/// subtree is a run of indices: a node's children are found by stepping
/// from one child's subtree end to the next, without a list of them.
/// Element names are lowercase, as libxml2's HTML parser reports them.
///
/// The characters of all text nodes are kept as UTF-8 in one byte buffer,
/// each node pointing at its range: a parse makes one text node for every
/// few dozen bytes of HTML, and a string each would cost an allocation and
/// a check of its bytes, for text the writers read back as bytes.
public struct HTMLTree: Sendable {
    /// What a node is.
    public enum Kind: Sendable, Equatable {
        case element
        case text
        /// The root that holds the top-level nodes of the document.
        case root
    }

    /// One element or run of text.
    public struct Node: Sendable {
        public var kind: Kind
        /// The lowercase element name; empty for text and the root.
        public var name: String
        /// What the passes need to know about the element's name.
        public var traits: ElementTraits
        /// The attributes in document order, names lowercase.
        public var attributes: [(name: String, value: String)]
        /// Where a text node's characters are in `textBytes`.
        fileprivate var textStart: Int
        fileprivate var textCount: Int
        public var parent: Int
        /// The index just past the node's subtree once a later node closed it.
        ///
        /// `Int.max` while nodes may still be appended inside it.
        fileprivate var end: Int
        /// Whether a pass removed the node (and so its subtree).
        public var isRemoved: Bool

        /// The value of attribute `name`, or nil.
        public func attribute(_ name: String) -> String? {
            attributes.first(where: { $0.name == name })?.value
        }
    }

    /// The index of the root node.
    public static let root = 0

    /// Every node, the root first.
    public var nodes: [Node]
    /// The characters of the text nodes, as UTF-8, in the order they were added or last changed.
    private var textBytes: [UInt8] = []

    /// Makes a tree holding only the root.
    public init() {
        nodes = [Node(kind: .root, name: "", traits: [], attributes: [], textStart: 0, textCount: 0, parent: -1,
                      end: .max, isRemoved: false)]
    }

    /// Adds an element under `parent` (the last node or one of its ancestors) and returns its index.
    @discardableResult
    public mutating func appendElement(_ name: String, attributes: [(name: String, value: String)], to parent: Int) -> Int {
        appendElement(name, traits: .of(name), attributes: attributes, to: parent)
    }

    /// Adds an element whose traits the caller looked up already.
    mutating func appendElement(_ name: consuming String, traits: ElementTraits,
                                attributes: consuming [(name: String, value: String)], to parent: Int) -> Int {
        append(Node(kind: .element, name: name, traits: traits, attributes: attributes, textStart: 0, textCount: 0,
                    parent: parent, end: .max, isRemoved: false))
    }

    /// Adds text under `parent` (the last node or one of its ancestors).
    ///
    /// The text joins a text node just before it.
    public mutating func appendText(_ text: String, to parent: Int) {
        text.withBytes { appendText($0, to: parent) }
    }

    /// Adds UTF-8 text under `parent` (the last node or one of its ancestors).
    ///
    /// The text joins a text node just before it.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, to parent: Int) {
        let last = nodes.count - 1
        if nodes[last].kind == .text, nodes[last].parent == parent {
            // Its bytes end the buffer unless it was changed since.
            if nodes[last].textStart + nodes[last].textCount != textBytes.count {
                let start = nodes[last].textStart
                textBytes.append(contentsOf: textBytes[start..<(start + nodes[last].textCount)])
                nodes[last].textStart = textBytes.count - nodes[last].textCount
            }
            textBytes.append(contentsOf: bytes)
            nodes[last].textCount += bytes.count
            return
        }
        let start = textBytes.count
        textBytes.append(contentsOf: bytes)
        append(Node(kind: .text, name: "", traits: [], attributes: [], textStart: start, textCount: bytes.count,
                    parent: parent, end: .max, isRemoved: false))
    }

    /// Room for `count` bytes of text, so that a parse does not grow the buffer by doubling.
    mutating func reserveTextCapacity(_ count: Int) {
        textBytes.reserveCapacity(count)
    }

    /// The characters of text node `index` (empty for other nodes).
    public func text(of index: Int) -> String {
        withText(of: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the characters of text node `index` as UTF-8, without copying them.
    ///
    /// Empty for other nodes.
    func withText<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = nodes[index].textStart
        let end = start + nodes[index].textCount
        return textBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The length of text node `index` in UTF-8 bytes (0 for other nodes).
    public func textLength(of index: Int) -> Int {
        nodes[index].textCount
    }

    /// Replaces the characters of text node `index`.
    public mutating func setText(_ text: String, of index: Int) {
        precondition(nodes[index].kind == .text, "HTMLTree: only a text node has text to set")
        let start = textBytes.count
        text.withBytes { textBytes.append(contentsOf: $0) }
        nodes[index].textStart = start
        nodes[index].textCount = textBytes.count - start
    }

    /// Appends `node`, closing the subtrees it does not belong to.
    ///
    /// Those are the subtrees of the last node and its ancestors below the new node's parent.
    @discardableResult
    private mutating func append(_ node: consuming Node) -> Int {
        let index = nodes.count
        let parent = node.parent
        var open = index - 1
        while open != parent {
            precondition(open > HTMLTree.root, "HTMLTree: nodes must be appended in document order")
            nodes[open].end = index
            open = nodes[open].parent
        }
        nodes.append(node)
        return index
    }

    /// Marks `index` and its subtree removed.
    public mutating func remove(_ index: Int) {
        nodes[index].isRemoved = true
    }

    /// The index just past the subtree of `index`.
    public func subtreeEnd(of index: Int) -> Int {
        min(nodes[index].end, nodes.count)
    }

    /// The children of `index`, removed ones included, in document order.
    public func children(of index: Int) -> Children {
        Children(tree: self, position: index + 1, end: subtreeEnd(of: index))
    }

    /// The children of a node, found by stepping over each child's subtree.
    public struct Children: Sequence, IteratorProtocol {
        let tree: HTMLTree
        var position: Int
        let end: Int

        public mutating func next() -> Int? {
            guard position < end else { return nil }
            let child = position
            position = tree.subtreeEnd(of: child)
            return child
        }
    }

    /// Whether `index` or one of its ancestors was removed.
    public func isDetached(_ index: Int) -> Bool {
        var current = index
        while current >= 0 {
            if nodes[current].isRemoved { return true }
            current = nodes[current].parent
        }
        return false
    }

    /// The indices of the live subtree under `index` in document order, `index` included.
    public func descendants(of index: Int) -> [Int] {
        let end = subtreeEnd(of: index)
        var result: [Int] = []
        result.reserveCapacity(end - index)
        var current = index
        while current < end {
            if nodes[current].isRemoved {
                current = subtreeEnd(of: current)
            } else {
                result.append(current)
                current += 1
            }
        }
        return result
    }

    /// The text of the live subtree under `index`, concatenated as written.
    public func textContent(of index: Int) -> String {
        let end = subtreeEnd(of: index)
        var text = ""
        var current = index
        while current < end {
            if nodes[current].isRemoved {
                current = subtreeEnd(of: current)
            } else {
                if nodes[current].kind == .text { text += self.text(of: current) }
                current += 1
            }
        }
        return text
    }

    /// The first live element named `name` in document order.
    public func firstElement(named name: String) -> Int? {
        descendants(of: Self.root).first { nodes[$0].kind == .element && nodes[$0].name == name }
    }
}
