/// The comment form WordPress appends to a post, in the languages WordPress is translated into.
///
/// Its heading ("Leave a Reply", "Laisser un commentaire", "Schreibe einen Kommentar", "发表回复")
/// starts the comments section at the tail, and its privacy line ("Your email address will not be
/// published.", "Deine E-Mail-Adresse wird nicht veröffentlicht.") is the form's wherever it
/// stands at the tail. The English wordings are `BoundaryText`'s own; these are the translations.
/// Only whole headings count, and lines that open with the privacy sentence and end it there: a
/// paragraph about leaving a comment says more.
enum CommentForms {
    /// Whether `key` (normalised by `BoundaryText.normalized`) is the form's heading in another language.
    static func isHeading(_ key: String) -> Bool {
        guard key.utf8.count <= maximumHeadingLength, let first = key.utf8.first, headingInitials.contains(first) else {
            return false
        }
        return headings.contains(key)
    }

    /// Whether `key` (normalised) opens with the form's privacy sentence in another language.
    static func isPrivacyLine(_ key: String) -> Bool {
        guard key.utf8.count <= maximumPrivacyLineLength, let opening = privacyOpenings.firstOpening(of: key) else {
            return false
        }
        // The sentence ends there: "…wird nicht veröffentlicht, versprach der Verein" is prose.
        let rest = key.utf8.dropFirst(opening.utf8.count)
        return rest.isEmpty || sentenceEnds.contains(where: { rest.starts(with: $0.utf8) })
    }

    /// What ends the privacy sentence: a full stop, or the required-fields note after a space.
    private static let sentenceEnds = [".", "。", "!", " *", " ("]

    /// The longest heading, in UTF-8 bytes.
    private static let maximumHeadingLength = 48
    /// The longest privacy line with the required-fields note after it, in UTF-8 bytes.
    private static let maximumPrivacyLineLength = 300

    /// The first bytes of the headings.
    private static let headingInitials = Set(headings.compactMap(\.utf8.first))

    /// "Leave a Reply", "Leave a Comment" and "Cancel reply" as WordPress's translations write them, lowercased.
    private static let headings: Set<String> = [
        "laisser un commentaire", "laisser une réponse", "annuler la réponse", "laisser un commentaire annuler la réponse",
        "deja una respuesta", "deja un comentario", "dejar un comentario", "cancelar la respuesta",
        "deja una respuesta cancelar la respuesta", "schreibe einen kommentar", "kommentar verfassen",
        "hinterlasse einen kommentar", "kommentar hinterlassen", "antwort hinterlassen", "antworten abbrechen",
        "schreibe einen kommentar antworten abbrechen", "lascia un commento", "lascia una risposta", "annulla risposta",
        "lascia un commento annulla risposta", "deixe um comentário", "deixe uma resposta", "deixar um comentário",
        "cancelar resposta", "deixe um comentário cancelar resposta", "geef een reactie", "laat een reactie achter",
        "plaats een reactie", "reactie annuleren", "geef een reactie reactie annuleren", "dodaj komentarz",
        "anuluj pisanie odpowiedzi", "добавить комментарий", "оставить комментарий", "оставьте комментарий",
        "отменить ответ", "добавить комментарий отменить ответ", "lämna ett svar", "lämna en kommentar", "avbryt svar",
        "bir yanıt yazın", "bir cevap yazın", "yorum yapın", "yanıtı iptal et", "tinggalkan balasan",
        "tinggalkan komentar", "batalkan balasan", "napsat komentář", "zanechte komentář", "zrušit odpověď na komentář",
        "để lại một bình luận", "để lại bình luận", "コメントを残す", "返信を残す", "返信をキャンセル", "发表回复",
        "发表评论", "留下评论", "取消回复", "發佈留言", "發表迴響", "取消回覆",
    ]

    /// How the privacy line opens in WordPress's translations, lowercased.
    private static let privacyOpenings = Openings([
        "votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie ne sera pas publiée",
        "votre adresse email ne sera pas publiée", "tu dirección de correo electrónico no será publicada",
        "tu correo electrónico no será publicado", "deine e-mail-adresse wird nicht veröffentlicht",
        "ihre e-mail-adresse wird nicht veröffentlicht", "il tuo indirizzo email non sarà pubblicato",
        "o seu endereço de email não será publicado", "o seu endereço de e-mail não será publicado",
        "seu endereço de e-mail não será publicado", "je e-mailadres wordt niet gepubliceerd",
        "uw e-mailadres wordt niet gepubliceerd", "twój adres e-mail nie zostanie opublikowany",
        "twój adres email nie zostanie opublikowany", "ваш адрес email не будет опубликован",
        "ваш e-mail не будет опубликован", "din e-postadress kommer inte publiceras",
        "e-posta adresiniz yayınlanmayacak", "alamat email anda tidak akan dipublikasikan",
        "vaše e-mailová adresa nebude zveřejněna", "email của bạn sẽ không được hiển thị công khai",
        "メールアドレスが公開されることはありません", "您的邮箱地址不会被公开", "您的电子邮箱地址不会被公开",
        "您的電子郵件地址並不會被公開",
    ])
}
