/// Finds whole elements that are boilerplate by what they are called.
///
/// The class, id and role names that WordPress, Jetpack, Yoast, Blogger, Medium, Substack, Ghost,
/// Disqus, AddToAny, YARPP and FeedBurner give to comment threads, share bars, related posts,
/// newsletter boxes, author boxes, breadcrumbs, ads and cookie notices.
enum BoilerplateElements {
    /// Class or id values that name boilerplate outright.
    private static let names: [String: String] = [
        // Comments and comment forms.
        "comments": "comments", "comment-respond": "comment form", "respond": "comment form",
        "comments-area": "comments", "comment-list": "comments", "commentlist": "comments",
        "comment-form": "comment form", "commentform": "comment form", "disqus_thread": "comments",
        "dsq-comments": "comments", "comments-section": "comments", "post-comments": "comments",
        "comment-section": "comments", "replies": "comments",
        // Share and like bars.
        "sharedaddy": "share bar", "sd-sharing": "share bar", "sd-sharing-enabled": "share bar",
        "sd-like": "like button", "jetpack-likes-widget-wrapper": "like button", "sharing": "share bar",
        "share": "share bar", "shares": "share bar", "share-buttons": "share bar", "social-share": "share bar",
        "social-sharing": "share bar", "share-bar": "share bar", "post-share": "share bar",
        "share-post": "share bar", "sharing-buttons": "share bar", "social-icons": "share bar",
        "social-links": "share bar", "addtoany_share_save_container": "share bar", "a2a_kit": "share bar",
        "addtoany_content": "share bar", "post-share-buttons": "share bar", "feedflare": "share bar",
        "shareaholic-canvas": "share bar", "essb_links": "share bar", "heateor_sss_sharing_container": "share bar",
        // Related posts.
        "jp-relatedposts": "related posts", "yarpp-related": "related posts", "yarpp": "related posts",
        "related-posts": "related posts", "related_posts": "related posts", "relatedposts": "related posts",
        "related-articles": "related posts", "related-stories": "related posts", "crp_related": "related posts",
        "related": "related posts", "more-stories": "related posts", "read-next": "related posts",
        "gh-post-upgrade-cta": "newsletter box",
        // Newsletter and subscription boxes.
        "newsletter": "newsletter box", "newsletter-signup": "newsletter box", "subscribe": "newsletter box",
        "subscribe-widget": "newsletter box", "subscription-widget-wrap": "newsletter box",
        "subscription-widget": "newsletter box", "mc4wp-form": "newsletter box", "kg-signup-card": "newsletter box",
        "signup-form": "newsletter box", "email-signup": "newsletter box", "jetpack_subscription_widget": "newsletter box",
        "button-wrapper": "newsletter box",
        // Author boxes.
        "author-box": "author box", "author-bio": "author box", "about-author": "author box",
        "author-info": "author box", "post-author-box": "author box", "saboxplugin-wrap": "author box",
        // Breadcrumbs.
        "breadcrumb": "breadcrumbs", "breadcrumbs": "breadcrumbs", "yoast-breadcrumb": "breadcrumbs",
        "rank-math-breadcrumb": "breadcrumbs",
        // Ads and sponsorship.
        "ad": "ad", "ads": "ad", "advert": "ad", "advertisement": "ad", "adsbygoogle": "ad",
        "ad-container": "ad", "ad-unit": "ad", "sponsored": "ad", "sponsor": "ad", "promo": "ad",
        "wpcnt": "ad", "wordads-ad-wrapper": "ad",
        // Cookie notices.
        "cookie-notice": "cookie notice", "cookie-banner": "cookie notice", "cookie-consent": "cookie notice",
        "cookies": "cookie notice", "gdpr": "cookie notice", "consent": "cookie notice",
        // Footers of feed entries.
        "blogger-post-footer": "post footer", "post-footer": "post footer", "entry-footer": "post footer",
        "post-meta": "post metadata", "entry-meta": "post metadata", "postmetadata": "post metadata",
    ]

    /// ARIA roles of page furniture.
    private static let roles: [String: String] = [
        "navigation": "navigation", "banner": "banner", "contentinfo": "page footer",
        "complementary": "sidebar", "search": "search", "dialog": "dialog", "alertdialog": "dialog",
    ]

    /// Elements that are never article text.
    static let elements: [String: String] = [
        "nav": "navigation", "aside": "sidebar", "form": "form", "button": "button", "dialog": "dialog",
    ]

    /// Elements whose class and id say nothing about boilerplate.
    ///
    /// Headings get ids generated from their text (`<h2
    /// id="cookies">`), and inline elements sit inside sentences.
    static let unnamedElements: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "em", "strong", "b", "i", "u", "code", "small",
        "abbr", "time", "img", "sup", "sub", "mark", "kbd", "q", "cite",
    ]

    /// Whether a reason names a comment thread or form.
    ///
    /// Such a thread may be longer than the article it follows.
    static func isCommentSection(_ reason: String) -> Bool {
        reason.hasPrefix("comments (") || reason.hasPrefix("comment form (")
    }

    /// Why `node` is boilerplate, or nil when it is not. `aria-hidden` is not
    /// "hidden": it hides from screen readers what the eye still sees (KaTeX
    /// puts its visible formulas there).
    static func reason(for node: HTMLTree.Node) -> String? {
        if node.traits.contains(.furniture), let what = elements[node.name] { return "\(what) (<\(node.name)>)" }
        // Every other rule reads an attribute.
        guard !node.attributes.isEmpty else { return nil }
        if node.attribute("hidden") != nil {
            return "hidden element"
        }
        if let style = node.attribute("style"), InlineStyle.hides(style) {
            return "hidden element"
        }
        if let role = node.attribute("role")?.lowercased(), let what = roles[role] {
            return "\(what) (role \"\(role)\")"
        }
        guard !node.traits.contains(.unnamed) else { return nil }
        for attribute in ["id", "class"] {
            guard let value = node.attribute(attribute) else { continue }
            for token in value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                if let what = names[String(token)] { return "\(what) (\(attribute) \"\(token)\")" }
                // A byte search first: most tokens do not hold "related".
                if token.containsBytes(of: "related"), RelatedLinks.namesRelatedBox(token) {
                    return "related posts (\(attribute) \"\(token)\")"
                }
            }
        }
        return nil
    }
}
