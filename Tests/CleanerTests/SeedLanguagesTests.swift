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

/// Taxonomy lines at the tail in several languages (`PostMetadataLines`): tags, categories and
/// "posted in" go; a sentence after the same label stays.
@Suite struct PostMetadataLanguagesTests {
    @Test(arguments: [
        #"<p>Étiquettes : <a href="/t/a">port</a>, <a href="/t/b">ferry</a></p>"#,
        #"<p>Schlagwörter: <a href="/t/a">Hafen</a>, <a href="/t/b">Fähre</a></p>"#,
        #"<p>Etiquetas: <a href="/t/a">puerto</a>, <a href="/t/b">ferry</a></p>"#,
        #"<p>Метки: <a href="/t/a">порт</a>, <a href="/t/b">паром</a></p>"#,
        #"<p>标签：<a href="/t/a">港口</a>, <a href="/t/b">渡轮</a></p>"#,
        #"<p>Classé dans : <a href="/c/a">Actualités</a></p>"#,
        #"<p>Category: <a href="/c/a">News</a></p>"#,
        "<p>Kategorie: Hafen, Fähre</p>",
        #"<p>Publié dans <a href="/c/a">Actualités</a> | <a href="/c/b">Laisser un commentaire</a></p>"#,
        #"<p>Veröffentlicht in <a href="/c/a">Allgemein</a> | <a href="/c/b">Schreibe einen Kommentar</a></p>"#,
    ]) func taxonomyLinesLeftLastGo(html: String) {
        let article = clean(BoilerplateFamilyTests.bodyHTML + html)
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
    }

    @Test(arguments: ["Catégorie : la plus disputée du salon, celle des voiliers de moins de huit mètres.",
                      "Kategorie: Das ist die Frage, die der Hafenmeister am Montag nicht beantworten wollte.",
                      "Publié dans le journal du port, le rapport a surpris les marins."])
    func sentencesAfterTheLabelStay(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }
}

/// Reading-time lines and audio-version labels above an article in several languages
/// (`ReadingTime`, `PlatformChrome`); sentences with the same words stay.
@Suite struct ReadingTimeLanguagesTests {
    @Test(arguments: ["Reading time: 5 minutes", "Estimated reading time: 4 minutes", "5 min de lecture",
                      "Temps de lecture : 4 min", "Lesezeit: 5 Minuten", "Lesedauer: 3 Min.", "Tiempo de lectura: 5 minutos",
                      "Tempo di lettura: 5 minuti", "Время чтения: 5 минут", "阅读时间：5 分钟", "Leestijd: 4 minuten",
                      "Écouter cet article", "Diesen Artikel anhören"])
    func linesAboveTheArticleGo(line: String) {
        let article = clean("<p>\(line)</p>" + BoilerplateFamilyTests.bodyHTML)
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
    }

    @Test(arguments: ["The minutes of the reading group take 5 pages.", "Reading 5 minutes a day changed how the crew talked.",
                      "Écouter cet article à voix haute prend dix minutes, et le capitaine l'a fait deux fois."])
    func sentencesWithTheSameWordsStay(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }
}

/// Calls to subscribe, follow, share and support in more languages, left last; a sentence that
/// reports such a call, or uses the words about something else, stays.
@Suite struct CallsInOtherLanguagesTests {
    @Test(arguments: [
        "<p>Abonnez-vous à notre newsletter pour ne rien manquer.</p>", "<p>Suscríbete a nuestro boletín.</p>",
        "<p>Iscriviti alla nostra newsletter.</p>", "<p>Assine nossa newsletter.</p>", "<p>Подпишитесь на нашу рассылку.</p>",
        "<p>订阅我们的新闻通讯。</p>", #"<p>Подписывайтесь на нас в <a href="https://t.me/x">Telegram</a>.</p>"#,
        "<p>Поделитесь этой статьей</p>", "<p>Si vous avez aimé cet article, partagez-le !</p>",
        #"<p>Apoie-nos no <a href="https://apoia.se/x">Apoia.se</a></p>"#,
        #"<p>Поддержите нас на <a href="https://boosty.to/x">Boosty</a></p>"#,
    ]) func callsLeftLastGo(html: String) {
        let article = clean(BoilerplateFamilyTests.bodyHTML + html)
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
    }

    @Test(arguments: ["Подпишитесь на нашу рассылку, сказал капитан, и узнаете расписание первыми — так он говорил всем.",
                      "Поделитесь этой статьей с капитаном порта, просил автор письма в 1998 году, и никто не поделился."])
    func reportedCallsStay(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }
}
