struct UTF8Document { var bytes: [UInt8]; var charset: String; var note: String? }
enum DocumentEncoding { static func decode(_ bytes: [UInt8], httpCharset: String?) -> UTF8Document { UTF8Document(bytes: bytes, charset: "utf-8", note: nil) } }
