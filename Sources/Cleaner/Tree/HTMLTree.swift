/// A parsed HTML document or fragment as a compact tree of nodes held in one
/// array, which the cleaning passes walk and prune.
///
/// Nodes refer to each other by index; removing a node only marks it, so
/// indices stay valid while passes run. Nodes are appended in document
/// order (under the node appended last or one of its ancestors), so a
/// subtree is a run of indices: a node's children are found by stepping
/// from one child's subtree end to the next, without a list of them.
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
        /// The index just past the node's subtree once a later node closed
        /// it; `Int.max` while nodes may still be appended inside it.
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

    /// Makes a tree holding only the root.
    public init() {
        nodes = [Node(kind: .root, name: "", traits: [], attributes: [], text: "", parent: -1, end: .max, isRemoved: false)]
    }

    /// Adds an element under `parent` (the last node or one of its
    /// ancestors) and returns its index.
    @discardableResult
    public mutating func appendElement(_ name: String, attributes: [(name: String, value: String)], to parent: Int) -> Int {
        appendElement(name, traits: .of(name), attributes: attributes, to: parent)
    }

    /// Adds an element whose traits the caller looked up already.
    mutating func appendElement(_ name: consuming String, traits: ElementTraits,
                                attributes: consuming [(name: String, value: String)], to parent: Int) -> Int {
        append(Node(kind: .element, name: name, traits: traits, attributes: attributes, text: "", parent: parent,
                    end: .max, isRemoved: false))
    }

    /// Adds text under `parent` (the last node or one of its ancestors),
    /// joining it to a text node just before it.
    public mutating func appendText(_ text: String, to parent: Int) {
        let last = nodes.count - 1
        if nodes[last].kind == .text, nodes[last].parent == parent {
            nodes[last].text += text
            return
        }
        append(Node(kind: .text, name: "", traits: [], attributes: [], text: text, parent: parent, end: .max,
                    isRemoved: false))
    }

    /// Appends `node`, closing the subtrees it does not belong to: those of
    /// the last node and its ancestors below the new node's parent.
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

    /// The children of `index` that are not removed.
    public func liveChildren(of index: Int) -> [Int] {
        children(of: index).filter { !nodes[$0].isRemoved }
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
