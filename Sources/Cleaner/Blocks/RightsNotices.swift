/// Reprint and copyright notices that sites put under every article, in several languages and scripts.
///
/// For example "本文由极客公园 GeekPark 原创发布，转载请添加极客君微信 geekparker。", "转载请注明出处",
/// "未经授权禁止转载", "無断転載禁止", "무단전재 및 재배포 금지", "All rights reserved", "Reproduction
/// interdite sans autorisation", "Nachdruck nur mit Genehmigung", "Prohibida su reproducción total o
/// parcial", "© Riproduzione riservata".
///
/// A notice is a short block of clauses: at most one lead clause (the site's
/// claim, "本文由极客公园原创发布", "© 2024 Le Monde"), then one or more
/// notice clauses, then at most one trailer that names the rights holder
/// (a ©, a year or an address). A notice clause opens with the notice's
/// words; in Chinese, Japanese and Korean, which set no spaces between
/// words, it holds them outside quotation marks. An article that quotes a
/// notice ("the label said …", a clause that goes on as a sentence, a
/// quotation) or discusses one at length stays. `EdgeNoise` asks about the
/// blocks at the edges only. Keys are `BoundaryText.normalized` text.
enum RightsNotices {
    /// The kind name of these blocks.
    static let kind = "rights notice"
    /// The longest notice, in UTF-8 bytes.
    static let maximumLength = 240
    /// The longest notice clause, in UTF-8 bytes.
    static let maximumClauseLength = 150
    /// The most words after a notice's opening words in its clause ("… sans autorisation préalable de l'éditeur").
    static let maximumWordsAfterOpening = 10
    /// The most words after a continuation's words ("nur mit Genehmigung des Verlags").
    static let maximumWordsAfterContinuation = 3
    /// The most words of the lead clause or the trailer.
    static let maximumFrameWords = 6

    /// Whether `key` is a reprint or copyright notice.
    static func matches(_ key: String) -> Bool {
        guard key.utf8.count <= maximumLength else { return false }
        // CJK notices hold one of a few words; the CJK lead bytes are E3 to ED.
        let mayHoldCJK = key.withBytes { $0.contains(where: { $0 >= 0xE3 && $0 <= 0xED }) }
            && cjkMarkers.contains(where: key.containsBytes(of:))
        // Most keys have no clause that opens like a notice, and are settled without a copy.
        guard mayHoldCJK || key.withBytes(opensClauseLikeNotice) else { return false }
        let bytes = Array(key.utf8)
        let parts = clauses(of: bytes)
        let notices = parts.map { noticeKind(of: $0, mayHoldCJK: mayHoldCJK) }
        guard let first = notices.firstIndex(where: { $0 != nil }), let last = notices.lastIndex(where: { $0 != nil }),
              notices[first...last].allSatisfy({ $0 != nil }), first <= 1, parts.count - 1 - last <= 1,
              // A continuation ("même partielle") is a notice beside another one.
              last > first || notices[first] == .full, !FollowLines.reportsSpeech(key)
        else { return false }
        if first == 1, !isLead(String(decoding: parts[0], as: UTF8.self)) { return false }
        if last < parts.count - 1, !isTrailer(String(decoding: parts[last + 1], as: UTF8.self)) { return false }
        return true
    }

    /// Whether a clause of `bytes` opens with a notice's or a continuation's words, its marks aside.
    private static func opensClauseLikeNotice(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var clauseStart = true
        while index < bytes.count {
            if clauseStart {
                var start = index
                while start < bytes.count, let mark = openingMarks.first(where: { bytes[start...].starts(with: $0) }) {
                    start += mark.count
                }
                if start < bytes.count, let candidates = openingsByInitial[bytes[start]],
                   candidates.contains(where: { bytes[start...].starts(with: $0.bytes) })
                {
                    return true
                }
                clauseStart = false
            }
            let markLength = clauseMarkLength(in: bytes, at: index)
            clauseStart = markLength > 0
            index += max(markLength, 1)
        }
        return false
    }

    /// How a clause is a notice.
    private enum NoticeKind {
        /// A notice on its own: "Alle Rechte vorbehalten", "转载请注明出处".
        case full
        /// A notice's continuation, a notice only beside another: "même partielle", "auch auszugsweise".
        case continuation
    }

    /// How `clause` is a notice, or nil: it opens with the words of one, or holds CJK ones outside quotation marks.
    private static func noticeKind(of clause: ArraySlice<UInt8>, mayHoldCJK: Bool) -> NoticeKind? {
        guard clause.count <= maximumClauseLength else { return nil }
        let bare = withoutRightsMarks(clause)
        if let initial = bare.first, let candidates = openingsByInitial[initial],
           let opening = candidates.first(where: { bare.starts(with: $0.bytes) })
        {
            let words = wordCount(bare.dropFirst(opening.bytes.count))
            if opening.isContinuation { return words <= maximumWordsAfterContinuation ? .continuation : nil }
            return words <= maximumWordsAfterOpening ? .full : nil
        }
        guard mayHoldCJK else { return nil }
        let text = String(decoding: clause, as: UTF8.self)
        guard let phrase = cjkPhrases.first(where: text.containsBytes(of:)), let range = text.firstRange(of: phrase),
              !text[..<range.lowerBound].contains(where: quotationMarks.contains)
        else { return nil }
        return .full
    }

    /// Whether `clause`, before the notice, claims the article for a site or holder.
    ///
    /// For example "本文由极客公园 GeekPark 原创发布", "© 2024 Le Monde", "Harbour Gazette", "Guardian
    /// News and Media Limited or its affiliated companies".
    private static func isLead(_ clause: String) -> Bool {
        let words = clause.split(separator: " ")
        if hasRightsHolderMark(clause) || cjkLeadWords.contains(where: clause.containsBytes(of:)) {
            return words.count <= maximumFrameWords && clause.utf8.count <= 72
        }
        if words.contains(where: { companyWords.contains($0) }) { return words.count <= 2 * maximumFrameWords }
        return words.count <= 3
    }

    /// Words that name a company in a holder's name.
    private static let companyWords: Set<Substring> = [
        "ltd", "limited", "inc", "llc", "plc", "corp", "corporation", "gmbh", "ag", "sa", "s.a", "srl", "s.r.l", "bv", "b.v",
        "sarl", "sas", "companies", "company",
    ]

    /// Whether `clause`, after the notice, names the holder: a ©, a year or an address.
    ///
    /// For example "© Le Monde 2024", "geekpark.net".
    private static func isTrailer(_ clause: String) -> Bool {
        clause.split(separator: " ").count <= maximumFrameWords && hasRightsHolderMark(clause)
    }

    /// Whether `clause` holds "©", "(c)", "copyright", a year or a web address.
    private static func hasRightsHolderMark(_ clause: String) -> Bool {
        let isYear = { (word: Substring) in
            word.count == 4 && (word.hasPrefix("19") || word.hasPrefix("20")) && word.allSatisfy(\.isNumber)
        }
        return ["©", "(c)", "ⓒ", "copyright"].contains(where: clause.containsBytes(of:))
            || clause.split(separator: " ").contains(where: isYear) || EdgeNoise.mentionsWebAddress(clause)
    }

    /// `clause` without the marks that open a notice ("© ", "(c) ", "ⓒ ", dashes).
    private static func withoutRightsMarks(_ clause: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var clause = clause
        while let mark = openingMarks.first(where: { clause.starts(with: $0) }) { clause = clause.dropFirst(mark.count) }
        return clause
    }

    /// The marks `withoutRightsMarks` drops, as UTF-8.
    private static let openingMarks = ["©", "(c)", "ⓒ", "®", " ", "-", "–", "—", "*"].map { Array($0.utf8) }

    /// How many words, runs of bytes between spaces, `bytes` hold.
    private static func wordCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var previous: UInt8 = 0x20
        for byte in bytes {
            if byte != 0x20, previous == 0x20 { count += 1 }
            previous = byte
        }
        return count
    }

    /// The clauses of `bytes`, split at sentence and clause marks (which they leave out), each trimmed of spaces.
    ///
    /// The marks are ". ", ", ", "; ", "! ", "? ", " | ", " · ", " – ", " — " and the full-width
    /// "。", "，", "；", "！", "？", "｜".
    private static func clauses(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let markLength = bytes.withUnsafeBufferPointer { clauseMarkLength(in: $0, at: index) }
            if markLength > 0 {
                parts.append(trimmed(bytes[start..<index]))
                index += markLength
                start = index
            } else {
                index += 1
            }
        }
        parts.append(trimmed(bytes[start...]))
        return parts.filter { !$0.isEmpty }
    }

    /// The length in bytes of the clause mark at `index` of `bytes`, or 0.
    private static func clauseMarkLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        let next = { (offset: Int) in index + offset < bytes.count ? bytes[index + offset] : 0 }
        let afterSpace = index > 0 && bytes[index - 1] == 0x20
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"):
            return index + 1 == bytes.count || bytes[index + 1] == 0x20 ? 1 : 0
        case UInt8(ascii: "|"):
            return afterSpace ? 1 : 0
        case 0xC2:
            return afterSpace && next(1) == 0xB7 ? 2 : 0  // ·
        case 0xE2:
            return afterSpace && next(1) == 0x80 && (next(2) == 0x93 || next(2) == 0x94) ? 3 : 0  // – —
        case 0xE3:
            return next(1) == 0x80 && next(2) == 0x82 ? 3 : 0  // 。
        case 0xEF:
            // ， ； ！ ？ and ｜
            return next(1) == 0xBC && [0x8C, 0x9B, 0x81, 0x9F].contains(next(2)) || next(1) == 0xBD && next(2) == 0x9C ? 3 : 0
        default:
            return 0
        }
    }

    /// `bytes` without leading and trailing spaces.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = bytes
        while bytes.first == 0x20 { bytes = bytes.dropFirst() }
        while bytes.last == 0x20 { bytes = bytes.dropLast() }
        return bytes
    }

    /// Quotation marks: a notice inside them is quoted.
    private static let quotationMarks: Set<Character> = ["“", "「", "『", "\"", "«", "„", "‘", "《"]

    /// Words that open a notice clause, in Latin scripts.
    private static let openings = [
        // English
        "all rights reserved", "all rights are reserved", "reproduction prohibited", "reproduction is prohibited",
        "reproduction without permission", "reproduction in whole or in part", "no reproduction without",
        "not to be reproduced", "may not be reproduced", "may not be republished", "must not be reproduced",
        "do not reproduce", "do not republish", "unauthorized reproduction", "unauthorised reproduction",
        "reprinted with permission", "republished with permission", "reposted with permission",
        // French
        "tous droits réservés", "tous droits de reproduction", "droits de reproduction réservés", "reproduction interdite",
        "toute reproduction interdite", "toute reproduction est interdite", "toute reproduction ou représentation",
        "reproduction même partielle", "reproduction réservée",
        // German
        "alle rechte vorbehalten", "nachdruck nur mit", "nachdruck verboten", "nachdruck und vervielfältigung",
        "vervielfältigung nur mit", "weiterverbreitung nur mit", "weiterverwendung nur mit",
        // Spanish
        "todos los derechos reservados", "reservados todos los derechos", "prohibida su reproducción",
        "prohibida la reproducción", "queda prohibida la reproducción", "queda prohibida su reproducción",
        "se prohíbe la reproducción",
        // Italian
        "riproduzione riservata", "tutti i diritti riservati", "riproduzione vietata", "vietata la riproduzione",
        "è vietata la riproduzione", "e' vietata la riproduzione",
        // Portuguese
        "todos os direitos reservados", "proibida a reprodução", "é proibida a reprodução", "reprodução proibida",
        // Dutch, Scandinavian, Polish
        "alle rechten voorbehouden", "overname verboden", "alla rättigheter förbehållna", "eftertryck förbjudet",
        "alle rettigheder forbeholdes", "alle rettigheter reservert", "ettertrykk forbudt", "wszelkie prawa zastrzeżone",
    ]

    /// Words that continue a notice in a clause of their own ("Toute reproduction, même partielle, est interdite").
    private static let continuations = [
        "toute reproduction", "même partielle", "est interdite", "sont interdites", "auch auszugsweise",
        "nur mit genehmigung", "nur mit schriftlicher genehmigung", "total o parcial", "in whole or in part",
    ]

    /// The openings and continuations as UTF-8, by their first byte.
    private static let openingsByInitial: [UInt8: [(bytes: [UInt8], isContinuation: Bool)]] = Dictionary(
        grouping: openings.map { (bytes: Array($0.utf8), isContinuation: false) }
            + continuations.map { (bytes: Array($0.utf8), isContinuation: true) },
        by: { $0.bytes[0] })

    /// Words one of which every CJK notice phrase holds, for a quick refusal.
    private static let cjkMarkers = ["转", "轉", "版", "侵", "未经", "未經", "無断", "転載", "무단", "재배포", "활용"]

    /// Notice words in Chinese (simplified and traditional), Japanese and Korean.
    private static let cjkPhrases = [
        "转载请", "轉載請", "请勿转载", "請勿轉載", "禁止转载", "禁止轉載", "不得转载", "不得轉載", "谢绝转载", "謝絕轉載",
        "如需转载", "如需轉載", "转载须", "转载需", "轉載須", "轉載需", "版权所有", "版權所有", "版权归", "版權歸",
        "侵权必究", "侵權必究", "未经授权", "未經授權", "未经许可", "未經許可", "未经允许", "未經允許",
        "無断転載", "無断複製", "無断転用", "転載を禁", "転載禁止", "複製・転載", "무단전재", "무단 전재", "재배포 금지",
        "재배포금지", "활용 금지",
    ]

    /// Words of a lead clause in Chinese, Japanese and Korean ("本文由…原创发布", "저작권자").
    private static let cjkLeadWords = ["本文", "原创", "原創", "作者", "来源", "來源", "版权", "版權", "저작권", "著作権", "本記事"]
}
