import Testing
import Cleaner

/// WordPress's comment form in its translations (`CommentForms`): the heading and the privacy line
/// go from the tail of an entry with whatever follows the heading, as the English "Leave a Reply"
/// does; a paragraph about leaving a comment, and a heading early in the article, stay.
@Suite struct CommentFormLanguagesTests {
    static let forms: [(heading: String, privacy: String)] = [
        ("Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"),
        ("Deja una respuesta", "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *"),
        ("Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"),
        ("Lascia un commento", "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *"),
        ("Deixe um comentário", "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *"),
        ("Geef een reactie", "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *"),
        ("Dodaj komentarz", "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *"),
        ("Добавить комментарий", "Ваш адрес email не будет опубликован. Обязательные поля помечены *"),
        ("Lämna ett svar", "Din e-postadress kommer inte publiceras. Obligatoriska fält är märkta *"),
        ("Bir yanıt yazın", "E-posta adresiniz yayınlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir"),
        ("コメントを残す", "メールアドレスが公開されることはありません。 * が付いている欄は必須項目です"),
        ("发表回复", "您的邮箱地址不会被公开。 必填项已用 * 标注"),
    ]

    @Test(arguments: forms.indices) func theFormGoesFromTheTail(index: Int) {
        let (heading, privacy) = Self.forms[index]
        let article = clean(BoilerplateFamilyTests.bodyHTML + "<h3 id=\"reply-title\">\(heading)</h3><p>\(privacy)</p>"
            + "<p>Commentaire *</p><p>Nom *</p>")
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
        // The privacy line alone, left last by a feed that dropped the heading.
        let line = clean(BoilerplateFamilyTests.bodyHTML + "<p>\(privacy)</p>")
        #expect(line.text == WordingFamilyTests.body, "\(line.removedWhat)")
        // In plain text, with single line breaks: the lines of one paragraph.
        let plain = clean(bodyParagraph + "\n" + BoilerplateFamilyTests.secondParagraph + "\n" + heading + "\n" + privacy)
        #expect(plain.text == bodyParagraph + "\n" + BoilerplateFamilyTests.secondParagraph, "\(plain.removedWhat)")
    }

    /// Prose about comments, and a section headed like the form early in an article, stay.
    @Test func proseAndEarlyHeadingsStay() {
        for prose in ["Laisser un commentaire sous chaque article est devenu rare, et les blogs le regrettent.",
                      "Deine E-Mail-Adresse wird nicht veröffentlicht, versprach der Verein, und hielt sich daran bis 2019."]
        {
            WordingFamilyTests.checkKept(prose)
        }
        let early = clean("<h2>Schreibe einen Kommentar</h2><p>\(bodyParagraph)</p><p>\(BoilerplateFamilyTests.secondParagraph)</p>")
        #expect(early.text.contains(bodyParagraph) && early.text.contains(BoilerplateFamilyTests.secondParagraph))
    }

    /// Jetpack's share, like, loading and related labels in its translations, and ad labels, left last.
    @Test(arguments: ["J’aime ça :", "Me gusta Cargando...", "Gefällt mir Wird geladen …", "Caricamento...",
                      "Ähnliche Beiträge", "Похожее", "Поделиться:", "Curtir isso:", "Реклама", "広告", "Annons", "Iklan"])
    func widgetLabelsLeftLastGo(label: String) {
        let article = clean(BoilerplateFamilyTests.bodyHTML + "<p>\(label)</p>")
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
    }

    @Test(arguments: ["Mi piace pensare che il porto riaprirà presto, ma nessuno lo sa.",
                      "Похожее случилось и в прошлом году, когда паром не пришёл."])
    func sentencesOpeningWithTheSameWordsStay(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }
}
