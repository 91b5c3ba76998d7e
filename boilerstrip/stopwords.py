"""Function words per language, for the stopword ratio of a block.

Running text is full of function words (the, of, und, les ...); menus, link
lists and captions have few. Lists are the most frequent function words of
each language (articles, pronouns, prepositions, conjunctions, auxiliaries),
written out here as data.
"""

from __future__ import annotations

import collections

__all__ = ["STOPWORDS", "guess_language", "stopwords_for"]

_RAW = {
    "en": """a about above after again against all also am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from further
        had has have having he her here hers herself him himself his how i if in into is it its itself just
        me more most my myself no nor not now of off on once only or other our ours out over own same she
        should so some such than that the their theirs them themselves then there these they this those
        through to too under until up very was we were what when where which while who whom why will with
        would you your yours yourself which there said says one two new like""",
    "de": """aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin bis
        bist da damit dann das dass dem den denn der des dich die dies diese diesem diesen dieser dieses dir
        doch dort du durch ein eine einem einen einer eines er es etwas euch euer für gegen gewesen hab habe
        haben hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre im in ist jede jedem jeden jeder jetzt
        kann kein keine können man manche mein meine mit muss nach nicht nichts noch nun nur ob oder ohne
        sehr sein seine sich sie sind so solche soll sondern über um und uns unser unter viel vom von vor
        war waren warum was weil welche wenn wer werde werden wie wieder will wir wird wo wurde wurden zu
        zum zur zwar zwischen""",
    "fr": """a ai au aux avec avait avez avons c ce ceci cela ces cet cette comme d dans de des du elle elles
        en est et été être eu il ils j je l la le les leur leurs lui m ma mais me même mes moi mon n ne nos
        notre nous on ont ou où par pas peu plus pour qu que qui s sa sans se ses si son sont sur t ta te
        tes toi ton tous tout toute très tu un une vos votre vous y été était faire fait aussi bien""",
    "es": """a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella
        ellas ellos en entre era es esa ese eso esta estaba están este esto estos fue fueron ha había han
        hasta hay la las le les lo los más me mi mientras muy nada ni no nos nosotros o os otra otro para
        pero poco por porque que quien se sea ser si sido sin sobre son su sus también tanto te tiene todo
        todos tu un una uno unos y ya yo""",
    "it": """a ad al alla alle anche avere aveva che chi ci come con contro da dal dalla dei del della delle
        dello di dove e ed era essere fa gli ha hanno i il in io la le lei lo loro lui ma mi molto ne nel
        nella nelle noi non o per perché più poi quale quando quella quello questa questo se sei si sia
        siamo sono su sua sue suo sul sulla tra tu tutti tutto un una uno voi è""",
    "pt": """a ao aos as até com como da das de dela dele deles do dos e ela elas ele eles em entre era
        essa esse esta este eu foi foram há isso isto já lhe mais mas me mesmo meu minha muito na nas não
        nem no nos nós o os ou para pela pelo por qual quando que quem se sem ser seu sua são só também te
        tem um uma você é""",
    "nl": """aan al als bij dan dat de der deze die dit doch door dus een en er ge geen had heb hebben heeft
        hem het hier hij hoe hun ik in is ja je kan kon maar me meer men met mij mijn moet na naar niet niets
        nog nu of om omdat ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want was wat
        we wel werd wezen wie wij wil worden zal ze zei zelf zich zij zijn zo zonder zou""",
    "ru": """а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для
        до его ее если есть еще же за здесь и из или им их к как ко когда кто ли либо мне может мы на надо
        наш не него нее нет ни них но ну о об однако он она они оно от очень по под при с со так также
        такой там те тем то того тоже той только том ты у уже хотя чего чей чем что чтобы чье эта эти это я""",
    "pl": """a aby ale bo być był była było były by czy dla do gdy go i ich im jak jako je jego jej jest
        jestem już ku lub ma mi mnie może na nad nie nich nim o od oraz po pod przez przy się są ta tak
        także te tego tej ten to tu tylko w we więc z za ze że""",
    "sv": """alla att av blev bli blir de dem den denna deras dess det detta dig din du där efter ej eller
        en er ett från för ha hade han hans har henne hennes hon honom hur här i icke in inom inte jag ju
        kan man med mig min mot mycket ni nu när någon något och om oss på sedan sig sin sina ska skulle
        som så till under upp ut utan vad var vi vid än är över""",
    "da": """af alle at blev da de dem den denne der deres det dig din du efter eller en end er et for fra
        ham han hans har havde hun hvad hvis hvor i ikke ind jeg kan man med meget men mig min mod ned noget
        når og om op os over på sig sin skal som så til ud under var vi være""",
    "no": """at av både da de dei dem den denne der det du eg ein eit eller en er et etter for fra ha hadde
        han hans har hennes hun hva hvis hvor i ikke inn jeg kan med meg men mot nå når og også om opp oss
        på seg sin skal som til under ut var vi være""",
    "fi": """ja on ei se että hän oli ovat mutta kun niin tai jos ne mitä joka sen myös vain kuin nyt
        ole olla ovat siitä sitä tämä tämän nämä he me te minä sinä mikä jo vielä sekä""",
    "cs": """a aby ale ani až by byl byla bylo být co do i jak jako je jeho jejich jen jsou k kde když
        která které který ma mezi mi na nad není o od po pod pro proto před při s se si so tak také
        tam to tu už v ve z za že""",
    "tr": """acaba ama ancak bazı belki ben bir biz bu da daha de defa diye en gibi hem hep her hiç için
        ile ise kadar ki kim mi mu mü nasıl ne neden o olan olarak oldu olduğu siz şey şu tüm ve veya ya""",
    "id": """ada adalah akan aku anda atau bagi bahwa banyak belum bisa dalam dan dari dengan di dia ini itu
        jika juga kami kamu karena ke kita lagi lebih mereka oleh pada para saat saya sebagai sudah tak
        tapi telah tentang tidak untuk yang""",
}

STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in _RAW.items()}
# A generic fallback: the union of all lists. Function words rarely collide with content
# words across these languages, so the union still separates prose from menus.
_ALL = frozenset().union(*STOPWORDS.values())
# For guess_language: each function word with the languages that list it, in STOPWORDS order.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, sw in STOPWORDS.items() if word in sw) for word in _ALL
}


def stopwords_for(language: str | None) -> frozenset[str]:
    """The stopword set of a language code, or the union of all lists when unknown."""
    if language:
        return STOPWORDS.get(language.lower()[:2], _ALL)
    return _ALL


def guess_language(words: list[str]) -> str | None:
    """The language whose function words cover most of a sample of lowercase words."""
    if len(words) < 20:
        return None
    # Each distinct word is looked up once, in an index of the lists (the same hits as
    # testing every word against every list: 16 times fewer lookups); the function words
    # among them are found by one set intersection, and only they are counted in Python.
    counts: dict[str, int] = {}
    for lang in STOPWORDS:
        counts[lang] = 0
    times = collections.Counter(words)
    for word in times.keys() & _LANGUAGES_OF.keys():
        for lang in _LANGUAGES_OF[word]:
            counts[lang] += times[word]
    return best_language(counts, len(words))


def best_language(counts: dict[str, int], words: int) -> str | None:
    """The language with the most function words among a sample's words (the first listed on a tie).

    counts: each language of STOPWORDS with how many of the words its list holds.
    """
    if words < 20:
        return None
    best, best_hits = None, 0
    for lang, hits in counts.items():
        if hits > best_hits:
            best, best_hits = lang, hits
    # Below ~15% function words the sample is not running text in any listed language.
    return best if best_hits >= 0.15 * words else None
