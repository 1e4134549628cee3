/// A parsed HTML document or fragment as a compact tree of nodes held in one
/// array, which the cleaning passes walk and prune.
///
/// Nodes refer to each other by index; removing a node only marks it, so
/// indices stay valid while passes run. Nodes are only ever appended, so
/// indices are in document order and a subtree is a run of indices.
/// Element names are lowercase, as libxml2's HTML parser reports them.
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
        /// The characters of a text node.
        public var text: String
        public var parent: Int
        public var children: [Int]
        /// The index just past the node's subtree.
        public var end: Int
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

    /// Makes a tree holding only the root.
    public init() {
        nodes = [Node(kind: .root, name: "", traits: [], attributes: [], text: "", parent: -1, children: [], end: 1,
                      isRemoved: false)]
    }

    /// Adds an element under `parent` and returns its index.
    @discardableResult
    public mutating func appendElement(_ name: String, attributes: [(name: String, value: String)], to parent: Int) -> Int {
        let index = nodes.count
        nodes.append(Node(kind: .element, name: name, traits: .of(name), attributes: attributes, text: "", parent: parent,
                          children: [], end: index + 1, isRemoved: false))
        adopt(index, by: parent)
        return index
    }

    /// Adds text under `parent`, joining it to a text node just before it.
    public mutating func appendText(_ text: String, to parent: Int) {
        if let last = nodes[parent].children.last, nodes[last].kind == .text {
            nodes[last].text += text
            return
        }
        let index = nodes.count
        nodes.append(Node(kind: .text, name: "", traits: [], attributes: [], text: text, parent: parent,
                          children: [], end: index + 1, isRemoved: false))
        adopt(index, by: parent)
    }

    /// Makes the new last node `index` a child of `parent`, extending the
    /// subtree of every ancestor to it.
    private mutating func adopt(_ index: Int, by parent: Int) {
        nodes[parent].children.append(index)
        var ancestor = parent
        while ancestor >= 0 {
            nodes[ancestor].end = index + 1
            ancestor = nodes[ancestor].parent
        }
    }

    /// Marks `index` and its subtree removed.
    public mutating func remove(_ index: Int) {
        nodes[index].isRemoved = true
    }

    /// The children of `index` that are not removed.
    public func liveChildren(of index: Int) -> [Int] {
        nodes[index].children.filter { !nodes[$0].isRemoved }
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

    /// The indices of the live subtree under `index` in document order,
    /// `index` included.
    public func descendants(of index: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(nodes[index].end - index)
        var current = index
        while current < nodes[index].end {
            if nodes[current].isRemoved {
                current = nodes[current].end
            } else {
                result.append(current)
                current += 1
            }
        }
        return result
    }

    /// The text of the live subtree under `index`, concatenated as written.
    public func textContent(of index: Int) -> String {
        var text = ""
        var current = index
        while current < nodes[index].end {
            if nodes[current].isRemoved {
                current = nodes[current].end
            } else {
                if nodes[current].kind == .text { text += nodes[current].text }
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
