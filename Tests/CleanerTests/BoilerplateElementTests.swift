import Testing
import Cleaner

/// Whole elements that are boilerplate by their class, id, role or tag:
/// the share bars, like buttons, related-post lists, comment forms and
/// threads, newsletter boxes and footers that blogging platforms put into
/// entry content. Each fixture is the markup the platform emits.
@Suite struct BoilerplateElementTests {
    // MARK: - WordPress and Jetpack

    @Test func wordpressEntryKeepsExactlyItsThreeParagraphs() throws {
        let article = try Fixture.clean("Entries/wordpress-jetpack.html",
                                        baseURL: "https://lighthouse.example.org/2024/05/replacing-the-lamp/")
        #expect(article.text == """
            The lamp in the lantern room at Carrick Point had been a 1,000-watt metal halide since 1994. It was \
            bright, it was hot, and it drew more power than the rest of the station put together.

            Last week the keepers’ trust replaced it with a ring of twelve LED modules. The new light is visible \
            for 18 nautical miles, two more than before, and the whole ring draws 240 watts.

            The old lens stays. The modules sit where the lamp sat, so the first-order Fresnel lens still does \
            the work it has done since 1872.
            """)
    }

    @Test func jetpackShareBarLikesAndRelatedPostsAreNamedInRemovals() throws {
        let article = try Fixture.clean("Entries/wordpress-jetpack.html")
        #expect(article.removed("share bar (class \"sharedaddy\")"))
        #expect(article.removed("related posts (id \"jp-relatedposts\")"))
        #expect(article.removedWhat.filter { $0.contains("sharedaddy") }.count == 2,
                "the share bar and the likes widget both go")
    }

    @Test func wordpressCommentFormGoesWholeWithItsNoticesAndButton() throws {
        let article = try Fixture.clean("Entries/wordpress-jetpack.html")
        #expect(article.removed("comment form (id \"respond\")"))
        for phrase in ["Leave a Reply", "Cancel reply", "Your email address", "Required fields", "Save my name",
                       "Post Comment", "Website"] {
            #expect(!article.text.contains(phrase), "\(phrase) survived")
        }
        #expect(!article.html.contains("<form"))
        #expect(!article.html.contains("<input"))
        #expect(!article.html.contains("<textarea"))
    }

    @Test func wordpressEntryHtmlHasNoShareOrRelatedMarkupLeft() throws {
        let article = try Fixture.clean("Entries/wordpress-jetpack.html")
        #expect(article.html == """
            <p>The lamp in the lantern room at Carrick Point had been a 1,000-watt metal halide since 1994. It was \
            bright, it was hot, and it drew more power than the rest of the station put together.</p>
            <p>Last week the keepers’ trust replaced it with a ring of twelve LED modules. The new light is visible \
            for 18 nautical miles, two more than before, and the whole ring draws 240 watts.</p>
            <p>The old lens stays. The modules sit where the lamp sat, so the first-order Fresnel lens still does \
            the work it has done since 1872.</p>
            """)
    }

    /// The comments are longer than the post, as they often are; the thread
    /// is named by its id and class and must go whatever its length.
    @Test func commentThreadLongerThanThePostStillGoes() throws {
        let article = try Fixture.clean("Entries/comment-thread.html")
        #expect(article.text == """
            We finally swapped the old gas boiler for an air-source heat pump in March. This post covers what it \
            cost, what the installer got wrong the first time, and what our bills look like after two months.

            The quote was £11,400 before the grant and £3,900 after it. The installer needed two days, plus a \
            third to come back and fit bigger radiators in the two north-facing bedrooms.

            Our April bill was £96 for everything, against £141 last April with the boiler. May was lower still, \
            but May is always lower.
            """)
        #expect(article.removed("comments"), "removed: \(article.removedWhat)")
    }

    // MARK: - Blogger

    @Test func bloggerPostFooterGoesWithItsCopyrightLine() throws {
        let article = try Fixture.clean("Entries/blogger-post.html")
        #expect(article.removed("post footer (class \"blogger-post-footer\")"))
        #expect(!article.text.contains("All words and pictures"))
        #expect(article.text.hasPrefix("The broad beans are finally over"))
        #expect(article.text.hasSuffix("Leeks go in next week, if the weather holds."))
    }

    // MARK: - Substack and Ghost

    @Test func substackSubscribeWidgetShareButtonAndThanksLineGo() throws {
        let article = try Fixture.clean("Entries/substack-post.html")
        #expect(article.text == """
            The seed catalogues arrived this week, which means it is officially planning season in this house.

            This year I am trying something different: instead of ordering everything that looks nice, I have \
            made a list of what we actually ate last summer and worked backwards from there.

            It turns out we ate a lot of courgettes and almost no kohlrabi, so the kohlrabi is out and a second \
            courgette variety is in.
            """)
        #expect(article.removed("newsletter box (class \"subscription-widget-wrap\")"))
        #expect(article.removed("newsletter box (class \"button-wrapper\")"))
        #expect(article.removed("tail: newsletter prompt"))
    }

    @Test func ghostSignupCardGoesAndCalloutAndCodeCardStay() throws {
        let article = try Fixture.clean("Entries/ghost-post.html", baseURL: "https://notes.example.dev/faster-builds/")
        #expect(article.text == """
            Our builds got slow so gradually that nobody noticed until a clean build took eleven minutes.

            The culprit was not the compiler. It was a code generator that rewrote every file on every run, so the \
            build system saw every file as changed.

            $ make -d | grep "Must remake" | wc -l
            1843

            💡

            Write generated files only when their content changes, and keep the old timestamp otherwise.

            After that one change a no-op build takes four seconds.
            """)
        #expect(article.removedWhat == ["newsletter box (class \"kg-signup-card\")"])
        #expect(article.html.hasPrefix(
            "<img src=\"https://notes.example.dev/content/images/2024/04/terminal.png\" alt=\"A terminal window showing a failing build\">"))
    }

    // MARK: - Disqus, AddToAny, YARPP, FeedBurner

    @Test func disqusThreadAndItsNoscriptNoticeGo() throws {
        let article = try Fixture.clean("Entries/disqus-thread.html")
        #expect(article.text == """
            The night train from Vienna to Brussels runs three times a week again, after a winter off for track work.

            I took it on Tuesday. The couchettes have new mattresses, the breakfast is still a bread roll and a \
            yoghurt, and we arrived forty minutes late, which for this route counts as on time.
            """)
        #expect(article.removed("comments (id \"disqus_thread\")"))
        #expect(!article.text.contains("Disqus"))
        #expect(!article.html.contains("disqus"))
    }

    @Test func addToAnyBarGoesWithItsHeader() throws {
        let article = try Fixture.clean("Entries/addtoany-bar.html")
        #expect(article.text == """
            The library’s new opening hours start on 3 June: 9 to 7 on weekdays and 10 to 4 on Saturdays.

            The reading room will also open on the first Sunday of every month, staffed by volunteers from the \
            friends’ association.
            """)
        #expect(article.removedWhat == ["share bar (class \"addtoany_share_save_container\")"])
        #expect(!article.html.contains("addtoany"))
    }

    @Test func yarppRelatedListGoesWithItsHeadingAndExcerpts() throws {
        let article = try Fixture.clean("Entries/yarpp-related.html")
        #expect(article.text == """
            Sourdough starters are more forgiving than the internet suggests. Mine survived three weeks in the \
            fridge while we were away and was bubbling again a day after its first feed.

            The trick, if there is one, is to feed it twice at room temperature before you bake with it, and not \
            to panic about the grey liquid on top.
            """)
        #expect(article.removedWhat == ["related posts (class \"yarpp\")"])
    }

    @Test func feedBurnerFlareBlockGoes() throws {
        let article = try Fixture.clean("Entries/feedburner-flare.html")
        #expect(article.text == """
            Version 2.4 of the plugin is out. It adds support for the new block editor sidebar and drops PHP 7.2, \
            which fewer than one in a hundred sites still run.

            Upgrade from the plugins screen as usual; settings carry over.
            """)
        #expect(!article.html.contains("feedburner"))
        #expect(article.removed("share bar (class \"feedflare\")"))
    }

    // MARK: - Page furniture by tag and role

    @Test func navAsideAndButtonElementsGoByTag() {
        let article = clean("""
            <nav><a href="/">Home</a> <a href="/archive/">Archive</a></nav>
            <p>\(bodyParagraph)</p>
            <aside><p>Also on this site: the tide tables for June.</p></aside>
            <button type="button">Load more</button>
            """)
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["navigation (<nav>)", "sidebar (<aside>)", "button (<button>)"])
    }

    @Test func complementaryAndNavigationRolesGo() {
        let article = clean("""
            <div role="navigation"><a href="/prev/">Previous post</a></div>
            <p>\(bodyParagraph)</p>
            <div role="complementary"><p>Our sponsors keep this site free to read.</p></div>
            """)
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["navigation (role \"navigation\")", "sidebar (role \"complementary\")"])
    }

    @Test func elementsHiddenByAttributeOrStyleGo() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <div hidden><p>Preview text for the email version of this post.</p></div>
            <div style="display: none"><p>Subscribe to get posts like this in your inbox.</p></div>
            """)
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["hidden element", "hidden element"])
    }

    @Test func authorBoxAndBreadcrumbsGoByClassAndId() {
        let article = clean("""
            <p id="breadcrumbs"><span><a href="/">Home</a> » <a href="/news/">News</a> » <span class="breadcrumb_last">Harbour</span></span></p>
            <p>\(bodyParagraph)</p>
            <div class="saboxplugin-wrap"><div class="saboxplugin-desc"><p>Aoife writes about the harbour and its boats, and edits the trust's newsletter.</p></div></div>
            """)
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["breadcrumbs (id \"breadcrumbs\")", "author box (class \"saboxplugin-wrap\")"])
    }
}
