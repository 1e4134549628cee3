import Testing
import Cleaner

/// The seed's head and tail in other languages: a bare comment count above the article
/// ("Keine Kommentare", "3 комментария", "3 条评论") and an attribution line below it ("Quelle:
/// tagesschau.de", "来源：新华社"), kept as the article's `source`; a sentence that opens with the
/// same label stays.
@Suite struct SeedLanguagesTests {
    @Test(arguments: ["3 commentaires", "Keine Kommentare", "Sin comentarios", "Nessun commento", "Sem comentários",
                      "3 комментария", "Нет комментариев", "3 reacties", "3 件のコメント", "3 条评论", "5 yorum"])
    func aCommentCountAboveTheArticleGoes(count: String) {
        let article = clean("<p>\(count)</p>" + BoilerplateFamilyTests.bodyHTML)
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
    }

    @Test(arguments: [
        ("Quelle: tagesschau.de", "tagesschau.de"), ("Fuente: El País", "El País"), ("Source : Le Monde", "Le Monde"),
        ("Fonte: Folha de S.Paulo", "Folha de S.Paulo"), ("Источник: РИА Новости", "РИА Новости"),
        ("来源：新华社", "新华社"), ("Bron: NOS", "NOS"), ("Źródło: PAP", "PAP"),
    ])
    func anAttributionBelowTheArticleBecomesItsSource(line: String, source: String) {
        let article = clean(BoilerplateFamilyTests.bodyHTML + "<p>\(line)</p>")
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
        #expect(article.source == source)
    }

    @Test(arguments: ["Quelle: die Polizei sagte am Montag, dass die Fähre wieder fährt.",
                      "Fuente: un portavoz del puerto confirmó el cierre a los periodistas.",
                      "Keine Kommentare gab es vom Hafenmeister, der am Montag im Urlaub war."])
    func sentencesOpeningWithTheLabelsStay(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }
}
