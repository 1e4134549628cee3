import Testing
import Cleaner

/// "Read more" links in any language: by their wording in the common languages, and by the post's
/// own `#more` anchor whatever the wording; prose with the same words stays.
@Suite struct ReadMoreLanguagesTests {
    static let readMoreLinks = [
        "Lire la suite →", "Weiterlesen", "Mehr lesen »", "Leer más", "Seguir leyendo…", "Continua a leggere",
        "Leia mais", "Lees meer", "Läs mer »", "Les mer", "Læs mere", "Lue lisää", "Czytaj więcej",
        "Devamını oku", "Читать далее →", "続きを読む", "阅读全文", "Lees verder", "Baca selengkapnya", "Xem thêm",
    ]

    /// The same words on a line of their own, not a link, left last by a feed that cut the entry short.
    @Test(arguments: ["[Lire la suite…]", "Weiterlesen »", "Leer más", "Continua a leggere", "Lees verder", "Läs mer",
                      "Czytaj dalej", "Читать далее", "続きを読む", "阅读全文", "Baca selengkapnya",
                      "Číst dále", "číst dále", "ČÍST DÁLE", "Čítať ďalej", "CZYTAJ WIĘCEJ"])
    func aPlainReadMoreLineLeftLastGoes(text: String) {
        let article = clean("<p>\(bodyParagraph)</p><p>\(BoilerplateFamilyTests.secondParagraph)</p><p>\(text)</p>")
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
        let plain = clean(bodyParagraph + "\n\n" + BoilerplateFamilyTests.secondParagraph + "\n\n" + text)
        #expect(plain.text == WordingFamilyTests.body, "\(plain.removedWhat)")
    }

    @Test(arguments: readMoreLinks) func readMoreLinkEndingTheEntryGoes(text: String) {
        let article = clean("<p>\(bodyParagraph)</p><p>\(BoilerplateFamilyTests.secondParagraph) "
            + "<a href=\"https://example.org/2024/05/ferry.html\">\(text)</a></p>")
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
        #expect(article.removedWhat.count == 1 && article.removedWhat[0].hasPrefix("trailer: "), "\(article.removedWhat)")
    }

    @Test(arguments: ["Ver más", "Mehr", "Plus »", "¿Quieres saber más?", "Fortsätt läsa här"])
    func linkToThePostsMoreAnchorGoesInAnyWording(text: String) {
        for anchor in ["#more", "#more-4127"] {
            let article = clean("<p>\(bodyParagraph)</p><p>\(BoilerplateFamilyTests.secondParagraph)<br>"
                + "<a href=\"https://harbour.example.org/2017/12/tips.html\(anchor)\">\(text)</a></p>")
            #expect(article.text == WordingFamilyTests.body, "\(anchor): \(article.removedWhat)")
            #expect(article.removedWhat == ["trailer: \"Read more\" link (#more)"])
        }
    }

    /// A link ending the entry that says more than a prompt, or points elsewhere, stays.
    @Test(arguments: [
        ("Die ganze Geschichte der Fähre und ihrer Kapitäne seit 1887 im Stadtarchiv nachlesen", "https://example.org/a#more"),
        ("the harbour trust", "https://example.org/trust#more-people"),
        ("Hamnens historia", "https://example.org/hamnen#moreinfo"),
    ])
    func otherLinksEndingTheEntryStay(text: String, href: String) {
        let article = clean("<p>\(bodyParagraph)</p><p>See <a href=\"\(href)\">\(text)</a></p>")
        #expect(article.text.contains(text), "\(article.removedWhat)")
    }

    /// Sentences that begin with the same words stay.
    @Test(arguments: [
        "Lire la suite du rapport prend une heure, mais les conclusions tiennent en deux pages.",
        "Weiterlesen lohnt sich: im zweiten Teil erklärt die Hafenmeisterin, warum die Fähre ausfällt.",
        "Läs mer om hamnens historia i kommunens arkiv, som är öppet varje tisdag.",
        "Читать далее стоит всем, кто интересуется историей порта и его паромов.",
        "Lees verder in het rapport: de haven krijgt een nieuwe kade.",
        "Baca selengkapnya di laporan pelabuhan tentang kapal feri baru.",
    ])
    func proseWithTheSameWordsStays(prose: String) { WordingFamilyTests.checkKept(prose) }
}
