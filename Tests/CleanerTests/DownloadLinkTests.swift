import Testing
import Cleaner

/// Download-as-format links (`DownloadLinks`): "Télécharger ce contenu au format Epub", "Download
/// PDF" and their kin in several languages go as a whole short block that is mostly a link, at the
/// edges and between paragraphs; a sentence that offers a document in prose stays whole.
@Suite struct DownloadLinkTests {
    typealias Case = BoilerplateFamilyTests.Case
    static let second = BoilerplateFamilyTests.secondParagraph
    static let body = bodyParagraph + "\n\n" + second

    static let links: [Case] = [
        Case(html: "<div><a href=\"https://linuxfr.example/journaux/ferry.epub\">Télécharger ce contenu au format Epub</a></div>", kind: "download link"),
        Case(html: "<p><a href=\"https://harbour.example/ferry.pdf\">Download this article as PDF</a></p>", kind: "download link"),
        Case(html: "<p><a href=\"https://harbour.example/ferry.pdf\">Download PDF</a></p>", kind: "download link"),
        Case(html: "<p><a href=\"https://harbour.example/ferry.pdf\">Download (PDF, 1.2 MB)</a></p>", kind: "download link"),
        Case(html: "<p><a href=\"https://harbour.example/ferry.pdf\">PDF version</a></p>", kind: "download link"),
        Case(html: "<p><a href=\"https://hafen.example/faehre.pdf\">Als PDF herunterladen</a></p>", kind: "download link"),
        Case(html: "<p><a href=\"https://hafen.example/faehre.pdf\">Diesen Artikel als PDF herunterladen</a></p>", kind: "download link"),
        Case(html: "<p><a href=\"https://puerto.example/ferry.pdf\">Descargar en PDF</a></p>", kind: "download link"),
        Case(html: "<p><a href=\"https://porto.example/traghetto.pdf\">Scarica il PDF</a></p>", kind: "download link"),
        Case(html: "<p><a href=\"https://porto.example/balsa.pdf\">Baixar em PDF</a></p>", kind: "download link"),
        Case(html: "<p>📄 <a href=\"https://harbour.example/ferry.epub\">Download as ePub</a> · <a href=\"https://harbour.example/ferry.mobi\">MOBI</a></p>", kind: "download link"),
    ]

    @Test(arguments: links) func downloadLinksGoAtTheEdges(link: Case) {
        BoilerplateFamilyTests.check(link)
    }

    @Test(arguments: links) func downloadLinksGoBetweenParagraphs(link: Case) {
        WordingFamilyTests.checkBetweenParagraphs(link.html)
    }

    // MARK: - The same words in the article

    static let prose = [
        "You can download the full 300-page report as a PDF from the ministry.",
        "You can <a href=\"https://ministry.example/report.pdf\">download the full 300-page report as a PDF</a> from the ministry.",
        "<a href=\"https://ministry.example/report.pdf\">The ministry's 300-page report (PDF)</a>",
        "Or, <a href=\"https://harbour.example/workshop.pdf\">download this PDF.</a>",
        "Download the PDF, print it, and bring it to the harbour office on Monday.",
        "The PDF version of the timetable is easier to read on a phone than the old EPUB one.",
        "<a href=\"https://harbour.example/timetable\">Download the ferry timetable</a>",
    ]

    @Test(arguments: prose) func proseOfferingADocumentStays(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }
}
