package dev.quoteline.extract;

import java.util.Locale;
import java.util.Set;

/** Language knowledge: verbs of saying, titles, pronouns, group and organisation words. Never names of people. */
final class Lexicon {
    private Lexicon() {
    }

    /** Verbs of saying in every inflection we accept as a cue. Beliefs and wishes (think, believe, want) are absent on purpose. */
    static final Set<String> SAY_VERBS = set(
            "say", "says", "said", "saying", "tell", "tells", "told", "telling",
            "add", "adds", "added", "adding", "warn", "warns", "warned", "warning",
            "argue", "argues", "argued", "arguing", "insist", "insists", "insisted", "insisting",
            "claim", "claims", "claimed", "claiming", "deny", "denies", "denied", "denying",
            "write", "writes", "wrote", "writing", "tweet", "tweets", "tweeted", "tweeting",
            "announce", "announces", "announced", "announcing", "allege", "alleges", "alleged", "alleging",
            "state", "states", "stated", "stating", "note", "notes", "noted", "noting",
            "explain", "explains", "explained", "explaining", "ask", "asks", "asked", "asking",
            "suggest", "suggests", "suggested", "suggesting", "acknowledge", "acknowledges", "acknowledged", "acknowledging",
            "admit", "admits", "admitted", "admitting", "declare", "declares", "declared", "declaring",
            "report", "reports", "reported", "reporting", "confirm", "confirms", "confirmed", "confirming",
            "reveal", "reveals", "revealed", "revealing", "predict", "predicts", "predicted", "predicting",
            "promise", "promises", "promised", "promising", "vow", "vows", "vowed", "vowing",
            "pledge", "pledges", "pledged", "pledging", "recall", "recalls", "recalled", "recalling",
            "conclude", "concludes", "concluded", "concluding", "contend", "contends", "contended", "contending",
            "assert", "asserts", "asserted", "asserting", "maintain", "maintains", "maintained",
            "reply", "replies", "replied", "replying", "respond", "responds", "responded", "responding",
            "answer", "answers", "answered", "remark", "remarks", "remarked",
            "observe", "observes", "observed", "mention", "mentions", "mentioned",
            "comment", "comments", "commented", "complain", "complains", "complained", "complaining",
            "boast", "boasts", "boasted", "urge", "urges", "urged", "urging", "stress", "stresses", "stressed", "stressing",
            "emphasize", "emphasizes", "emphasized", "emphasise", "emphasised", "reiterate", "reiterates", "reiterated",
            "indicate", "indicates", "indicated", "signal", "signals", "signaled", "signalled",
            "estimate", "estimates", "estimated", "concede", "concedes", "conceded", "conceding",
            "charge", "charges", "charged", "counter", "counters", "countered", "quip", "quips", "quipped",
            "joke", "jokes", "joked", "joking", "shout", "shouted", "yell", "yelled", "exclaim", "exclaimed",
            "continue", "continued", "continues", "testify", "testified", "testifies", "post", "posted",
            "explain", "agree", "agrees", "agreed", "announce", "insisted", "cautioned", "caution", "cautions",
            "wondered", "wonder", "wonders", "declined", "proclaimed", "proclaims", "stated", "acknowledged",
            "read", "reads", "chant", "chants", "chanted", "chanting", "remark", "remarking", "mock", "mocks", "mocked",
            "mocking", "lament", "laments", "lamented", "lamenting", "disclose", "discloses", "disclosed", "bark",
            "barked", "demand", "demands", "demanded", "demanding", "denounce", "denounces", "denounced", "denouncing",
            "email", "emails", "emailed", "interject", "interjected", "interjecting", "retweet", "retweeted", "confess",
            "confessed", "confesses", "echo", "echoes", "echoed", "decry", "decries", "decried", "shouting", "shouts",
            "grouse", "groused", "ponder", "pondered", "boomed", "retort", "retorted", "retorts", "surmise", "surmised",
            "muse", "mused", "muses", "scoff", "scoffed", "scoffs", "snap", "snapped", "fume", "fumed", "fumes", "gripe",
            "griped", "plead", "pleaded", "pleads", "concur", "concurred", "opine", "opined", "opines", "brag", "bragged",
            "brags", "whisper", "whispered", "scream", "screamed", "mutter", "muttered", "recount", "recounted",
            "recounts", "elaborate", "elaborated", "clarify", "clarified", "clarifies", "reason", "reasoned", "speculate",
            "speculated", "speculates", "theorize", "theorized", "advise", "advised", "advises", "object", "objected",
            "protest", "protested", "repeat", "repeated", "repeats", "confide", "confided", "exclaims", "sniped",
            "cautioning", "lectured", "thundered", "wrote", "quoted", "quoting", "cite", "cites", "cited", "citing",
            "recommend", "recommends", "recommended");

    /** Cues that only introduce speech when followed by the statement itself, not an object ("continued to fight"). */
    static final Set<String> WEAK_CUES = set("continue", "continued", "continues", "post", "posted", "report", "reports",
            "reporting", "state", "states", "charge", "charges", "charged", "counter", "counters", "declined",
            "maintain", "maintains", "maintained", "signal", "signals", "signaled", "signalled", "answer", "answers",
            "answered", "post", "comment", "comments", "note", "notes", "promise", "promises", "promised", "estimate",
            "estimates", "estimated", "mention", "mentions", "mentioned", "agree", "agrees", "agreed", "write", "writes",
            "wrote", "writing", "ask", "asks", "asked", "asking", "respond", "responds", "responded", "responding",
            "urge", "urges", "urged", "urging", "pledge", "pledges", "pledged", "vow", "vows", "vowed",
            "read", "reads", "demand", "demands", "demanded", "demanding", "reason", "object", "protest", "repeat",
            "repeats", "repeated", "advise", "advises", "advised", "email", "emails", "emailed", "echo", "echoes",
            "echoed", "snap", "snapped", "quoted", "quoting", "cite", "cites", "cited", "citing", "clarify", "clarified",
            "clarifies", "confess", "confessed", "confesses", "elaborate", "elaborated", "recount", "recounted",
            "recounts", "disclose", "discloses", "disclosed", "chant", "chants", "chanted", "chanting", "retweet",
            "retweeted", "ponder", "pondered", "muse", "mused", "muses", "recommend", "recommends", "recommended");

    /** Verbs whose object carries what was said: "called him a liar", "accused X of Y", "urged X to Y". */
    static final Set<String> OBJECT_CUES = set("call", "calls", "called", "calling", "describe", "describes", "described",
            "describing", "accuse", "accuses", "accused", "accusing", "urge", "urges", "urged", "urging",
            "questioned", "questions", "questioning");

    static final Set<String> TELL_VERBS = set("tell", "tells", "told", "telling", "assured", "informed", "reminded");

    static final Set<String> PRONOUNS = set("he", "she", "they", "it", "i", "we", "you");

    /** Words that may stand between a subject and its verb of saying ("he also said", "she has repeatedly said"). */
    static final Set<String> SUBJECT_VERB_FILLERS = set("also", "later", "then", "has", "had", "have", "would", "will",
            "did", "does", "do", "previously", "repeatedly", "again", "reportedly", "publicly", "privately", "once",
            "recently", "earlier", "first", "further", "simply", "just", "flatly", "quickly", "finally", "frequently",
            "often", "even", "only", "had", "may", "might", "could", "should", "can", "already", "long", "never", "always",
            "ultimately", "separately", "similarly", "likewise", "specifically", "explicitly", "openly", "bluntly",
            "clearly", "directly", "angrily", "sharply", "loudly", "quietly", "emphatically", "not", "n't");

    /** Titles and role words that precede a name. Lower-case comparison; hyphens kept. */
    static final Set<String> TITLE_WORDS = set("president", "vice", "prime", "minister", "deputy", "secretary",
            "secretary-general", "general", "gen.", "gov.", "governor", "sen.", "senator", "rep.", "representative",
            "congressman", "congresswoman", "mayor", "chief", "chairman", "chairwoman", "chair", "director", "ambassador",
            "spokesman", "spokeswoman", "spokesperson", "commander", "defense", "defence", "foreign", "interior", "finance",
            "justice", "attorney", "speaker", "leader", "judge", "justice", "chancellor", "king", "queen", "prince",
            "princess", "pope", "bishop", "archbishop", "rev.", "reverend", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.",
            "ms", "miss", "sir", "dame", "lord", "lady", "professor", "prof.", "sheriff", "officer", "captain", "capt.",
            "lt.", "lieutenant", "col.", "colonel", "sgt.", "sergeant", "adm.", "admiral", "major", "maj.", "cmdr.",
            "commissioner", "administrator", "adviser", "advisor", "aide", "ceo", "cfo", "founder", "co-founder",
            "executive", "economist", "analyst", "strategist", "pollster", "candidate", "nominee", "councillor",
            "councilman", "councilwoman", "assemblyman", "assemblywoman", "lawmaker", "legislator", "delegate",
            "envoy", "official", "head", "presidential", "national", "security", "state", "homeland", "health",
            "education", "energy", "trade", "treasury", "labor", "labour", "economy", "economic", "agriculture",
            "transport", "transportation", "culture", "environment", "emergency", "communications", "press",
            "majority", "minority", "house", "senate", "first", "former", "acting", "interim", "incoming", "outgoing",
            "top", "senior", "assistant", "associate", "special", "counsel", "lawyer", "attorney-general",
            "general-secretary", "deputy-prime", "vice-president", "premier", "president-elect", "sec.",
            "staff", "campaign", "manager", "coach", "editor", "correspondent", "reporter", "columnist", "host",
            "anchor", "rabbi", "imam", "cardinal", "father", "sister", "brother", "dean", "provost", "warden",
            "superintendent", "inspector", "detective", "constable", "marshal", "treasurer", "comptroller", "auditor",
            "whip", "pastor", "mp", "mep", "u.s.", "us", "federal", "state", "county", "city", "republican",
            "democratic", "democrat", "gop", "party", "white");

    /** Honorifics dropped from canonical names. */
    static final Set<String> HONORIFICS = set("mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "dr.", "dr", "sir",
            "dame", "rev.", "prof.", "lord", "lady");

    /** Plural or collective heads that make an anonymous group source. */
    static final Set<String> GROUP_HEADS = set("officials", "analysts", "experts", "witnesses", "critics", "residents",
            "sources", "people", "authorities", "lawmakers", "legislators", "observers", "investigators", "diplomats",
            "activists", "economists", "scientists", "researchers", "doctors", "police", "officers", "prosecutors",
            "aides", "advisers", "advisors", "supporters", "opponents", "voters", "republicans", "democrats",
            "leaders", "members", "ministers", "senators", "representatives", "politicians", "reporters", "journalists",
            "commentators", "pundits", "strategists", "pollsters", "historians", "scholars", "students", "workers",
            "employees", "staffers", "insiders", "conservatives", "liberals", "progressives", "others", "some", "many",
            "both", "all", "several", "most", "few", "polls", "surveys", "studies", "reports", "documents", "records",
            "data", "figures", "statistics", "estimates", "military", "troops", "soldiers", "forces", "protesters",
            "demonstrators", "families", "relatives", "parents", "allies", "agencies", "groups", "organizers",
            "organisers", "candidates", "delegates", "citizens", "americans", "residents", "survivors", "victims");

    /** Head words that make a name or description an organisation. */
    static final Set<String> ORG_HEADS = set("institute", "university", "college", "ministry", "department", "house",
            "kremlin", "pentagon", "council", "committee", "commission", "party", "agency", "lab", "laboratory", "court",
            "office", "bank", "fund", "association", "union", "organization", "organisation", "foundation", "center",
            "centre", "company", "corporation", "corp.", "inc.", "inc", "ltd", "group", "administration", "government",
            "cabinet", "parliament", "congress", "senate", "assembly", "army", "navy", "police", "service", "services",
            "bureau", "board", "authority", "network", "times", "post", "news", "journal", "magazine", "press",
            "campaign", "team", "club", "league", "federation", "alliance", "coalition", "movement", "church", "school",
            "hospital", "embassy", "consulate", "mission", "command", "staff", "force", "forces", "guard", "watch",
            "trust", "project", "initiative", "program", "programme", "council", "tribunal", "prosecutor's", "regime",
            "state", "states", "nations", "statement", "spokesperson's", "industry", "firm", "website", "newspaper",
            "channel", "broadcaster", "agency's", "outlet", "poll", "survey", "study", "report", "data", "tv", "radio",
            "un", "eu", "fbi", "cia", "gop", "dnc", "rnc", "aclu", "irs", "epa", "nasa", "pentagon");

    /** Countries and blocs that speak as governments ("Russia said", "Ukraine alleges"). */
    static final Set<String> COUNTRIES = set("afghanistan", "albania", "algeria", "argentina", "armenia", "australia",
            "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil",
            "britain", "bulgaria", "cambodia", "cameroon", "canada", "chile", "china", "colombia", "congo", "croatia",
            "cuba", "cyprus", "czechia", "denmark", "ecuador", "egypt", "estonia", "ethiopia", "finland", "france",
            "georgia", "germany", "ghana", "greece", "hungary", "iceland", "india", "indonesia", "iran", "iraq",
            "ireland", "israel", "italy", "japan", "jordan", "kazakhstan", "kenya", "kosovo", "kuwait", "latvia",
            "lebanon", "libya", "lithuania", "luxembourg", "malaysia", "mali", "mexico", "moldova", "mongolia",
            "montenegro", "morocco", "myanmar", "nepal", "netherlands", "nigeria", "norway", "oman", "pakistan",
            "palestine", "panama", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda",
            "serbia", "singapore", "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland",
            "syria", "taiwan", "tajikistan", "tanzania", "thailand", "tunisia", "turkey", "turkmenistan", "uganda",
            "ukraine", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "moscow", "kyiv", "kiev",
            "beijing", "washington", "london", "paris", "berlin", "tehran", "ankara", "brussels", "tokyo", "seoul",
            "pyongyang", "jerusalem", "damascus", "baghdad", "kabul", "minsk", "warsaw", "rome", "madrid", "ottawa",
            "delhi", "islamabad", "riyadh", "cairo", "u.s.", "us", "usa", "america", "u.k.", "uk", "eu");

    // Set.copyOf tolerates duplicates in these long hand-kept lists, where Set.of would throw.
    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /** Words that can start an attribution: verbs of saying, "according (to)", nouns and phrases of saying. */
    static boolean isTrigger(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return SAY_VERBS.contains(w) || TELL_VERBS.contains(w) || TRIGGER_EXTRAS.contains(w);
    }

    private static final Set<String> TRIGGER_EXTRAS = set("according", "statement", "statements", "interview",
            "called", "calls", "call", "calling", "says", "told", "wrote", "tweet", "tweeted", "remarks", "speech",
            "believe", "claim", "claims", "argument", "view", "views", "per", "spokesman", "spokeswoman");

    static boolean isSayVerb(String word) {
        return SAY_VERBS.contains(word.toLowerCase(Locale.ROOT));
    }
}
