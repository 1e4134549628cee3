import Foundation
import Testing
import Cleaner

/// Tracking: 1×1 and hidden images, the pixels and ad links of FeedBurner,
/// WordPress.com, Blogger and Medium, and the query parameters that only
/// say where a link was clicked.
@Suite struct TrackingTests {
    // MARK: - Pixels

    @Test func oneByOneAndZeroByZeroImagesGoAndPhotosStay() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <img src="https://example.com/p.gif" width="1" height="1">
            <img src="https://example.com/r.gif" width="1px" height="1px" alt="">
            <img src="https://example.com/s.gif" width="0" height="0">
            <img src="https://example.com/photo.jpg" width="640" height="480" alt="The harbour at low tide">
            """)
        #expect(article.html.filter { $0 != "\n" } == "<p>\(bodyParagraph)</p>"
            + "<img src=\"https://example.com/photo.jpg\" width=\"640\" height=\"480\" alt=\"The harbour at low tide\">")
        #expect(article.removedWhat == ["tracking pixel (1×1)", "tracking pixel (1×1)", "tracking pixel (0×0)"])
    }

    @Test func imagesHiddenByStyleGo() {
        let article = clean("""
            <p>\(bodyParagraph)<img src="https://example.com/q.gif" style="display:none"><img src="https://example.com/t.gif" style="width: 1px; height: 1px; border: 0"></p>
            """)
        #expect(article.html == "<p>\(bodyParagraph)</p>")
        #expect(article.removedWhat == ["tracking pixel (hidden)", "tracking pixel (hidden)"])
    }

    @Test func wordpressStatsPixelsGoWhateverTheirSize() {
        let article = clean("""
            <p>\(bodyParagraph)</p><img src="https://pixel.wp.com/b.gif?v=noscript" alt=":)" width="6" height="5"><img src="https://stats.wordpress.com/g.gif?blog=118220341&amp;post=2231">
            """)
        #expect(article.html == "<p>\(bodyParagraph)</p>")
        #expect(article.removedWhat == ["tracking pixel (pixel.wp.com)", "tracking pixel (stats.wordpress.com)"])
    }

    /// Analytics hits are told by the shape of their URL, on any host and
    /// at any size.
    @Test(arguments: [
        "https://stats.harbour.example/piwik.php?idsite=3&rec=1&action_name=Ferry",
        "https://analytics.example.net/matomo.php?idsite=12&rec=1",
        "https://example.org/js/p.php?idsite=7&rec=1&url=https%3A%2F%2Fexample.org%2F",
        "https://example.org/stats/?action_name=Ferry%20timetable&idsite=2",
        "https://www.example.com/collect?v=1&tid=UA-1234-5&t=pageview&dp=%2Fferry",
        "https://example.com/__utm.gif?utmwv=5.7.2&utmac=UA-1",
        "https://mail.example.com/track/open.php?u=30e5&id=7f2c&e=3b1a",
        "https://u1234.ct.sendgrid.example/wf/open?upn=abc123",
        "https://news.example.org/e/open.gif?m=42",
        "https://example.org/pixel?article=881&src=rss",
        "https://cdn.example.org/beacon/article/881.gif",
        "https://example.org/static/pixel.png?post=881",
        "https://media.example.org/include/images/tracking/news-rss-pixel.png?story=1198913145",
        "https://cdn.example.net/tracker/img.gif?id=55",
        "https://example.com/assets/feed_pixel.gif?p=12",
        "https://static.example.de/img/zaehler/tracking-pixel.png?artikel=9",
        "https://newsletter.example.com/email-open-pixel.png?s=77",
    ])
    func analyticsHitsGoWhateverTheirSize(url: String) {
        let article = clean("<p>\(bodyParagraph)</p><img src=\"\(url.replacingOccurrences(of: "&", with: "&amp;"))\" width=\"300\" height=\"20\">")
        #expect(article.html == "<p>\(bodyParagraph)</p>")
        #expect(article.removedWhat.first?.hasPrefix("analytics beacon (") == true, "\(article.removedWhat)")
    }

    /// Photos whose names hold the same words stay.
    @Test(arguments: [
        "https://example.org/images/pixel-art-castle.png", "https://example.org/photos/beacon-hill.jpg",
        "https://example.org/uploads/open-day.gif", "https://example.org/collections/summer.jpg",
        "https://example.org/collect/ferry.jpg", "https://example.org/img/open.jpeg",
        "https://example.org/reviews/google-pixel-8-pro.jpg", "https://example.org/img/pixel_7a_camera.png",
        "https://example.org/uploads/track-day-silverstone.jpg", "https://example.org/images/race-track.png",
        "https://example.org/img/tracking-shot-steadicam.jpg", "https://example.org/img/pixel-fold-review.jpg",
    ])
    func photosNamedLikeBeaconsStay(url: String) {
        let article = clean("<p>\(bodyParagraph)</p><img src=\"\(url)\" width=\"640\" height=\"480\">")
        #expect(article.html.contains("<img src=\"\(url)\""))
        #expect(article.removed.isEmpty)
    }

    /// Images served from an audience-measurement or ad domain go, from any of its hosts, at any size.
    @Test(arguments: [
        "http://secure-uk.imrworldwide.com/cgi-bin/m?ci=es-rssrtve&cg=F-N-B-TERNE&si=http://www.rtve.es/a/3472786/",
        "https://imrworldwide.com/cgi-bin/m?ci=feed",
        "//secure-us.imrworldwide.com/cgi-bin/m?ci=x",
        "https://SECURE-UK.IMRWORLDWIDE.COM./cgi-bin/m?ci=x",
        "https://secure-uk.imrworldwide.com:443/cgi-bin/m?ci=x",
        "https://b.scorecardresearch.com/p?c1=2&c2=6035250&cv=2.0&cj=1",
        "https://harbour.ioam.de/tx.io?st=harbour&cp=feed",
        "https://gde.hit.gemius.pl/_1234/redot.gif?id=abc",
        "https://ad.doubleclick.net/ddm/ad/N1234.5/B2;sz=300x250",
        "https://region1.google-analytics.com/g/c?v=2&cid=1",
        "https://secure.quantserve.com/quant.gif?a=p-123",
        "https://c.statcounter.com/1234567/0/abcd/1/",
        "https://ping.chartbeat.net/ping?h=harbour.example",
        "https://harbour.sc.omtrdc.net/b/ss/rsid/1/H.27/s1234",
        "https://harbour.112.2o7.net/b/ss/rsid/1/H.27/s1234",
        "https://dpm.demdex.net/ibs:dpid=411&dpuuid=abc",
        "https://cdn.krxd.net/userdata/get?pub=1",
        "https://stags.bluekai.com/site/1234?limit=1",
        "https://sync.mathtag.com/sync/img?mt_exid=1",
        "https://ib.adnxs.com/getuid?https://harbour.example",
    ])
    func imagesFromTrackingDomainsGo(url: String) {
        let article = clean("<p>\(bodyParagraph)</p><img src=\"\(url.replacingOccurrences(of: "&", with: "&amp;"))\" width=\"300\" height=\"20\">")
        #expect(article.html == "<p>\(bodyParagraph)</p>")
        #expect(article.removedWhat.first?.hasPrefix("tracking image (") == true, "\(article.removedWhat)")
    }

    /// A domain is matched whole, as the host or a subdomain of it: hosts and paths that only
    /// spell its name, and links to it, stay.
    @Test(arguments: [
        "https://notimrworldwide.com/ferry.jpg", "https://imrworldwide.com.harbour.example/ferry.jpg",
        "https://harbour.example/imrworldwide.com/chart.png", "https://harbour.example/img?src=https://b.scorecardresearch.com/p",
        "https://doubleclick.net.harbour.example/ferry.jpg", "https://cdn.harbour.example/doubleclick-ferry.jpg",
        "imrworldwide.com/ferry.jpg", "https://harbour.example/ioam.de.png",
    ])
    func imagesThatOnlySpellATrackingDomainStay(url: String) {
        let article = clean("<p>\(bodyParagraph)</p><img src=\"\(url)\" width=\"640\" height=\"480\">")
        #expect(article.html.contains("<img src=\""), "\(article.removedWhat)")
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    @Test func aLinkToATrackingDomainKeepsItsWords() {
        let link = "<p>The panel is run by <a href=\"https://www.scorecardresearch.com/about\">comScore</a> and Nielsen.</p>"
        let article = clean("<p>\(bodyParagraph)</p>" + link)
        #expect(article.text.contains("The panel is run by comScore and Nielsen."), "\(article.removedWhat)")
    }

    @Test func bloggerTrackerPixelGoes() throws {
        let article = try Fixture.clean("Entries/blogger-post.html")
        #expect(article.removed("tracking pixel (blogger.googleusercontent.com)"))
        #expect(!article.html.contains("/tracker/"))
        #expect(article.html.contains("https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEhq3kF0c/s400/allotment-june.jpg"),
                "the post's own photo, on the same host, stays")
    }

    @Test func mediumStatPixelGoes() throws {
        let article = try Fixture.clean("Entries/medium-item.html")
        #expect(article.removed("tracking pixel (medium.com)"))
        #expect(!article.html.contains("_/stat"))
        #expect(article.html.contains("https://cdn-images-1.medium.com/max/1024/1*QxV8mB2rT7yLk0eN3sPz4A.jpeg"))
    }

    @Test func feedBurnerPixelAndFlareLinksGo() throws {
        let article = try Fixture.clean("Entries/feedburner-flare.html")
        #expect(article.removedWhat.filter { $0 == "tracking pixel (feeds.feedburner.com)" }.count == 4,
                "three flare images and the ~r/ pixel")
        #expect(article.removedWhat.filter { $0 == "tracker link" }.count == 3)
        #expect(!article.html.contains("feedburner"))
        #expect(article.html == """
            <p>Version 2.4 of the plugin is out. It adds support for the new block editor sidebar and drops PHP 7.2, \
            which fewer than one in a hundred sites still run.</p><p>Upgrade from the plugins screen as usual; \
            settings carry over.</p>
            """)
    }

    @Test func feedAdsGoWithTheirImages() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <p><a href="http://feeds.feedburner.com/~a/HarbourNotes?a=q3xKz1"><img src="http://feeds.feedburner.com/~a/HarbourNotes?i=q3xKz1" border="0"></a></p>
            <p><a href="https://rss.buysellads.com/click.php?z=1266483&amp;k=8f3e"><img src="https://rss.buysellads.com/img.php?z=1266483&amp;k=8f3e" border="0" alt=""></a></p>
            """)
        #expect(article.text == bodyParagraph)
        #expect(!article.html.contains("feedburner"))
        #expect(!article.html.contains("buysellads"))
        #expect(article.removedWhat == [
            "tracker link", "tracking pixel (feeds.feedburner.com)", "tracker link", "tracking pixel (rss.buysellads.com)",
        ])
    }

    // MARK: - Parameters

    @Test(arguments: [
        ("https://example.com/a?p=123&amp;utm_source=rss&amp;utm_medium=rss&amp;utm_campaign=spring",
         "https://example.com/a?p=123"),
        ("https://example.com/b?utm_source=newsletter", "https://example.com/b"),
        ("https://example.com/c?q=tea&amp;fbclid=IwAR0abcDEF#comments", "https://example.com/c?q=tea#comments"),
        ("https://example.com/d?gclid=Cj0KCQjw&amp;page=2&amp;mc_cid=8a1b2c3d4e&amp;mc_eid=9d8e7f6a5b",
         "https://example.com/d?page=2"),
        ("https://example.com/f?UTM_Source=x&amp;lang=en", "https://example.com/f?lang=en"),
    ])
    func trackingParametersAreStrippedFromLinks(href: String, expected: String) {
        let article = clean("<p>See <a href=\"\(href)\">the notice</a> for details.</p>")
        #expect(article.html == "<p>See <a href=\"\(expected)\">the notice</a> for details.</p>")
    }

    @Test func otherParametersStayInOrder() {
        let article = clean("""
            <p>See <a href="https://example.com/e?id=7&amp;ref=home&amp;utmost=1&amp;sort=new">the list</a>.</p>
            """)
        #expect(article.html == "<p>See <a href=\"https://example.com/e?id=7&amp;ref=home&amp;utmost=1&amp;sort=new\">the list</a>.</p>")
    }

    @Test func trackingParametersAreStrippedFromImageSources() {
        let article = clean("<p><img src=\"https://cdn.example.com/tide.jpg?w=640&amp;utm_source=rss\" alt=\"Tide\"></p>")
        #expect(article.html == "<p><img src=\"https://cdn.example.com/tide.jpg?w=640\" alt=\"Tide\"></p>")
    }

    @Test func podcastShowNotesLinkLosesItsUtmParameters() throws {
        let article = try Fixture.clean("Entries/podcast-show-notes.html")
        #expect(article.html.contains("<a href=\"https://bridges.example.gov/manual\">highways agency</a>"))
    }
}
