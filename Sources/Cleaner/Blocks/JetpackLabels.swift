/// The labels Jetpack's share, like and related-posts widgets leave in a post, in its translations.
///
/// "Share this:", "Like this:", "Like Loading…" and "Related" are `BoundaryText`'s English
/// wordings; these are the same labels as WordPress.com writes them in French, Spanish, German,
/// Italian, Portuguese, Russian, Dutch, Swedish and Polish ("J’aime ça :", "Me gusta Cargando...",
/// "Ähnliche Beiträge", "Поделиться:"). Only a whole line counts, at the tail.
enum JetpackLabels {
    /// Whether `key` (normalised by `BoundaryText.normalized`) is such a label alone.
    static func matches(_ key: String) -> Bool {
        guard key.utf8.count <= maximumLength, let first = key.utf8.first, initials.contains(first) else { return false }
        return labels.contains(key.trimmingCharacters(in: " :.…"))
    }

    /// The longest label, in UTF-8 bytes.
    private static let maximumLength = 48

    /// The first bytes of the labels.
    private static let initials = Set(labels.compactMap(\.utf8.first))

    /// The labels lowercased, without their colon or ellipsis.
    private static let labels: Set<String> = [
        // "Share this:"
        "partager", "partager ceci", "compartir", "compartir esto", "teilen mit", "condividi", "condividi questo",
        "compartilhe isso", "compartilhe", "поделиться", "deel dit", "dela detta", "udostępnij", "udostępnij to",
        // "Like this:" and "Like Loading…"
        "j’aime ça", "j'aime ça", "j’aime chargement", "j'aime chargement", "me gusta esto", "me gusta cargando",
        "gefällt mir", "gefällt mir wird geladen", "mi piace", "mi piace caricamento", "curtir isso", "curtir carregando",
        "нравится", "нравится загрузка", "vind ik leuk", "vind ik leuk laden", "gilla detta", "gilla laddar",
        "lubię to", "lubię to wczytywanie",
        // "Loading…"
        "chargement", "cargando", "wird geladen", "caricamento", "carregando", "загрузка", "laden", "laddar",
        "wczytywanie",
        // "Related"
        "similaire", "relacionado", "relacionados", "ähnliche beiträge", "ähnlich", "correlati", "похожее",
        "gerelateerd", "relaterade", "powiązane",
    ]
}
