import Testing
import Cleaner

/// Links that only start a player (`PlatformChrome.isPlayerLink`): "Escuchar audio", "Play episode",
/// "Listen now" and their kin in several languages go as a whole block that is one link, at the
/// edges and between paragraphs; a link that says more, and prose with the same words, stay.
@Suite struct PlayerLinkTests {
    typealias Case = BoilerplateFamilyTests.Case
    static let audio = "https://radio.example/audios/episode-6/3472786/"

    static let links: [Case] = [
        Case(html: "<div><br/><a href=\"\(audio)\">Escuchar audio</a></div>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">Listen to audio</a></p>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">Play episode</a></p>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">Listen now</a></p>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">▶ Play (45:12)</a></p>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">Écouter l’épisode</a></p>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">Audio anhören</a></p>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">Folge jetzt anhören</a></p>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">Ouvir episódio</a></p>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">Ascolta la puntata</a></p>", kind: "platform chrome"),
        Case(html: "<p><a href=\"\(audio)\">Luister de aflevering</a></p>", kind: "platform chrome"),
        Case(html: "<p><strong><a href=\"\(audio)\">Watch the video</a></strong></p>", kind: "platform chrome"),
    ]

    @Test(arguments: links) func playerLinksGoAtTheEdges(link: Case) {
        BoilerplateFamilyTests.check(link)
    }

    @Test(arguments: links) func playerLinksGoBetweenParagraphs(link: Case) {
        WordingFamilyTests.checkBetweenParagraphs(link.html)
    }

    // MARK: - The same words in the article

    static let prose = [
        "Listen now, before the council votes on the ferry fares.",
        "Play the episode backwards and you hear the foghorn that opens the show.",
        "<a href=\"\(audio)\">Listen to the episode where Jo explains the ferry timetable</a>",
        "Escuchar <a href=\"\(audio)\">el audio completo</a> lleva dos horas, pero merece la pena.",
        "<a href=\"https://harbour.example/play\">Play</a>",
        "<a href=\"https://harbour.example/now\">Now</a>",
        "<a href=\"https://theatre.example/the-play\">The play</a>",
    ]

    @Test(arguments: prose) func linksThatSayMoreAndProseStay(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }
}
