/// A line that only says how long the article takes to read, in several languages.
///
/// "Reading time: 5 minutes", "5 min de lecture", "Lesezeit: 3 Min.", "Время чтения: 5 минут",
/// "阅读时间：5 分钟": a number, a word for reading and a word for minutes, with nothing else but
/// a few filler words. "The minutes of the reading group take five pages" is a sentence and stays.
enum ReadingTime {
    /// The kind name of these lines.
    static let kind = "reading time"

    /// Whether `key` (normalised by `BoundaryText.normalized`) is such a line.
    static func matches(_ key: String) -> Bool {
        guard key.utf8.count <= maximumLength, key.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
              let words = LabelWords.words(of: key.replacing("：", with: " "), limit: 8)
        else { return false }
        var reads = false, counts = false, hasNumber = false
        for word in words {
            if LabelWords.isNumber(word) {
                hasNumber = true
            } else if readingWords.contains(word) {
                reads = true
            } else if minuteWords.contains(word) {
                counts = true
            } else if !fillerWords.contains(word) {
                return false
            }
        }
        return reads && counts && hasNumber
    }

    /// The longest line, in UTF-8 bytes.
    private static let maximumLength = 64

    /// Words for reading, and for reading time where one word says both.
    private static let readingWords: Set<String> = [
        "read", "reading", "lecture", "lesezeit", "lesedauer", "lesen", "lectura", "lettura", "leitura", "чтения",
        "чтение", "阅读", "阅读时间", "閱讀", "閱讀時間", "読了時間", "leestijd", "lästid", "lesetid", "læsetid", "czytania",
        "okuma", "lukuaika", "đọc",
    ]

    /// Words for minutes.
    private static let minuteWords: Set<String> = [
        "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos", "minuti", "minuut", "minuter", "minutter",
        "minut", "minuty", "dakika", "phút", "минут", "минуты", "минута", "мин", "分钟", "分鐘", "分", "minuutti",
        "minuuttia",
    ]

    /// What else such a line says: "estimated", "time", "about" and their kin.
    private static let fillerWords: Set<String> = [
        "estimated", "time", "about", "approx", "approximately", "ca", "etwa", "de", "di", "du", "temps", "tiempo",
        "tempo", "время", "geschätzte", "environ", "aprox", "circa", "czas", "süresi", "thời", "gian", "約", "约",
    ]
}
