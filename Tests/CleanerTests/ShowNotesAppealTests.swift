import Testing
import Cleaner

/// Appeals that end podcast show notes, in the wordings of many shows: rate, review, share and
/// follow the show, watch it on a video platform, pay it through a podcast app or a membership,
/// a short question that leads in to a call, sponsors' promo-code lines, hosting notices, link-in-bio
/// pages and voicemail numbers. Each family is paired with prose that uses the same words.
@Suite struct ShowNotesAppealTests {
    typealias Case = BoilerplateFamilyTests.Case

    @Test(arguments: [
        Case(html: "<p>Subscribe, rate and review wherever you listen.</p>", kind: "podcast links"),
        Case(html: "<p>Don't forget to follow the show so you never miss an episode.</p>", kind: "podcast links"),
        Case(html: "<p>Help us grow: share this episode with someone who needs to hear it and leave a review.</p>", kind: "podcast links"),
        Case(html: "<p>Enjoying the show? Tell a friend about it!</p>", kind: "podcast links"),
        Case(html: "<p>Leave us a 5-star review, it takes 30 seconds!</p>", kind: "podcast links"),
        Case(html: "<p>Please take a moment to rate the podcast on <a href=\"https://podcasts.apple.com/p/1\">Apple Podcasts</a>.</p>",
             kind: "podcast links"),
        Case(html: "<p>Make sure you follow Harbour Hours in your app. It really helps!</p>", kind: "podcast links"),
        Case(html: "<p>Laissez-nous un avis sur votre application de podcast préférée.</p>", kind: "podcast links"),
        Case(html: "<p>Bewerte uns mit fünf Sternen, das hilft dem Podcast sehr!</p>", kind: "podcast links"),
        Case(html: "<p>Déjanos una reseña en Spotify y comparte el episodio.</p>", kind: "podcast links"),
        Case(html: "<p>Watch the video version on YouTube: <a href=\"https://youtube.com/@harbour\">youtube.com/@harbour</a></p>",
             kind: "podcast links"),
        Case(html: "<p>Prefer video? Watch this episode on YouTube.</p>", kind: "podcast links"),
    ]) func listenerAppealsGo(appeal: Case) { BoilerplateFamilyTests.check(appeal) }

    @Test(arguments: [
        Case(html: "<p>Boost this episode with a Podcasting 2.0 app like Fountain or Castamatic.</p>", kind: "donation appeal"),
        Case(html: "<p>Send us a boostagram!</p>", kind: "donation appeal"),
        Case(html: "<p>This show is value for value: if you got value from it, send some back with a boost.</p>", kind: "donation appeal"),
        Case(html: "<p>Become a member and get ad-free episodes at <a href=\"https://harbour.fm/plus\">harbour.fm/plus</a></p>",
             kind: "donation appeal"),
        Case(html: "<p>Join Harbour Plus for bonus episodes and no ads: harbour.fm/plus</p>", kind: "donation appeal"),
        Case(html: "<p>Go ad-free with Harbour Premium and hear every episode first.</p>", kind: "donation appeal"),
        Case(html: "<p>Love the show? Support us on Patreon!</p>", kind: "donation appeal"),
    ]) func listenerPaymentAppealsGo(appeal: Case) { BoilerplateFamilyTests.check(appeal) }

    @Test(arguments: [
        Case(html: "<p>Join the conversation on Instagram @harbourpod and on Twitter @harbourpod.</p>", kind: "social links"),
        Case(html: "<p>Tune in and join the conversation on Twitter @harbourpod!</p>", kind: "social links"),
        Case(html: "<p>Keep up with the show on Instagram and TikTok @harbourpod.</p>", kind: "social links"),
        Case(html: "<p>All our links: <a href=\"https://linktr.ee/harbour\">linktr.ee/harbour</a></p>", kind: "social links"),
        Case(html: "<p>🔗 https://linktr.ee/harbourpod</p>", kind: "social links"),
        Case(html: "<p>Got feedback? Email us at hello@harbour.fm</p>", kind: "contact line"),
        Case(html: "<p>Leave us a voicemail at (555) 010-2030 and you might hear yourself on the show!</p>", kind: "contact line"),
        Case(html: "<p>Think your town has it worse than ours? Send us an email: hello@harbour.fm</p>", kind: "contact line"),
        Case(html: "<p>For the latest news on the harbour and its boats, be sure to follow @HarbourNews on Twitter.</p>",
             kind: "social links"),
        Case(html: "<p>:: Clique aqui para receber notícias do Porto no seu WhatsApp ::</p>", kind: "social links"),
        Case(html: "<p>Get our news on Telegram: <a href=\"https://t.me/harbour\">t.me/harbour</a></p>", kind: "social links"),
        Case(html: "<p>Get the Harbour newsletter: <a href=\"https://harbour.fm/newsletter\">harbour.fm/newsletter</a></p>",
             kind: "newsletter prompt"),
        Case(html: "<p>Get your Harbour Hour merch at <a href=\"https://harbour.fm/shop\">harbour.fm/shop</a>!</p>", kind: "donation appeal"),
        Case(html: "<p>Want some Harbour tee-shirts and mugs? Check out our store: https://store.harbour.fm</p>", kind: "donation appeal"),
    ]) func followAndContactLinesGo(line: Case) { BoilerplateFamilyTests.check(line) }

    @Test(arguments: [
        Case(html: "<p>Please support our sponsors, they make this show possible.</p>", kind: "sponsor message"),
        Case(html: "<p>Huge thanks to our sponsors, <a href=\"https://linear.example\">Linear</a> and "
            + "<a href=\"https://mercury.example\">Mercury</a>.</p>", kind: "sponsor message"),
        Case(html: "<p>A big thank you to this week's sponsor: <a href=\"https://tidewater.example\">Tidewater</a>.</p>",
             kind: "sponsor message"),
        Case(html: "<p>Our partners</p><ul><li><a href=\"https://linear.example\">Linear</a> – the issue tracker built for speed</li>"
            + "<li><a href=\"https://mercury.example\">Mercury</a> – banking for startups</li></ul>", kind: "sponsor message",
             edges: [.tail]),
        Case(html: "<p>Promo codes and links: <a href=\"https://shop.example/h\">shop.example/h</a> (code HARBOUR)</p>",
             kind: "sponsor message"),
        Case(html: "<p>Hosted by Simplecast, an AdsWizz company. See pcm.adswizz.com for information about our collection and use of "
            + "personal data for advertising.</p>", kind: "podcast hosting notice"),
    ]) func sponsorAndHostingLinesGo(line: Case) { BoilerplateFamilyTests.check(line) }

    /// A label of the publisher's own pages and one address: support, contact, advertising, its other shows.
    @Test(arguments: [
        Case(html: "<p>☕ Support: <a href=\"https://harbour.fm/support\">harbour.fm/support</a></p>", kind: "donation appeal"),
        Case(html: "<p>Donations: <a href=\"https://harbour.fm/donate\">harbour.fm/donate</a></p>", kind: "donation appeal"),
        Case(html: "<p>📧 Contact: hello@harbour.fm</p>", kind: "contact line"),
        Case(html: "<p>Interested in advertising? Email ads@harbour.fm</p>", kind: "contact line"),
        Case(html: "<p>Advertise with us: <a href=\"https://harbour.fm/ads\">harbour.fm/ads</a></p>", kind: "podcast links"),
        Case(html: "<p>Check out our other shows: <a href=\"https://harbour.fm/shows\">harbour.fm/shows</a></p>", kind: "podcast links"),
        Case(html: "<p>The Harbour Hour is part of the Tidewater Podcast Network.</p>", kind: "podcast links"),
        Case(html: "<p>A transcript of this episode is available at <a href=\"https://harbour.fm/12/t\">harbour.fm/12/t</a>.</p>",
             kind: "show-notes link"),
    ]) func labelledAddressLinesGo(line: Case) { BoilerplateFamilyTests.check(line) }

    /// Prose with the same words stays at the head, at the tail and between paragraphs.
    @Test(arguments: [
        "Share this episode of your life with your children, the therapist says, because they will remember it.",
        "Tell a friend about the lump if you are scared, doctors advise; then book an appointment.",
        "Rate and review data show that restaurants with five-star ratings get twice the bookings.",
        "Leave a review of the new ferry timetable at the council office before Friday.",
        "Don't forget to follow the recipe exactly, or the bread will not rise as it did in the episode.",
        "Help us understand what happened: the council has still not published the report on the harbour wall.",
        "Watch the video of the collapse on YouTube, filmed by a passer-by on the quay.",
        "Boost your immune system with sleep, not supplements, the study of 2,000 adults found.",
        "Fountain added boosts and boostagrams last year, and 40,000 listeners have sent one since.",
        "Join the conversation about the wall at the town hall on Tuesday at 7 pm.",
        "Join the beta to get early access to the new ferry app, which launches in May.",
        "Become a member of the lifeboat crew and you will train every Tuesday night for a year.",
        "Feedback: positive. The council will publish the survey's full results in June.",
        "Contact: the harbour master, who has not replied to three letters since January.",
        "The harbour is part of the Tidewater shipping network, which moves 2 million tonnes a year.",
        "Sign up for a <a href=\"https://hulu.example/plans\">Hulu ad-free account</a> for $11.99 a month.",
        "Got a boat? Then you know how hard it is to find a mooring in this town.",
        "Love the show? The critics did not: the Herald called it the worst premiere of the season.",
        "Keep up with the show on Instagram, the producer told the intern, or you will miss the casting calls.",
        "Value for value is how economists describe a fair trade, and the harbour deal was not one.",
        "Call us at 555 010 2030 if the water rises, the harbour master told the residents.",
        "The band's page at linktr.ee/harbourband lists their tour dates and the new album.",
        "Notez que cet épisode a été enregistré avant les élections.",
        "Support our sponsors, the mayor said, was not what the council had asked the festival to print.",
        "Thanks to our sponsors' cuts, the festival shrank to two days, the organiser said on Monday.",
        "Many thanks to our partners in the lifeboat crew, who pulled three fishermen from the water in March.",
        "For the first time in years, follow-up inspections found no cracks in the harbour wall.",
        "For the record, follow us on Twitter was the campaign's slogan, the agency said.",
        "The minister's WhatsApp messages about the news were leaked to a Telegram channel.",
        "Buy the ticket at the harbour office; the mug is free with every crossing booked at harbour.fm.",
        "Got a minute? The council's report on the wall is shorter than you think, and worth reading.",
        "Would you like to be part of the harbour team? Join our volunteer programme and share your voice on harbour.org!",
    ]) func proseWithTheSameWordsStays(prose: String) { WordingFamilyTests.checkKept(prose) }
}

/// Between paragraphs (above a chapter list, say) the appeals that name the podcast, an episode, a
/// platform or the publisher go; one that names only "the show" may be the article's and stays.
@Suite struct ShowNotesAppealsBetweenParagraphsTests {
    static let chapters = "<p>(00:00) Intro<br>(04:12) The wall<br>(31:40) Who pays</p>"

    @Test(arguments: [
        "<p>Rate and review us on Apple Podcasts!</p>",
        "<p>Send us a boostagram!</p>",
        "<p>Join Harbour Plus for bonus episodes and no ads: <a href=\"https://harbour.fm/plus\">harbour.fm/plus</a></p>",
        "<p>Get your Harbour Hour merch at <a href=\"https://harbour.fm/shop\">harbour.fm/shop</a>!</p>",
        "<p>All our links: <a href=\"https://linktr.ee/harbour\">linktr.ee/harbour</a></p>",
    ]) func aboveTheChaptersTheyGo(appeal: String) {
        let article = clean(BoilerplateFamilyTests.bodyHTML + appeal + Self.chapters)
        #expect(!article.text.contains(WordingFamilyTests.textOf(appeal)), "\(article.removedWhat)")
        #expect(article.text.contains("(31:40) Who pays"), "\(article.removedWhat)")
    }

    @Test(arguments: [
        "<p>Tell a friend about the show that changed your life.</p>",
        "<p>Tell a friend about <a href=\"https://tv.example/harbour\">the show</a> that changed your life.</p>",
    ]) func anAppealThatNamesOnlyTheShowStays(prose: String) {
        let article = clean(BoilerplateFamilyTests.bodyHTML + prose + Self.chapters)
        #expect(article.text.contains("Tell a friend about the show that changed your life."), "\(article.removedWhat)")
    }
}

/// News sites' prompts to follow them elsewhere, get their alerts or join their list, at an entry's edges.
@Suite struct SiteFollowPromptTests {
    typealias Case = BoilerplateFamilyTests.Case

    @Test(arguments: [
        Case(html: "<p>Follow topics and authors from this story to see more like this in your personalized homepage feed and to "
            + "receive email updates.</p>", kind: "social links"),
        Case(html: "<p>Follow us on Google News</p>", kind: "social links"),
        Case(html: "<p>Siga-nos no Google News e receba as principais notícias do dia.</p>", kind: "social links"),
        Case(html: "<p>Folgen Sie uns auf Google News!</p>", kind: "social links"),
        Case(html: "<p>Sign up for notifications from Insider! Stay up to date with what you want to know.</p>", kind: "social links"),
        Case(html: "<p>Stay updated with the latest news by following us on Facebook, Twitter and Instagram.</p>", kind: "social links"),
        Case(html: "<p>Download the Harbour app for iOS and Android to get breaking news alerts.</p>", kind: "social links"),
        Case(html: "<p>Get the latest news delivered to your inbox: sign up for our daily newsletter.</p>", kind: "newsletter prompt"),
    ]) func theyGo(prompt: Case) { BoilerplateFamilyTests.check(prompt) }

    @Test(arguments: [
        "Download the NHS app to book appointments, the health minister said on Tuesday.",
        "Get the app-store refund you are owed: Apple's policy allows 14 days for most purchases.",
        "She signed up for our newsletter in 2019 and wrote to the editor every week after that.",
        "Google News ranked the harbour story first for two days, which the council found alarming.",
    ]) func proseWithTheSameWordsStays(prose: String) { WordingFamilyTests.checkKept(prose) }
}
