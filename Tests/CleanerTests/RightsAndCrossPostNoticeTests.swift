import Testing
import Cleaner

/// Reprint and copyright notices (`RightsNotices`) and cross-post notes
/// (`CrossPostNotes`) at an entry's edges, in several languages; each
/// paired with prose that uses the same words and stays.
@Suite struct RightsAndCrossPostNoticeTests {
    static let secondParagraph = "By evening the harbour master had counted them all back, and the lifeboat crew went home for supper."
    static let body = "<p>\(bodyParagraph)</p><p>\(secondParagraph)</p>"
    static let bodyText = bodyParagraph + "\n\n" + secondParagraph

    // MARK: - Rights notices

    static let rightsNotices = [
        "<p>本文由极客公园 GeekPark 原创发布，转载请添加极客君微信 geekparker。<br></p>",
        "<p>转载请注明出处。</p>",
        "<p>本文为 36氪 原创，未经授权禁止转载。</p>",
        "<p>版權所有，轉載請註明出處：https://blog.harbour.example.tw</p>",
        "<p>※無断転載禁止</p>",
        "<p>&lt;저작권자 ⓒ 항구신문, 무단전재 및 재배포 금지&gt;</p>",
        "<p>All rights reserved.</p>",
        "<p>Harbour Gazette. All rights reserved.</p>",
        "<p>Reprinted with permission from harbour.example.</p>",
        "<p>Reproduction interdite sans autorisation.</p>",
        "<p>Toute reproduction, même partielle, est interdite.</p>",
        "<p>Tous droits réservés © Le Courrier du Port 2024</p>",
        "<p>Nachdruck nur mit Genehmigung des Verlags.</p>",
        "<p>Nachdruck, auch auszugsweise, nur mit Genehmigung.</p>",
        "<p>Alle Rechte vorbehalten.</p>",
        "<p>Prohibida su reproducción total o parcial.</p>",
        "<p>Todos los derechos reservados. Prohibida su reproducción sin autorización.</p>",
        "<p>© Riproduzione riservata</p>",
        "<p>RIPRODUZIONE RISERVATA ©</p>",
        "<p>Todos os direitos reservados.</p>",
        "<p>Alle rechten voorbehouden.</p>",
        "<p>Harbour News and Media Limited or its affiliated companies. All rights reserved. 2018</p>",
    ]

    @Test(arguments: rightsNotices) func rightsNoticesGoAtTheTail(notice: String) {
        let article = clean(Self.body + notice)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
        #expect(article.removedWhat == ["tail: rights notice"])
        #expect(article.removed.map(\.rule) == ["boundary-tail"])
    }

    @Test func aRightsNoticeUnderTheEditorsCreditGoesAndTheCreditStays() {
        let article = clean(Self.body + "<p>责任编辑：靖宇</p><p>本文由极客公园 GeekPark 原创发布，转载请添加极客君微信 geekparker。</p>")
        #expect(article.text == Self.bodyText + "\n\n责任编辑：靖宇", "\(article.removedWhat)")
    }

    @Test func aRightsNoticeRepeatedInEveryEntryGoesAsTemplate() {
        let entries = (1...4).map { number in
            "<p>Ferry number \(number) came back \(number * 7) minutes late, low in the water and full of tourists.</p>"
                + "<p>转载请注明出处。</p>"
        }
        let article = clean(entries[2], template: FeedTemplate(learningFrom: entries))
        #expect(article.text == "Ferry number 3 came back 21 minutes late, low in the water and full of tourists.")
    }

    /// Prose that quotes or discusses a notice, at either edge.
    static let rightsProse = [
        "All rights reserved, the label said, but the band had already put the album online.",
        "All rights reserved, and yet the band put the whole album online for free.",
        "Die Zeitung druckte „Nachdruck nur mit Genehmigung“ unter jeden Artikel, doch niemand hielt sich daran.",
        "Prohibida su reproducción total o parcial, decía el cartel del museo, pero todos hacían fotos.",
        "Tous droits réservés : c'est la mention que le tribunal a jugée insuffisante en 2019.",
        "这篇文章发布后被大量转载，作者说他很高兴。",
        "记者注意到，该网站的文章底部都标有“未经授权禁止转载”的字样，但仍有大量自媒体照搬。",
        "All rights reserved is the phrase most people know, but under the Berne Convention a work is protected "
            + "without any notice at all, and the courts have said so again and again since the phrase was first "
            + "required in the Buenos Aires Convention of 1910; the notice is a habit, not a condition.",
    ]

    @Test(arguments: rightsProse) func proseAboutRightsNoticesStaysAtEitherEdge(paragraph: String) {
        for html in [Self.body + "<p>\(paragraph)</p>", "<p>\(paragraph)</p>" + Self.body] {
            let article = clean(html)
            #expect(article.text.contains(paragraph), "\(article.removedWhat)")
            #expect(article.removed.isEmpty, "\(article.removedWhat)")
        }
    }

    // MARK: - Cross-post notes

    static let crossPostNotes = [
        """
        <blockquote><p>NOTE: this article is cross-posted on <a href="https://tides.example.org/blog/">tides.example.org</a> \
        and <a href="http://www.harbour.example/blog/">harbour.example</a>. Please head to the latter for the comments!</p></blockquote>
        """,
        "<p>Cross-posted from my blog.</p>",
        "<p><em>Cross-posted from the Harbour Gazette blog</em></p>",
        "<p>[Crossposted to LessWrong]</p>",
        #"<p>This post also appears on <a href="https://tides.example/post">Tides Weekly</a>.</p>"#,
        "<p><em>Also published on Medium.</em></p>",
        "<p>(This post is also available on my Substack.)</p>",
        "<p>Dieser Beitrag erschien auch auf harbour.example.</p>",
        #"<p>Cet article est également publié sur <a href="https://asso.example.fr">le blog de l'association</a>.</p>"#,
        "<p>Publicado también en harbour.example</p>",
        "<p>Pubblicato anche su harbour.example</p>",
        "<p>Zuerst erschienen auf netz.harbour.example</p>",
        "<p>本文首发于微信公众号「港口日报」。</p>",
    ]

    @Test(arguments: crossPostNotes) func crossPostNotesGoAtEitherEdge(note: String) {
        for (html, edge) in [(Self.body + note, "tail"), (note + Self.body, "head")] {
            let article = clean(html)
            #expect(article.text == Self.bodyText, "\(edge): \(article.removedWhat)")
            #expect(article.removedWhat == ["\(edge): cross-post note"])
            #expect(article.source == nil)
        }
    }

    /// Prose that opens like a cross-post note, at either edge.
    static let crossPostProse = [
        "Cross-posted from Facebook, the photos spread across three countries within hours.",
        "Also published on Tuesday: the council's report on the harbour, which the mayor had kept back.",
        "This post also appears on the shortlist of the harbour prize, the jury said.",
        "Today's episode is a cross-post of an interview I did with the Harbour Podcast last spring.",
        "本文首发于2019年的一份内部报告，后来被多家媒体引用。",
    ]

    @Test(arguments: crossPostProse) func proseAboutCrossPostingStaysAtEitherEdge(paragraph: String) {
        for html in [Self.body + "<p>\(paragraph)</p>", "<p>\(paragraph)</p>" + Self.body] {
            let article = clean(html)
            #expect(article.text.contains(paragraph), "\(article.removedWhat)")
            #expect(article.removed.isEmpty, "\(article.removedWhat)")
        }
    }
}
