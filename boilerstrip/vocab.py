"""Vocabularies kept as data: tag sets and class/id token patterns.

Nothing here names a site or a vendor: these are the words web templates use for their
parts (the same words across CMSs and languages), and tag sets from the HTML
standard.
"""

from __future__ import annotations

import regex

__all__ = [
    "AGREEMENT_RE",
    "ARTICLE_TYPES",
    "AUTHOR_BOX_RE",
    "AUTHOR_GREETING_RE",
    "BLOCK_TAGS",
    "BROWSER_NOTICE_RE",
    "CHROME_ONLY_TOKENS",
    "COMMENT_NOTICE_RE",
    "COMMENT_RE",
    "COMMENT_TOKENS",
    "CONSENT_CONTEXT_RE",
    "CONSENT_DATA_TERMS",
    "CONSENT_WORD_RE",
    "COPYRIGHT_RE",
    "CREDIT_LINE_RE",
    "CTA_RE",
    "DISCLOSURE_RE",
    "DISCLOSURE_WHO_RE",
    "EDIT_NOTE_RE",
    "FAILURE_RE",
    "FIELD_MAIL_RE",
    "FIELD_NAME_RE",
    "FOLDED_RE",
    "FOLDED_TOKENS",
    "FORM_THANKS_RE",
    "INGREDIENTS_HEAD_RE",
    "KEY_POINTS_RE",
    "METHOD_HEAD_RE",
    "NAME_BIO_RE",
    "NEGATIVE_RE",
    "NEGATIVE_TOKENS",
    "NEWSLETTER_RE",
    "OTHER_STORIES_RE",
    "PERSON_PRONOUN_RE",
    "PLACEHOLDER_START_RE",
    "PLACEHOLDER_WORDS",
    "POSITIVE_RE",
    "POSITIVE_TOKENS",
    "POSTED_BY_RE",
    "POST_END_RE",
    "POST_META_RE",
    "POST_NAV_MAIN_RE",
    "POST_RE",
    "POST_TOKENS",
    "PROMPT_RE",
    "READ_ALSO_RE",
    "RELATED_HEAD_RE",
    "RELATED_PRODUCTS_RE",
    "SHARE_BAR_RE",
    "SIGN_OFF_RE",
    "SKIP_TAGS",
    "SLIDE_COPY",
    "SLIDE_RE",
    "THREAD_RE",
    "THREAD_TOKENS",
    "THREAD_TYPES",
    "TOC_TITLE_RE",
]

# Elements whose content is never visible text.
SKIP_TAGS = frozenset(
    "script style noscript template svg iframe object embed canvas video audio "
    "head title meta link select option optgroup textarea input button datalist dialog map area noframes "
    # Ruby annotations: the reading printed above a word, not part of the sentence.
    "rt rp "
    # MathML is rendered text (the formula); its annotations (the TeX source) are not.
    "annotation annotation-xml".split()
)

# Elements that start a new paragraph-level block (HTML "flow" containers and breaks).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav noframes ol p pre "
    "section summary table tbody td tfoot th thead tr ul caption legend br".split()
)

# Class/id words for the parts of a page that are not its main content. Matched as whole
# parts of a class or id value split on non-letters ("site-nav", "nav_menu", "sidebarLeft").
# "meta" is not one: it names a post's date line as often as a listing entry's title and
# summary (an archive's "meta" blocks), and dates and category links are chrome by their text.
NEGATIVE_TOKENS = (
    "nav navbar navigation navi menu menubar submenu breadcrumb breadcrumbs crumbs footer foot "
    "sidebar side aside widget widgets related relatedposts recommended recommendations more "
    "share sharing social socials sharebar follow advert advertisement advertising ad ads adv "
    "sponsor sponsored promo promotion banner cookie cookies consent gdpr newsletter subscribe "
    "subscription signup login register modal popup overlay pagination pager paging skip masthead "
    "toolbar dropdown tags tagcloud taglist categories archive archives rail teaser teasers "
    "trending popular mostread disclaimer copyright legal print byline author "
    "jump toc hidden sr screenreader visually popover notice illustration mockup graphic"
).split()

# Chrome class words that never name a container of content: legal lines, consent banners,
# popups, popovers and overlays (a panel laid over the page: a search box, a size guide, a
# shop's help bubble, a sign-up form), "trending now" rails, promotions, sponsors, sign-up boxes, breadcrumbs, the
# writer's bio ("author": smooth.drop_chrome_only_classes leaves bylines alone). Most of
# NEGATIVE_TOKENS are only likely chrome: "widget", "sidebar", "hidden" and "more" wrap
# content on many sites, "cookie" a recipe, "print" a recipe's printable card and "related"
# a shop's product grid. "illustration", "mockup" and "graphic" (session 20) name a landing
# page's picture of its app drawn in HTML (an editor's code, an agent's chat lines). "legal",
# "modal" and "tooltip" were tried in session 13 and left out (wcxb-dev held-out -0.0015,
# -0.0002 and -0.0007), and "flyout" moved no dev page.
CHROME_ONLY_TOKENS = frozenset(
    "author breadcrumb breadcrumbs copyright consent disclaimer gdpr overlay popover popup promo signup sponsor sponsored trending "
    "illustration mockup graphic".split()
)

# The class words of a rail or a widget of other pages' teasers ("related", "teaser",
# "sidebar", ...), with the words of boxes that are chrome whatever they hold
# (CHROME_ONLY_TOKENS): a grid of linked cards under one of them is no part of the page's
# own text (smooth.keep_linked_cards, session 22).
RAIL_TOKENS = frozenset(
    "related relatedposts recommended recommendations more rail teaser teasers widget widgets "
    "sidebar side aside popular mostread".split()
) | CHROME_ONLY_TOKENS

POSITIVE_TOKENS = (
    "article articlebody article-body articletext post postbody entry entrycontent content "
    "story storybody body text main blog prose markdown richtext hentry"
).split()

# Class/id words of one post's own container (a blog post, a news story), narrower than
# POSITIVE_TOKENS: no page-wide wrappers ("content", "main", "body").
POST_TOKENS = "post entry hentry article story".split()

# The schema.org types a discussion thread declares (JSON-LD "@type", microdata itemtype):
# forum engines (Discourse, XenForo, vBulletin, NodeBB ...) and Q&A sites mark their thread
# pages so for search engines, and there the replies are the content as much as the first post.
THREAD_TYPES = ("DiscussionForumPosting", "QAPage")

# Class/id words of a forum engine's thread page ("ThreadView", "thread_view", "forum-post"): set on
# an element that holds the thread's first post and its replies, they name a thread, where the
# replies are the content. "topic" is left out: a news site's topic pages and tag boxes use it.
THREAD_TOKENS = "thread threads forum forums".split()

# "reply" is left out: forums name their post lists "replies" (the posts are the content),
# and comment replies under an article sit in a "comment" container anyway.
COMMENT_TOKENS = "comment comments commentlist commenttext commentblock commentbody commentform discussion respond trackback trackbacks pingback pingbacks".split()


# A cookie notice in a page's text (text mode, where no class word marks it): the word "cookie",
# which the languages of stopwords.py share, with a word of the site and the reader's choice
# beside it (website, browser, experience, accept, consent, privacy, settings, preferences: in
# English, German, French, Spanish, Italian, Dutch and Polish). A recipe's cookies come
# without them.
CONSENT_WORD_RE = regex.compile(r"(?i)(?<![\w])cookies?(?![\w])")
CONSENT_CONTEXT_RE = regex.compile(
    r"(?i)(?<![\w])(?:website|site|browser|browsing|experience|accept|consent|privacy|settings|preferences|"
    r"webseite|einstellungen|akzeptieren|zustimmung|datenschutz|navigation|accepter|paramètres|"
    r"consentement|sitio|navegación|aceptar|configuración|consentimiento|sito|accetta|consenso|"
    r"privacybeleid|accepteren|toestemming|strona|zgod)"
)

# A consent dialog's list of data uses, the wording of the ad industry's consent framework that
# consent tools across sites print in the reader's language ("Use profiles to select personalised
# advertising 242 partners can use this purpose", "We and our partners store and/or access
# information on a device"): its terms (who: partners, vendors; where: a device; what:
# advertising, personalised, identifiers, geolocation, profiles, legitimate interest), in English,
# German, French, Spanish, Italian and Dutch. A line holding two different ones names one of the
# dialog's uses (smooth.drop_text_consent). "purpose" is left out: fine print's "for illustrative
# purposes" and a law's "for the purposes of".
CONSENT_DATA_TERMS: dict[str, int] = {
    word: kind
    for kind, words in enumerate(
        (
            "partner partners vendor vendors partenaires socios anbieter fornitori leveranciers",
            "device devices gerät geräten appareil appareils dispositivo dispositivos apparaat",
            "advertising ads werbung publicité publicités publicidad pubblicità advertenties",
            "personalised personalized personalise personalize personalisation personalization "
            "personalisierte personalisierten personalisierter personnalisé personnalisée personnalisés "
            "personnalisées personalizada personalizado personalizadas personalizados personalizzata "
            "personalizzate personalizzati personalizzato gepersonaliseerde",
            "identifiers kennungen identifiants identificadores identificatori identificatoren",
            "geolocation geolokalisierung géolocalisation geolocalización geolocalizzazione geolocatie",
            "profile profiles profil profilen profils perfiles profili profielen",
            # "legitimate interest" and its translations: the adjective is the rarer word.
            "legitimate berechtigtes berechtigten légitime legítimo legittimo gerechtvaardigd",
        )
    )
    for word in words.split()
}


def _token_pattern(words: list[str]) -> regex.Pattern[str]:
    alternatives = "|".join(sorted(set(words), key=len, reverse=True))
    # A token is a run of letters; camelCase humps count as their own runs.
    return regex.compile(rf"(?:(?<![a-z])|(?<=[a-z])(?=[A-Z]))(?i:({alternatives}))(?![a-z])")


# A newsletter's pitch in a page's text (text mode, where no class word marks the sign-up box):
# the words every sign-up form uses ("Subscribe to our newsletter", "Sign up to get the best
# stories in your inbox", "Enter your email address"). A line naming two different ones is the
# pitch; one alone is as often the article's subject.
NEWSLETTER_RE = regex.compile(
    r"(?i)(?<![\w])(?:newsletters?|subscribe|unsubscribe|sign(?:ing)?[ -]up|inbox|e-?mail(?: address)?)(?![\w])"
)
# Class words of a folded panel (segment._is_panel): an accordion's or a "collapse" widget's
# section, shut until the reader opens it (a product's description, specifications and care
# notes, a FAQ's answers). Hidden by its style or attribute, it is still the page's text.
FOLDED_TOKENS = "accordion collapse".split()

# Class names of a carousel's slide in the UI kits (Slick, Swiper, Splide, Glide, Bootstrap's
# "carousel-item", a "Carousel__cell"): a slide is aria-hidden while another one shows, and its
# text (a listing's remarks, a customer's quote) is the page's, one swipe away
# (segment._names_slide). A bare "slide" also names drawers and menus that slide in.
SLIDE_RE = regex.compile(
    r"(?i)(?<![a-z])(?:carousel[-_]?(?:item|cell|slide)|carousel__cell|swiper-slide|slick-slide|splide__slide|glide__slide)(?![a-z])"
)
# A looping carousel's copies of its slides (Slick's "slick-cloned", Swiper's
# "swiper-slide-duplicate"): the text stands once already.
SLIDE_COPY = ("cloned", "duplicate")

NEGATIVE_RE = _token_pattern(NEGATIVE_TOKENS)
POSITIVE_RE = _token_pattern(POSITIVE_TOKENS)
COMMENT_RE = _token_pattern(COMMENT_TOKENS)
POST_RE = _token_pattern(POST_TOKENS)
FOLDED_RE = _token_pattern(FOLDED_TOKENS)
THREAD_RE = _token_pattern(THREAD_TOKENS)

# The class word of a "call to action": the web designer's name for a box that asks the reader to
# act (book a demo, download the guide, start a trial, donate), "cta" or "call-to-action" as a
# whole part of a class value ("cta-box", "blogCta", "AdvisorResourcesCTA_title", "callToAction"),
# in the three casings class names use. The word comes first and the lookbehind then checks what
# stands before it (no lowercase letter, or a camelCase hump): the engine skips straight to the
# candidates, ~20 times faster than the lookbehind first (1.6 ms on a page's class names).
_CTA_WORD = r"(?:cta|CTA|Cta|[Cc]all[-_]?[Tt]o[-_]?[Aa]ction)"
CTA_RE = regex.compile(rf"{_CTA_WORD}(?![a-z])(?<=(?:(?<![a-z])|(?<=[a-z])(?=[A-Z])){_CTA_WORD})")

# The schema.org types a page declares for one article (JSON-LD "@type", microdata itemtype):
# a news story, a blog post, a report (smooth.drop_calls_to_action; the Open Graph type "article"
# says the same).
ARTICLE_TYPES = (
    "Article",
    "NewsArticle",
    "BlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "LiveBlogPosting",
)


# A forum engine's note that a post was changed, with the date of the change ("edited Sep 11,
# 2016 at 20:45", "Last edited: Mar 27, 2025", "Zuletzt bearbeitet", "Dernière modification"...):
# the engines' template wording in the stopword languages. Its date is no post's date
# (smooth.keep_post_headers).
EDIT_NOTE_RE = regex.compile(
    r"(?i)(?<![\w])(?:edited|bearbeitet|modifié|modification|editado|editada|modificato|bewerkt|edytowany|edytowano)(?![\w])"
)


# The lines that end a post in a blog's template (text mode, smooth.drop_text_post_end), in the
# engines' wording in the stopword languages: the line of its tags ("Tags: a, b, c", "Tagged
# with:", WordPress's "Schlagwörter:", "Étiquettes :", "Etiquetas:", "Tag:", "Tagi:"; the colon is
# part of it: "Tags" alone heads a sidebar's tag cloud as often) and the links to the posts before
# and after it ("Post navigation", "« Previous Post", "Next entry", Blogger's "Newer Post" and
# "Older Post", "Vorheriger Beitrag", "Article précédent", "Entrada anterior"); and the comment
# section's own lines where it has no comments to head ("Comments are closed.", "No comments yet",
# "Kommentare sind geschlossen", "Keine Kommentare", "Aucun commentaire", "Sin comentarios") or before them (TypePad's "You can follow this conversation by
# subscribing to the comment feed for this post.").
POST_END_RE = regex.compile(
    r"(?i)[^\w\n]*(?:(?:tags?|tagged(?:[^\S\n]+(?:with|in|as|under))?|schlagw[öo]rter|stichw[öo]rter|"
    r"[ée]tiquettes|etiquetas|tagi)[^\S\n]*:"
    r"|(?:(?:previous|next|older|newer)[^\S\n]+(?:post|entry|article|story)s?|post[^\S\n]+navigation"
    r"|(?:vorheriger|nächster|älterer|neuerer)[^\S\n]+(?:beitrag|artikel|eintrag)|beitragsnavigation"
    r"|article[^\S\n]+(?:précédent|suivant)|(?:entrada|art[ií]culo)[^\S\n]+(?:anterior|siguiente)"
    r"|(?:siguiente|anterior)[^\S\n]+(?:entrada|art[ií]culo))\b"
    r"|(?:you[^\S\n]+can[^\S\n]+follow[^\S\n]+this[^\S\n]+conversation|the[^\S\n]+comments[^\S\n]+to[^\S\n]+this[^\S\n]+entry[^\S\n]+are[^\S\n]+closed"
    r"|comments[^\S\n]+are[^\S\n]+closed|no[^\S\n]+comments[^\S\n]+yet|kommentare[^\S\n]+sind[^\S\n]+geschlossen"
    r"|(?:noch[^\S\n]+)?keine[^\S\n]+kommentare|bisher[^\S\n]+(?:noch[^\S\n]+)?keine?[^\S\n]+kommentare?|aucun[^\S\n]+commentaire"
    r"|sin[^\S\n]+comentarios|nessun[^\S\n]+commento|geen[^\S\n]+reacties|brak[^\S\n]+komentarzy"
    r"|die[^\S\n]+kommentarfunktion[^\S\n]+ist[^\S\n]+geschlossen|les[^\S\n]+commentaires[^\S\n]+sont[^\S\n]+ferm[ée]s"
    r"|comentarios[^\S\n]+cerrados)\b)"
)


# A line that points to another story from inside the text (text mode, smooth.drop_text_read_also):
# a label and its colon or arrow, then the story's headline ("Read more: ...", "See also: ...",
# "Lesen Sie auch: ...", "À lire aussi » ...", "Lea también: ...", "Leggi anche: ...", "Czytaj też:
# ..."): newsrooms' wording in the stopword languages. In HTML it is a link, and a link line.
# "Related:" is left out: dragnet's and readability-testpages' truths keep the lines it heads
# (trafilatura-eval unchanged without it, readability-testpages -0.0002 and dragnet -0.0001 with it).
READ_ALSO_RE = regex.compile(
    r"(?i)[^\w\n]*(?:read[^\S\n]+(?:more|also|next)|see[^\S\n]+also|more[^\S\n]+on[^\S\n]+this|"
    r"lesen[^\S\n]+sie[^\S\n]+(?:auch|mehr)|auch[^\S\n]+lesen|mehr[^\S\n]+zum[^\S\n]+thema|weiterlesen|"
    r"(?:à[^\S\n]+)?lire[^\S\n]+aussi|voir[^\S\n]+aussi|le[ae][^\S\n]+(?:también|más)|le[^\S\n]+puede[^\S\n]+interesar|"
    r"puedes[^\S\n]+ver|ver[^\S\n]+también|leggi[^\S\n]+anche|leia[^\S\n]+(?:também|mais)|veja[^\S\n]+também|"
    r"lees[^\S\n]+ook|czytaj[^\S\n]+(?:też|także|więcej))[^\S\n]*[:»›]"
)


# The heading of a box of other stories, as a whole line (text mode, smooth.drop_text_related):
# "Related Articles", "Most Read", "You may also like", "Top stories", "Trending now", "Ähnliche
# Beiträge", "Das könnte Sie auch interessieren", "Articles similaires", "Lo más leído", "Articoli
# correlati", "Meest gelezen", "関連記事": newsrooms' and blog engines' wording in the stopword
# languages (and Japanese), never a sentence of an article. A heading that ends in a colon
# ("Related posts:") leads into a list that some pages set inside the post, and is left out.
RELATED_HEAD_RE = regex.compile(
    r"(?i)[^\w\n]*(?:related(?:[^\S\n]+(?:posts?|articles?|stories|links|news|content|reading|topics|coverage|videos?|items))?"
    r"|(?:more|other)[^\S\n]+(?:stories|news|articles|posts|videos)(?:[^\S\n]+(?:like[^\S\n]+this|you[^\S\n]+may[^\S\n]+like))?"
    r"|more[^\S\n]+like[^\S\n]+this|top[^\S\n]+stories|(?:the[^\S\n]+)?latest[^\S\n]+(?:news|stories|articles|posts|headlines)"
    r"|recent[^\S\n]+(?:posts|articles|stories|news|entries)|(?:most[^\S\n]+)?popular[^\S\n]+(?:posts|articles|stories|now)"
    r"|most[^\S\n]+(?:popular|read|viewed|shared|commented)(?:[^\S\n]+(?:stories|articles|posts|news))?"
    r"|you[^\S\n]+(?:may|might)[^\S\n]+also[^\S\n]+(?:like|enjoy)"
    r"|recommended(?:[^\S\n]+(?:for[^\S\n]+you|stories|articles|reading|posts))?"
    r"|trending(?:[^\S\n]+(?:now|stories|news|articles|posts))?|further[^\S\n]+reading|in[^\S\n]+other[^\S\n]+news"
    r"|(?:weitere|ähnliche|verwandte)[^\S\n]+(?:artikel|beiträge|nachrichten|themen|meldungen)"
    r"|(?:die[^\S\n]+)?meist(?:gelesenen?|gelesen)(?:[^\S\n]+(?:artikel|beiträge|nachrichten))?"
    r"|aktuelle[^\S\n]+(?:meldungen|nachrichten|beiträge|artikel)"
    r"|das[^\S\n]+könnte[^\S\n]+(?:sie|dich)[^\S\n]+(?:auch[^\S\n]+)?interessieren|auch[^\S\n]+interessant|lesetipps?"
    r"|articles?[^\S\n]+(?:similaires|connexes|liés|récents)|à[^\S\n]+lire[^\S\n]+aussi|les[^\S\n]+plus[^\S\n]+lus"
    r"|(?:artículos|noticias|entradas)[^\S\n]+(?:relacionad[ao]s|recientes)|lo[^\S\n]+más[^\S\n]+leído"
    r"|(?:notícias|artigos|posts)[^\S\n]+(?:relacionad[ao]s|recentes)|mais[^\S\n]+lidas"
    r"|articoli[^\S\n]+correlati|i[^\S\n]+più[^\S\n]+letti|gerelateerde[^\S\n]+(?:artikelen|berichten)|meest[^\S\n]+gelezen"
    r"|podobne[^\S\n]+artykuły|najczęściej[^\S\n]+czytane|関連記事|関連ニュース|おすすめ記事|人気記事|新着記事)[^\w\n]*"
)

# The heading of a shop's box of other products, as a whole line (smooth.drop_related_products):
# "Similar items", "Products related to this item", "You may also like", "Customers also bought",
# "Frequently bought together", "Recently viewed", "Complete the look", "Ähnliche Produkte",
# "Kunden kauften auch", "Vous aimerez aussi", "Productos relacionados", "Prodotti correlati": shop
# engines' wording in the stopword languages, never a line of a product's own facts. Each
# alternative holds one of smooth._RELATED_PRODUCTS_STEMS (the lines are searched for those first).
_W = r"[^\S\n]+"
RELATED_PRODUCTS_RE = regex.compile(
    r"(?i)[^\w\n]*(?:"
    rf"(?:similar|related|recommended|sponsored){_W}(?:items|products|models)"
    rf"|(?:items|products){_W}(?:related|similar){_W}to{_W}this(?:{_W}(?:item|product))?"
    rf"|explore{_W}(?:related|similar){_W}(?:items|products)|compare{_W}(?:with{_W})?similar{_W}(?:items|products)"
    rf"|you{_W}(?:may|might|will){_W}also{_W}(?:like|love|enjoy|need)"
    rf"|(?:customers|people|shoppers){_W}(?:who{_W}(?:bought|viewed){_W}this(?:{_W}(?:item|product))?{_W})?also{_W}(?:bought|viewed|purchased|liked|loved)"
    rf"|frequently{_W}bought{_W}together|recently{_W}viewed(?:{_W}(?:items|products))?"
    rf"|complete{_W}the{_W}look|shop{_W}the{_W}look|more{_W}from{_W}this{_W}(?:seller|brand|shop|store)"
    rf"|ähnliche{_W}(?:produkte|artikel)|kunden{_W}(?:kauften|kaufen){_W}auch|das{_W}könnte{_W}(?:dir|ihnen){_W}auch{_W}gefallen"
    rf"|produits{_W}(?:similaires|associés|recommandés)|vous{_W}(?:aimerez|aimeriez){_W}aussi|vous{_W}pourriez{_W}aussi{_W}aimer"
    rf"|productos{_W}(?:relacionados|similares)|también{_W}te{_W}puede{_W}(?:gustar|interesar)"
    rf"|prodotti{_W}(?:correlati|simili)|potrebbe{_W}interessarti{_W}anche"
    r")[^\w\n]*(?:\(\d+\)[^\w\n]*)?"
)

# An affiliate disclosure: the note that the site earns from the links in its text ("This post
# contains affiliate links", "we may earn a commission", "As an Amazon Associate I earn from
# qualifying purchases", "we may be compensated"), in the wording the FTC's guides made common.
# DISCLOSURE_WHO_RE is the speaker: the site or its writer ("we", "I", "our", "this post"); an
# article about affiliate marketing says "streamers earn a commission". English only: the other
# stopword languages' disclosures use many wordings ("Werbung", "lien affilié", "enlace de afiliado").
DISCLOSURE_RE = regex.compile(
    r"(?i)(?<![\w])(?:affiliate[ -](?:links?|commissions?|partnerships?|relationships?|arrangements?)"
    r"|(?:earn|receive|get|make)s?\s+(?:(?:a|an|some)\s+)?(?:(?:small|affiliate|tiny)\s+)?(?:commissions?|compensation|kickback)"
    r"|qualifying purchases|may be compensated|commissionable links?)(?![\w])"
)
DISCLOSURE_WHO_RE = regex.compile(
    r"(?i)(?<![\w])(?:we|i|us|our|my|this\s+(?:post|page|article|site|website|blog|story|guide|content))(?![\w])"
)

# A form's agreement notice: the line under a button that binds the reader to the site's terms
# ("By clicking “Post Your Answer”, you agree to our terms of service ...", "By submitting your
# email, you agree to our Terms and Privacy Notice.", "By continuing, you accept our use of
# cookies"): "by" and a gerund, then "you" (or "I") agree, accept, consent, acknowledge or
# confirm, and the sentence names the terms, a policy, a notice or cookies (smooth.drop_form_notices).
# English only, like the disclosures above.
AGREEMENT_RE = regex.compile(
    r"(?i)(?:^|[.:!?]\s+)\W*by\s+\w+ing\b[^.!?\n]{0,160}?\b(?:you|i)\b[^.!?\n]{0,24}?"
    r"\b(?:agree|accept|consent|acknowledge|confirm)(?:s|d)?\b[^.!?\n]{0,160}?"
    r"\b(?:terms|conditions|polic(?:y|ies)|privacy|notice|statement|cookies)\b"
)

# A widget's prompt or error message, set in the page for a script to show (smooth.drop_form_notices):
# the call to sign in before a widget acts ("Log in to set a price alert on this product.", "Sign
# in to add this item to your wishlist", "You must be logged in to leave a comment"), a folded
# quote's button alone on its line ("Click to expand...") and the
# notice that an action failed ("Unable to add item to List. Please try again."). A sign-in line
# names what the reader would do next ("to" and a verb); a documentation page's step names the
# place ("Sign in to the Azure portal", "Log in to your account"), and it stays.
PROMPT_RE = regex.compile(
    r"(?i)\W*(?:please\s+)?(?:(?:log|sign)\s*(?:in|on)\s+to\s+(?!(?:your|the|a|an|my|our|this|that|it|its)\b)[a-z]"
    r"|you\s+(?:must|need\s+to|have\s+to)\s+(?:be\s+)?(?:logged|signed)\s+in\b"
    r"|(?:click|tap)\s+to\s+expand\W*$)"
)
# FAILURE_RE: the error message's end ("... Please try again."), searched apart from PROMPT_RE's
# start (matched at the block's start only): one pattern of both tried every position.
FAILURE_RE = regex.compile(
    r"(?i)\b(?:unable\s+to|problem|error|failed|went\s+wrong|couldn.t|could\s+not)\b[^.!?\n]{0,80}[.!]\s*"
    r"(?:please\s+)?try\s+again(?:\s+later)?\W*$"
)

# A form's thank-you notice, set in the page for a script to show once the reader has sent it
# (smooth.drop_form_notices): "Thanks for signing up!", "Thank you for subscribing to our daily
# newsletter.", "Thank you for your submission", "Thanks for your feedback!". Matched at the block's
# start. Not "Thanks for joining us" (an interviewer's welcome) nor "thanks for reading" (a sign-off).
FORM_THANKS_RE = regex.compile(
    r"(?i)\W*(?:thanks|thank\s+you)\s+for\s+(?:signing\s+up|subscribing|registering|contacting\s+us|reaching\s+out"
    r"|your\s+(?:submission|message|subscription|feedback|interest|inquiry|enquiry|request|registration|response|vote|rating))\b"
)

# A post's sign-off, the line a publisher's or a blog engine's template sets under the text
# (smooth.drop_tail_pitches): the print-edition note ("A version of this article appeared in print
# on ..."), the plea to share or follow ("If you enjoyed this article, please share it", "Like this
# story? Share it with a friend!", "Enjoy the post? Pin it for later!"), the share box's and the
# related box's headings alone on their line ("Share this", "You may also like:"), "Back to top".
# "Originally appeared" is left out: a syndicated story's source line, which truths keep.
SIGN_OFF_RE = regex.compile(
    r"(?i)[^\w\n]*(?:a\s+version\s+of\s+this\s+(?:article|story|review|column|post)\s+appeared"
    r"|(?:did\s+you\s+)?(?:enjoy(?:ed)?|liked?)\s+(?:this|the)\s+(?:post|article|story)\b"
    r"|if\s+you\s+(?:liked|enjoyed|like|found)\s+this\b"
    r"|(?:(?:share|like)\s+this(?:\s+(?:post|article|story|page))?|back\s+to\s+top"
    r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy))[^\w\n]*$)"
)

# A post's meta line, the other line a blog engine's or a publisher's template sets under the text
# (smooth.drop_tail_pitches): when and where it was filed ("This entry was posted on Monday, October
# 15th, 2012 at 4:48 pm and is filed under Life", "Posted by Laurie at September 10, 2012 9:01 AM",
# "Filed under:", "Tags:", "Last reviewed January 2023"), the reader's feedback widget ("Was this
# article helpful?", "How useful was this post?", "Rate this recipe")
# and the site's plea to follow it ("Follow us on ...", "Twitter: @example"). "Written by" is left
# out: a byline or a guest writer's note, which truths keep as often as not.
POST_META_RE = regex.compile(
    r"(?i)[^\w\n]*(?:this\s+(?:entry|post|article)\s+was\s+(?:posted|written|filed|published)\b"
    r"|posted\s+by\s+[^\n]{1,40}?\s+(?:at|on)\s|(?:posted|published)\s+(?:on|in)\b"
    r"|(?:filed\s+(?:under|in)|categories|tags|tagged(?:\s+with)?)\s*:"
    r"|(?:date\s+)?last\s+(?:reviewed|updated|modified)\b"
    r"|(?:was|is|did\s+you\s+find|do\s+you\s+find|found)\s+this\s+(?:\w+\s+){0,2}(?:helpful|useful)\b"
    r"|how\s+(?:useful|helpful)\s+(?:was|is)\s+this\b|rat(?:e|ing)\s+this\s+(?:article|post|story|page|recipe|tutorial)\b"
    r"|(?:please\s+)?(?:follow|like|find|connect\s+with)\s+us\b"
    r"|(?:twitter|facebook|instagram|youtube|linkedin|pinterest|tiktok)(?:[^\S\n]+\w+){0,2}[^\S\n]*:[^\S\n]*\S+[^\S\n]*$)"
)

# The line a blog template sets under a post to say who posted it (smooth.keep_text_lone_post):
# "posted by Jane @ 6:01 PM", "Posted by Jane", Blogger's "Eingestellt von", "Publié par",
# "Publicado por", "Pubblicato da", "Geplaatst door", "Opublikowane przez".
POSTED_BY_RE = regex.compile(
    r"(?i)[^\w\n]*(?:posted|published|eingestellt|verfasst|publi[ée]e?|publicad[oa]|pubblicat[oa]|geplaatst"
    r"|opublikowan[ey])[^\S\n]+(?:by|von|par|por|da|door|przez)\b"
)

# Movable Type's and TypePad's links to the posts before and after a post, over it
# (smooth.keep_text_lone_post): "« Older title | Main | Newer title »", "« Older title | Main" on
# the newest post, "Main | Newer title »" on the oldest.
POST_NAV_MAIN_RE = regex.compile(r"\s*(?:«[^\n]*\|\s*Main(?:\s*\|[^\n]*»)?|Main\s*\|[^\n]*»)\s*")

# A blogger's greeting that opens the box about them under a post or beside it (smooth.drop_author_boxes):
# "Hi, I'm Becky.", "Hey, I'm Jessica! Welcome to ...", "Hi there! I'm Shivya, and I started this
# blog ...", "Hello, my name is ..." and a capitalised name after it. English only.
AUTHOR_GREETING_RE = regex.compile(
    r"[^\w\n]*(?i:hi|hey|hello|howdy)(?:[^\S\n]+(?i:there|friends?|everyone))?[,!.]*[^\S\n]+"
    r"(?i:i['’]m|i[^\S\n]+am|my[^\S\n]+name[^\S\n]+is)[^\S\n]+\p{Lu}"
)

# The heading of an author's box under a post, as a whole line (smooth.drop_author_boxes): "About
# the author", "About the Writer:", "Meet the author", "Written by Jane Doe" (a name of up to four
# words), and the same in the stopword languages' usual wording ("Über den Autor", "Über die
# Autorin", "À propos de l'auteur", "Sobre el autor", "Sull'autore", "Over de auteur").
AUTHOR_BOX_RE = regex.compile(
    r"(?i)[^\w\n]*(?:about[^\S\n]+(?:the[^\S\n]+)?(?:author|writer|contributor|blogger)s?|meet[^\S\n]+the[^\S\n]+(?:author|writer)s?"
    r"|written[^\S\n]+by(?:[^\S\n]+\S+){1,4}|über[^\S\n]+(?:den[^\S\n]+autor|die[^\S\n]+autorin)|à[^\S\n]+propos[^\S\n]+de[^\S\n]+l['’]auteur"
    r"|sobre[^\S\n]+(?:el|la)[^\S\n]+autora?|sull['’]autore|over[^\S\n]+de[^\S\n]+auteur)[^\w\n]*"
)

# The opening of a writer's bio in the third person, under the box's line of the writer's name
# (smooth.drop_author_boxes): a name of one to four capitalised words and the verb that starts a
# bio ("Jane Doe is a ...", "Jane Doe has covered ...", "Jane Doe holds ...", "Jane Doe writes
# ..."), in the stopword languages' usual wording too ("ist", "est", "es", "è"). The name is
# group 1. A listicle's entry under its heading ("Acme Corp consists of ...", "The Snow Agency
# (now ...)") does not open so.
NAME_BIO_RE = regex.compile(
    r"(\p{Lu}[\w'’.-]*(?:[^\S\n]\p{Lu}[\w'’.-]*){0,3})[^\S\n]+"
    r"(?:is|was|has|holds|writes|covers|joined|leads|serves|ist|est|es|è)\b"
)

# A person's pronouns, for a bio that opens with a first name only (smooth.drop_author_boxes): "Jane
# is a ..." under "Jane Doe" is a bio when it says "she" or "her" (a listicle's "Storage is one of
# the key offerings" under "Storage Solutions" says neither). English, German, French, Spanish.
PERSON_PRONOUN_RE = regex.compile(r"(?i)\b(?:he|she|his|her|him|er|sein|seine|elle|ella|él)\b")

# The heading of an article's box of its key points, as a whole line (smooth.keep_key_points): "Key
# takeaways", "Key Points:", "Main takeaways", "TL;DR", and the stopword languages' usual wording
# ("Das Wichtigste in Kürze", "L'essentiel", "À retenir", "Puntos clave", "En resumen").
KEY_POINTS_RE = regex.compile(
    r"(?i)[^\w\n]*(?:(?:key|main)[^\S\n]+(?:takeaways?|points|insights|findings|facts|highlights|learnings)|takeaways?"
    r"|tl;?[^\S\n]?dr|das[^\S\n]+wichtigste(?:[^\S\n]+in[^\S\n]+kürze)?|l['’]essentiel|à[^\S\n]+retenir|puntos[^\S\n]+clave"
    r"|en[^\S\n]+resumen)[^\w\n]*"
)

# The heading of a box of the site's other stories under a post, as a whole line (text mode,
# smooth.drop_text_after_related), besides vocab.RELATED_HEAD_RE: "Also on Example:", "More from
# Example News", "More on this story", "Around the web": the wording newsrooms and blog networks
# put over such a box, a name of up to four words after it.
OTHER_STORIES_RE = regex.compile(
    r"(?i)[^\w\n]*(?:around[^\S\n]+the[^\S\n]+web|(?:also|more)[^\S\n]+(?:on|from)(?:[^\S\n]+[^\s:]+){1,4})[^\w\n]*"
)

# A site's copyright line: the sign or the word with a year ("© 2024 Example Inc.", "Copyright
# 2010-2024"), or "all rights reserved" and its usual translations. An image credit names a
# holder without a year ("Image copyright Getty Images").
COPYRIGHT_RE = regex.compile(
    r"(?i)(?:©|\(c\)|(?<![\w])copyright(?![\w]))[^\n]{0,20}?(?<!\d)(?:19|20)\d\d(?!\d)|all rights reserved|"
    r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati"
)


# A recipe card's two headings as lines of their own (text mode, smooth.keep_text_recipes): the
# ingredients ("Ingredients", "Zutaten für 4 Personen", "Ingrédients :") and the method
# ("Directions", "Instructions", "Zubereitung", "Préparation"), in the languages of stopwords.py.
# After the word only the servings or a count and a colon ("for 4 portions:", "(serves 4)"): not a
# menu's "Ingredient weight chart", a label's "Ingredients: Organic Sunflower Seeds" or a sentence.
INGREDIENTS_HEAD_RE = regex.compile(
    r"(?i)^(?:ingredients?|zutaten|ingrédients|ingredientes|ingredienti|ingrediënten|składniki)(?![\w])"
    r"(?:\s*\([^)\n]{0,30}\)|\s+\d[^.!?:\n]{0,30}|\s+(?:for|für|pour|para|per|voor|na|dla)(?![\w])[^.!?:\n]{0,36})?\s*:?$"
)
METHOD_HEAD_RE = regex.compile(
    r"(?i)^(?:directions|instructions|method|preparation|zubereitung|anleitung|préparation|preparación|"
    r"elaboración|preparazione|procedimento|bereiding|bereidingswijze|przygotowanie)(?![\w])(?:\s*\([^)\n]{0,30}\)|\s+\d[^.!?:\n]{0,20})?\s*:?$"
)


# A share or like bar's label as a line of its own, with its colon ("Share this:",
# "Like this:", "Teilen mit:", "Gefällt mir:", "Partager :", "J'aime :", "Compartir:", "Me gusta:",
# "Condividi:", "Mi piace:", "Delen:", "Vind ik leuk:", "Udostępnij:", "Lubię to:"): set right under
# a post's text (smooth.keep_text_before_share_bar).
SHARE_BAR_RE = regex.compile(
    r"(?i)^[^\w\n]*(?:share\s+this|like\s+this|teilen\s+mit|teilen\s+sie\s+dies\s+mit|diesen\s+beitrag\s+teilen|gefällt\s+mir"
    r"|partager(?:\s+cet\s+article)?|j['’]aime|compartir(?:\s+esto)?|me\s+gusta|condividi|mi\s+piace|delen|vind\s+ik\s+leuk"
    r"|udostępnij|lubię\s+to)\s*:[^\w\n]*$"
)


# A star count on a line of a review widget's rating histogram ("5 star", "4star reviews",
# "Number of 3 star reviews 11", "2 Sterne", "1 étoile"), in the languages of stopwords.py: its
# digit is the group (smooth.drop_text_reviews).
STAR_COUNT_RE = regex.compile(
    r"(?i)(?<![\d.,])([1-5])\s?-?\s?(?:stars?|sterne?|étoiles?|estrellas?|stelle|sterren|gwiazd(?:ki|ek|ka|y)?)(?![\w])"
)


# A form's name and e-mail fields as lines of their own ("Name *", "Your name:", "Name (required)",
# "Email *", "E-Mail-Adresse (erforderlich)", "Nom *", "Correo electrónico *"), in the languages of
# stopwords.py: a dump keeps a comment form's labels (smooth.drop_text_after_fields).
_FIELD_OWNER = r"(?:(?:your|ihre?|deine?|votre|tu|su|il\s+tuo|la\s+tua|seu|uw|twoje?)\s+)?"
_FIELD_REQUIRED = (
    r"[^\w\n]*(?:\((?:required|erforderlich|obligatoire|requis|requerido|obligatorio|obbligatorio|obrigatório|"
    r"verplicht|wymagane)\)[^\w\n]*)?"
)
FIELD_NAME_RE = regex.compile(rf"(?i)[^\w\n]*{_FIELD_OWNER}(?:full\s+)?(?:name|nom|nombre|nome|naam|imię){_FIELD_REQUIRED}")
FIELD_MAIL_RE = regex.compile(
    rf"(?i)[^\w\n]*{_FIELD_OWNER}(?:e-?mail(?:[\s-]?(?:address|adresse|adres))?|(?:adresse|indirizzo|endereço|adres)\s+e-?mail|"
    rf"courriel|correo(?:\s+electr[oó]nico)?){_FIELD_REQUIRED}"
)


# A comment form's notices, the lines a blog engine's template sets in its form for the reader or
# its script to show (smooth.drop_text_form_notices): the e-mail field's promise ("Your email
# address will not be published. Required fields are marked *", "Deine E-Mail-Adresse wird nicht
# veröffentlicht."), the boxes to be told of replies ("Notify me of follow-up comments by email.",
# "Benachrichtige mich über nachfolgende Kommentare via E-Mail."), the markup the form takes ("You
# may use these HTML tags and attributes:"), the script's messages on a preview, a captcha or a
# held comment ("This is only a preview. Your comment has not yet been posted.", "Your comment
# could not be posted.", "Your comment is awaiting moderation.", "The letters and numbers you
# entered did not match the image.", "Having trouble reading this image?") and the moderation
# notice ("All comments are moderated ..."). Matched at the line's start, in the languages of
# stopwords.py where the engines translate them.
_NOTICE_MAIL = r"(?:(?:your|ihre?|deine?|votre|tu|su|il\s+tuo|o\s+seu|je|uw)\s+)?(?:e-?mail|email|correo|indirizzo|endereço|adresse|dirección)"
COMMENT_NOTICE_RE = regex.compile(
    r"(?i)[^\w\n]*(?:"
    rf"{_NOTICE_MAIL}[^\n]{{0,30}}?\b(?:will\s+(?:not|never)\s+be|is\s+(?:not|never))\s+(?:published|shared|displayed)"
    rf"|{_NOTICE_MAIL}[^\n]{{0,30}}?\b(?:wird\s+nicht\s+veröffentlicht|ne\s+sera\s+pas\s+publi|no\s+será\s+publicad"
    r"|non\s+sarà\s+pubblicat|não\s+será\s+publicad|wordt\s+niet\s+gepubliceerd)"
    r"|required\s+fields\s+are\s+marked|(?:erforderliche\s+felder|pflichtfelder)\s+sind\s+(?:mit\s+\S+\s+)?markiert"
    r"|les\s+champs\s+obligatoires\s+sont\s+indiqués|los\s+campos\s+obligatorios\s+están\s+marcados"
    r"|i\s+campi\s+obbligatori\s+sono\s+contrassegnati|(?:os\s+)?campos\s+obrigatórios\s+(?:são|estão)\s+marcados"
    r"|vereiste\s+velden\s+zijn\s+gemarkeerd"
    r"|notify\s+me\s+of\s+(?:follow-?up|new)\s+(?:comments|posts|replies)|benachrichtige\s+mich\s+über\s+(?:nachfolgende|neue)"
    r"|prévenez-moi\s+de\s+tous\s+les\s+nouveaux"
    r"|you\s+(?:may|can)\s+use\s+these\s+html\s+tags|du\s+kannst\s+folgende\s+html-tags"
    r"|this\s+is\s+only\s+a\s+preview|your\s+comment\s+(?:has\s+(?:not\s+yet\s+)?been\s+(?:posted|saved|submitted)"
    r"|could\s+not\s+be\s+posted|is\s+(?:now\s+)?(?:awaiting|in\s+the\s+moderation)|will\s+be\s+reviewed)"
    r"|the\s+letters\s+and\s+numbers\s+you\s+entered|as\s+a\s+final\s+step\s+before\s+posting\s+your\s+comment"
    r"|having\s+trouble\s+reading\s+this\s+image"
    r"|(?:please\s+(?:note|understand)\s+that\s+)?(?:all\s+)?comments\s+are\s+moderated)"
)

# A photo's credit as a line of its own: the label, capitalised, and its colon ("Photo credit:
# Example.com", "Image Credit: Name / Shutterstock.com", "Image: Name", "Foto: dpa", "Bild: Name",
# "Crédit photo : Name", "Credit: Getty Images / Name"); a config's lowercase "image: nginx:1.14" is
# none, nor a credits section's "Credits:" heading (smooth.drop_text_credit_lines).
CREDIT_LINE_RE = regex.compile(
    r"(?:Photo|PHOTO|Image|IMAGE|Picture|Foto|FOTO|Bild|Imagen|Immagine)(?:[^\S\n]+(?:[Cc]redits?|CREDITS?))?[^\S\n]*:"
    r"|Cr[ée]dits?[^\S\n]+(?:photos?|images?)[^\S\n]*:"
    r"|(?:Credit|CREDIT)[^\S\n]*:(?=[^\S\n]*\S)"
)

# A page's notice about the reader's browser (smooth.drop_browser_notices): the fallback text a
# <video> or <audio> element holds for a browser that cannot play it ("Your browser does not support
# the video tag.", "Sorry, your browser doesn't support embedded videos."), a plea to turn JavaScript
# on ("This slideshow requires JavaScript.", "Please note that Javascript is turned off in your web
# browser") or to update the browser ("Please upgrade your browser.", "This site is best viewed in a
# modern browser"). A text dump keeps the <video> fallback that a browser hides; a template sets the
# rest as a paragraph. English, German, French and Spanish wordings; a sentence that names a
# browser or JavaScript otherwise ("runs in your browser", "JavaScript Debugger") is none of these.
BROWSER_NOTICE_RE = regex.compile(
    r"(?i)(?<![\w])(?:"
    r"(?:your|this|the)\s+(?:web\s+|internet\s+)?browser\s+(?:does\s*n[o'’]t|do\s*n[o'’]t|can\s*n[o'’]t|cannot"
    r"|is\s+unable\s+to|has\s+been\s+unable\s+to|won[’']t)\s+(?:support|play|display|show|load|render|handle)"
    r"|(?:your|this)\s+(?:web\s+)?browser\s+(?:is\s+)?(?:(?:not|no\s+longer)\s+supported|out\s+of\s+date|outdated|too\s+old)"
    r"|(?:update|upgrade)\s+(?:to\s+)?(?:your|a\s+(?:newer|modern|supported))\s+(?:web\s+)?browser"
    r"|best\s+viewed\s+(?:in|with|using)\s"
    r"|javascript\s+(?:is\s+|has\s+been\s+)?(?:turned\s+off|disabled|not\s+enabled|switched\s+off|required|must\s+be\s+enabled)"
    r"|(?:requires?|need\s+to\s+enable|please\s+enable|enable|turn\s+on|activate)\s+(?:your\s+)?javascript"
    r"|ihr\s+browser\s+(?:unterst[üu]tzt|kann)\s+(?:dies|das|den|die|kein|keine|nicht)"
    r"|javascript\s+(?:ist\s+)?deaktiviert|aktivieren\s+sie\s+(?:bitte\s+)?javascript"
    r"|votre\s+navigateur\s+ne\s+(?:supporte|prend|permet|peut)|activez\s+(?:le\s+)?javascript"
    r"|(?:tu|su)\s+navegador\s+no\s+(?:soporta|admite|es\s+compatible|puede)|activa\s+(?:el\s+)?javascript"
    r")"
)

# A designer's placeholder text (smooth.drop_placeholders): the opening "Lorem ipsum" of the
# printers' passage from Cicero, and the words of its standard paragraph ("Ut enim ad minim veniam,
# quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat", "Duis aute
# irure dolor ..."), which a template's unfilled boxes carry in any language of the site.
PLACEHOLDER_START_RE = regex.compile(r"(?i)[^\w\n]*lorem[^\S\n]+ipsum\b")
PLACEHOLDER_WORDS = frozenset(
    "lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do eiusmod"
    " tempor incididunt ut labore et dolore magna aliqua aliquam enim ad minim veniam quis nostrud"
    " exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in"
    " reprehenderit voluptate velit esse cillum eu fugiat nulla pariatur excepteur sint occaecat"
    " cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum".split()
)

# A table of contents' title as a line of its own (smooth.drop_toc_titles): "Table of Contents",
# "TABLE OF CONTENTS [hide]", "Inhaltsverzeichnis", "Sommaire", "Table des matières", "Índice de
# contenidos", "Tabla de contenidos", "Indice dei contenuti", "Inhoudsopgave", "Spis treści",
# "Sumário", "目次", "目录", with a toggle's word after it or not. A bare "Contents" is left out: a
# book's or a report's own heading, which truths keep.
TOC_TITLE_RE = regex.compile(
    r"(?i)[^\w\n]*(?:table\s+of\s+contents?|inhaltsverzeichnis|sommaire|table\s+des\s+mati[èe]res"
    r"|[íi]ndice\s+de\s+contenidos?|tabla\s+de\s+contenidos?|indice\s+dei\s+contenuti|inhoudsopgave"
    r"|spis\s+treści|sumário|目次|目录)[^\w\n]*(?:(?:show|hide|toggle|open|close|anzeigen|ausblenden"
    r"|afficher|masquer|mostrar|ocultar)[^\w\n]*)?"
)

# A forum member's or a Q&A user's stats as a line of their own, every item a count and its label
# ("1,234 gold badges", "12 silver badges 34 bronze badges", "410 posts · Joined 2002",
# "Reputation: 345", "Posts: 1,204", "Beiträge: 12", "Mitglied seit: Jan 2010"); a label alone
# ("Reputation", "Joined") or a phrase that uses the word ("Reputation Management") is none
# (smooth.drop_text_member_stats).
_STAT_COUNT = r"[0-9][0-9.,]*[kKmM]?"
_STAT_NOUN = (
    r"(?:(?:gold|silver|bronze)[^\S\n]+)?badges?|posts?|messages?|points?|reputation|rep|karma"
    r"|reactions?|reaction[^\S\n]+score|likes?|beitr(?:ä|ae)ge?|mensajes|messaggi|berichten"
)
_STAT_DATE = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[^\S\n]+)?"
    r"(?:[a-zäéû]{3,9}\.?[^\S\n]+[0-9]{1,2}(?:st|nd|rd|th)?,?[^\S\n]+[0-9]{4}|[0-9]{1,2}\.?[^\S\n]+[a-zäéû]{3,9}\.?,?[^\S\n]+[0-9]{4}"
    r"|[a-zäéû]{3,9}\.?[^\S\n]+[0-9]{4}|[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}|[0-9]{4})"
    r"(?:,?[^\S\n]+(?:at[^\S\n]+)?[0-9]{1,2}:[0-9]{2}(?:[^\S\n]*[ap]\.?m\.?)?)?"
)
_STAT_JOINED = r"(?:joined|member[^\S\n]+since|registered|mitglied[^\S\n]+seit|registriert|inscrit|inscrit[^\S\n]+le|registrado|iscritto)"
_STAT_ITEM = (
    rf"(?:{_STAT_COUNT}[^\S\n]*(?:{_STAT_NOUN})(?:[^\S\n]+since[^\S\n]+[0-9]{{4}})?"
    rf"|(?:{_STAT_NOUN})[^\S\n]*:?[^\S\n]*{_STAT_COUNT}"
    rf"|{_STAT_JOINED}[^\S\n]*:?[^\S\n]*{_STAT_DATE})"
)
MEMBER_STATS_RE = regex.compile(rf"(?i)[^\S\n]*{_STAT_ITEM}(?:[^\S\n]*[·•|,;/–-]?[^\S\n]*{_STAT_ITEM})*[^\S\n]*")

# A forum post's edit notice: the engine's note of who edited the post last ("Last edited by Minoa
# on Wed Aug 28, 2019 11:24 am, edited 1 time in total.", "Last edited by Trilby (2024-08-04
# 14:26:59)", "Zuletzt bearbeitet von ...", "Dernière modification par ..."); a book's "Edited by
# <name>" and a page's "Zuletzt geändert am <date>" are none, nor a notice without the editor's
# name ("Last edited: Jul 9, 2022": its date is the post's date often kept; smooth.drop_edit_notices).
EDIT_NOTICE_RE = regex.compile(
    r"(?i)[^\S\n]*(?:last[^\S\n]+edited[^\S\n]+by\b"
    r"|zuletzt[^\S\n]+(?:bearbeitet|ge(?:ä|ae)ndert)[^\S\n]+von\b"
    r"|derni(?:è|e)re[^\S\n]+(?:modification|(?:é|e)dition)[^\S\n]+par\b"
    r"|(?:ú|u)ltima[^\S\n]+(?:edici(?:ó|o)n|modificaci(?:ó|o)n)[^\S\n]+por\b"
    r"|ultima[^\S\n]+modifica[^\S\n]+d[ai]\b"
    r"|laatst[^\S\n]+bewerkt[^\S\n]+door\b)"
)

# A Q&A post's action line: the verb and when ("asked Mar 3, 2019 at 10:12", "answered May 9 '19 at
# 9:05", "edited Mar 12, 2020 at 4:01", "Commented Oct 17, 2010 at 1:03", "Asked 9 years, 2 months
# ago", "Modified 3 days ago"); a news page's "Updated ..." and a blog's "Posted ..." are bylines
# (smooth.drop_text_post_actions).
_ACTION_WHEN = (
    r"(?:[a-z]{3,9}\.?[^\S\n]+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?[^\S\n]+[0-9]{4}|[^\S\n]+'[0-9]{2})?"
    r"|[0-9]{1,2}\.?[^\S\n]+[a-z]{3,9}\.?(?:,?[^\S\n]+[0-9]{4})?|[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:,?[^\S\n]+(?:at[^\S\n]+)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[^\S\n]*[ap]\.?m\.?)?)?"
    r"|(?:[0-9]+|an?|one)[^\S\n]+(?:second|minute|hour|day|week|month|year)s?(?:,?[^\S\n]+[0-9]+[^\S\n]+(?:second|minute|hour|day|week|month|year)s?)?[^\S\n]+ago"
    r"|today|yesterday"
)
POST_ACTION_RE = regex.compile(rf"(?i)[^\S\n]*(?:asked|answered|edited|commented|modified)[^\S\n]+(?:on[^\S\n]+)?(?:{_ACTION_WHEN})[^\S\n]*")


# A block that is nothing but a template's navigation label (smooth.drop_nav_labels, both modes):
# a skip link, the first thing a keyboard or a screen reader meets ("Skip to main content", "Skip
# to search results", "Skip to product information", "Jump to Recipe"; "Zum Inhalt springen",
# "Direkt zum Inhalt", "Aller au contenu", "Passer au contenu principal", "Saltar al contenido",
# "Ir al contenido principal", "Vai al contenuto", "Spring naar inhoud"), and a pager's or a post
# navigation's links on their own ("Previous Article", "Next Post »", "‹ Prev Next ›", "Older
# posts", "Nächster Beitrag", "Article précédent" as "Précédent", "Siguiente", "Volgende"), and a
# listing's sort and filter bar ("Sort by:", "Filter by", "Sort & Filter", "Trier par"). The
# whole block and nothing else, one line of it (the pattern is matched line by line, with (?m)):
# "Next Steps", "Skip the line" or "Previous positions:" are headings of the text, not labels.
NAV_LABEL_RE = regex.compile(
    r"(?im)^(?:"
    r"[^\w\n]*(?:(?:skip|jump)[^\S\n]+to[^\S\n]+(?:the[^\S\n]+)?[^\W\d]+(?:[^\S\n]+[^\W\d]+){0,2}[^\w\n]*)+"
    r"|[^\w\n]*(?:(?:direkt[^\S\n]+)?(?:zum|zur)[^\S\n]+(?:inhalt|hauptinhalt|navigation|hauptnavigation|menü|suche)"
    r"(?:[^\S\n]+(?:springen|wechseln|gehen))?"
    r"|(?:aller|passer)[^\S\n]+(?:directement[^\S\n]+)?(?:au|à[^\S\n]+la)[^\S\n]+(?:contenu|menu|navigation|recherche)"
    r"(?:[^\S\n]+principal)?"
    r"|(?:saltar|ir)[^\S\n]+al[^\S\n]+(?:contenido|menú|navegación)(?:[^\S\n]+principal)?"
    r"|(?:vai|salta)[^\S\n]+al[^\S\n]+(?:contenuto|menu)(?:[^\S\n]+principale)?"
    r"|(?:ga|spring)[^\S\n]+naar[^\S\n]+(?:de[^\S\n]+)?(?:inhoud|hoofdinhoud|navigatie)"
    r"|sort(?:ed)?[^\S\n]+by|filter[^\S\n]+by|refine[^\S\n]+by|(?:sort|filter)[^\S\n]*(?:&|and|\+)[^\S\n]*(?:sort|filter)"
    r"|(?:show|hide|clear(?:[^\S\n]+all)?)[^\S\n]+filters|(?:sortieren|filtern)[^\S\n]+nach|(?:trier|filtrer)[^\S\n]+par"
    r"|(?:ordenar|filtrar)[^\S\n]+por|(?:ordina|filtra)[^\S\n]+per)[^\w\n]*"
    r"|[^\w\n]*(?:(?:prev(?:ious)?|next|older|newer|vorherige[rs]?|nächste[rs]?|ältere[rs]?|neuere[rs]?"
    r"|précédente?|suivante?|anterior|siguiente|precedente|successiv[oa]|vorige|volgende)"
    r"(?:[^\S\n]+(?:posts?|entry|entries|articles?|stor(?:y|ies)|pages?|seite|beitrag|artikel|eintrag"
    r"|entrada|art[ií]culo))?[^\w\n]*)+"
    r")$"
)
