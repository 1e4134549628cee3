import Testing
import Cleaner

/// Image-zoom labels (`ImageZoomLabels`): "View fullsize", "Click to enlarge", "Vergrößern" and
/// their kin as a whole block, line, link or figure caption go, in several languages, and the
/// images they label stay; captions and sentences that use the same words stay whole.
@Suite struct ImageZoomLabelTests {
    typealias Case = BoilerplateFamilyTests.Case
    static let second = BoilerplateFamilyTests.secondParagraph
    static let body = bodyParagraph + "\n\n" + second
    static let photo = "https://harbour.example/img/ferry.jpg"

    static let labels: [String] = [
        "<p>(Click for larger view)</p>",
        "<p>Click image to enlarge</p>",
        "<p>View fullsize</p>",
        "<p>View larger image</p>",
        "<p>Enlarge image</p>",
        "<p>[Click here to see the full-size picture]</p>",
        "<p>Tap to zoom</p>",
        "<p>Zum Vergrößern klicken</p>",
        "<p>Bild vergrößern</p>",
        "<p>Cliquez pour agrandir l’image</p>",
        "<p>Haz clic para ampliar</p>",
        "<p>Ampliar imagen</p>",
        "<p>Clicca per ingrandire</p>",
        "<p>Klik om te vergroten</p>",
        "<p>Klicken Sie auf das Bild, um es zu vergrößern.</p>",
        "<p>Haz clic en la imagen para ampliarla</p>",
        "<p>Clicca sull’immagine per ingrandirla</p>",
        "<p><a href=\"\(photo)\">View full size</a></p>",
        "<p><a href=\"\(photo)\">Enlarge</a></p>",
        "<p><a href=\"\(photo)\">Agrandir</a></p>",
        "<p><a href=\"\(photo)\">Ampliar</a></p>",
        "<p><a href=\"\(photo)\">Ingrandisci</a></p>",
        "<p><a href=\"\(photo)\">Vergrößern</a></p>",
        "<p><a href=\"\(photo)\">Zoom in</a></p>",
        "<div><a href=\"\(photo)\">Voir en grand</a></div>",
    ]

    @Test(arguments: labels) func labelsGoBetweenParagraphs(label: String) {
        WordingFamilyTests.checkBetweenParagraphs(label)
    }

    @Test(arguments: labels) func labelsGoAtTheTail(label: String) {
        let article = clean(BoilerplateFamilyTests.bodyHTML + label)
        #expect(article.text == Self.body, "\(article.removedWhat)")
        #expect(article.removedWhat.contains { $0.contains(ImageZoomLabelTests.kind) }, "\(article.removedWhat)")
    }

    static let kind = "image hint"

    @Test func aSquarespaceGalleryLosesItsHiddenLabelsAndKeepsItsImages() {
        let slide = { (name: String) in
            """
            <a href="https://images.example/\(name).jpg" role="button" class="image-slide-anchor">
            <span class="v6-visually-hidden">View fullsize</span>
            <img class="thumb-image" src="https://images.example/\(name).jpg?format=1000w" alt="\(name).jpg" /><br>
            </a>
            """
        }
        let gallery = ["back", "side1", "side2", "label"].map(slide).joined()
        let article = clean("<p>\(bodyParagraph)</p>" + gallery + "<p>\(Self.second)</p>")
        #expect(article.text == Self.body, "\(article.removedWhat)")
        for name in ["back", "side1", "side2", "label"] {
            #expect(article.html.contains("src=\"https://images.example/\(name).jpg?format=1000w\""), "\(article.html)")
        }
    }

    @Test func aLabelInsideAnImagesLinkGoesAndTheImageStays() {
        let article = clean("""
            <p>\(bodyParagraph)</p><p><a href="\(Self.photo)"><img src="https://harbour.example/img/ferry-small.jpg" alt="The ferry">View larger</a></p><p>\(Self.second)</p>
            """)
        #expect(article.text == Self.body, "\(article.removedWhat)")
        #expect(article.html.contains("<img src=\"https://harbour.example/img/ferry-small.jpg\""))
    }

    @Test func anEnlargeLinkOpeningACaptionGoesWithItsSeparator() {
        let figure = """
            <figure><img src="https://harbour.example/img/ferry-800.jpg" alt="The ferry">
            <p class="caption"><a href="\(Self.photo)" class="enlarge-link">Enlarge</a> <span class="sep">/</span> The ferry at dawn, leaving Leith. (credit: Jo Reyes)</p></figure>
            """
        let article = clean("<p>\(bodyParagraph)</p>" + figure + "<p>\(Self.second)</p>")
        #expect(article.text == bodyParagraph + "\n\nThe ferry at dawn, leaving Leith. (credit: Jo Reyes)\n\n" + Self.second,
                "\(article.removedWhat)")
        #expect(article.html.contains("<img src=\"https://harbour.example/img/ferry-800.jpg\""))
    }

    @Test func anEnlargeLinkBeforeCaptionTextWithASlashInItGoes() {
        let figure = """
            <figure><img src="https://harbour.example/img/ferry-800.jpg" alt="The ferry"><figcaption><a href="\(Self.photo)">Zoom</a> / The ferry at dawn.</figcaption></figure>
            """
        let article = clean(figure + BoilerplateFamilyTests.bodyHTML)
        #expect(article.text == "The ferry at dawn.\n\n" + Self.body, "\(article.removedWhat)")
    }

    @Test(arguments: ["Click to enlarge", "Vergrößern", "Zoom", "View full-size image"])
    func aCaptionThatIsOnlyALabelGoesAndTheImageStays(caption: String) {
        let figure = "<figure><img src=\"\(Self.photo)\" alt=\"The ferry\"><figcaption>\(caption)</figcaption></figure>"
        let article = clean("<p>\(bodyParagraph)</p>" + figure + "<p>\(Self.second)</p>")
        #expect(article.text == Self.body, "\(article.removedWhat)")
        #expect(article.html.contains("<img src=\"\(Self.photo)\""))
    }

    @Test func aLabelLineUnderAnImageGoesAndTheCaptionLineStays() {
        let article = clean("""
            <p>\(bodyParagraph)</p><p>The ferry at dawn.<br><a href="\(Self.photo)"><img src="https://harbour.example/img/ferry-small.jpg" alt=""></a><br>Click to enlarge</p><p>\(Self.second)</p>
            """)
        #expect(!article.text.contains("enlarge"), "\(article.removedWhat)")
        #expect(article.text.hasPrefix(bodyParagraph + "\n\nThe ferry at dawn."), "\(article.text)")
        #expect(article.text.hasSuffix(Self.second))
        #expect(article.html.contains("ferry-small.jpg"))
    }

    @Test func aLabelLongerThanTheRestOfTheEntryGoesAndTheImageStays() {
        let article = clean("""
            <p><a href="\(Self.photo)"><img src="https://harbour.example/img/ferry-small.jpg" alt="The ferry"></a></p><p>Click here to see the full-size picture</p><p>The ferry.</p>
            """)
        #expect(article.text == "The ferry.", "\(article.removedWhat)")
        #expect(article.html.contains("ferry-small.jpg"))
    }

    // MARK: - The same words in the article

    static let prose = [
        "To enlarge the photo, click it.",
        "Example (click to enlarge):",
        "The zoom lens makes every picture larger than life, and the harbour looks twice its size.",
        "The bigger picture",
        "Zoom",
        "Vergrößern Sie das Bild nicht zu stark, sonst wird es unscharf.",
        "Cliquez sur la carte pour voir les horaires du ferry en grand format, puis imprimez-la.",
        "<a href=\"https://zoom.example\">Zoom</a>",
        "<a href=\"https://music.example/bigger\">Bigger</a>",
        "<a href=\"https://zoom.example/meeting\">Zoom meeting notes</a>",
        "<a href=\"https://harbour.example/bigger-picture\">The bigger picture</a>",
    ]

    @Test(arguments: prose) func proseAndLinksWithTheSameWordsStay(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }

    @Test func aListOfAppsWithZoomInItStays() {
        let list = "<ul><li><a href=\"https://zoom.example\">Zoom</a></li><li><a href=\"https://jitsi.example\">Jitsi</a></li></ul>"
        let article = clean("<p>\(bodyParagraph)</p>" + list + "<p>\(Self.second)</p>")
        #expect(article.text.contains("Zoom"), "\(article.removedWhat)")
    }

    @Test func aLinkedHeadingThatReadsLikeALabelStays() {
        let article = clean("<p>\(bodyParagraph)</p><h3><a href=\"https://zoom.example\">Enlarge</a></h3><p>\(Self.second)</p>")
        #expect(article.text.contains("Enlarge"), "\(article.removedWhat)")
    }

    @Test func aCaptionThatSaysMoreStays() {
        let caption = "Click to enlarge: the ferry at dawn, leaving Leith for the islands."
        let figure = "<figure><img src=\"\(Self.photo)\" alt=\"\"><figcaption>\(caption)</figcaption></figure>"
        let article = clean("<p>\(bodyParagraph)</p>" + figure + "<p>\(Self.second)</p>")
        #expect(article.text.contains(caption), "\(article.removedWhat)")
    }
}
