package dev.quoteline.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 8: turns speaker mentions into the article's speakers. Titles become roles, surnames resolve to the full
 * name seen in the article, pronouns to the latest fitting speaker, descriptions ("the senator") to the named
 * person holding that role; countries and institutions are organisations, plural heads anonymous groups.
 */
final class SpeakerResolver {
    /** {@code [^\p{L}.]+}: what separates the words of a role or a name. */
    private static final Pattern NON_LETTERS_OR_DOTS = Pattern.compile("[^\\p{L}.]+");

    /** A speaker being built; converted to {@link ExtractedSpeaker} at the end. */
    static final class Builder {
        String name;
        SpeakerKind kind;
        final LinkedHashSet<String> aliases = new LinkedHashSet<>();
        final List<ExtractedRole> roles = new ArrayList<>();

        Builder(String name, SpeakerKind kind) {
            this.name = name;
            this.kind = kind;
        }

        void addRole(ExtractedRole r) {
            if (r == null || (r.title() == null && r.organization() == null)) return;
            for (ExtractedRole o : roles) if (norm(o.label()).equals(norm(r.label()))) return;
            roles.add(r);
        }

        ExtractedSpeaker build() {
            return new ExtractedSpeaker(name, kind, List.copyOf(aliases), List.copyOf(roles));
        }
    }

    /** A person named somewhere in the article (speaking or not), for surname and role lookups. */
    record Known(String name, ExtractedRole role, int at) {
    }

    /** The parts of a mention: role title, organisation, bare name (null for descriptions and pronouns). */
    record Parsed(String name, ExtractedRole role, boolean description, boolean pronoun) {
    }

    private static final Pattern CAP_RUN = Pattern.compile(
            "(?:[A-Z][\\p{L}’'.-]{0,30}\\s){1,6}[A-Z][\\p{L}’'-]{0,30}");
    private static final Set<String> RUN_STOP = Set.of("but", "and", "the", "in", "on", "at", "as", "if", "when",
            "while", "after", "before", "for", "a", "an", "this", "that", "last", "so", "yet", "or", "however", "meanwhile",
            "according", "with", "by", "from", "of", "to", "since", "then", "still", "also", "under", "over");

    private final List<Builder> speakers = new ArrayList<>();
    private final List<Known> known = new ArrayList<>();
    private int lastPerson = -1, lastOrgOrGroup = -1, lastAny = -1, lastPersonAt = -1;

    /** Collects names and titled names from the whole article before resolving, so later mentions can refer back. */
    void prescan(String body, List<Span> paragraphs) {
        for (Span p : paragraphs) {
            String t = p.text();
            if (t.length() > 20_000) t = t.substring(0, 20_000);
            Matcher m = CAP_RUN.matcher(t);
            while (m.find()) {
                String run = m.group().trim();
                String[] w = TextPatterns.SPACES.split(run);
                int i = 0;
                while (i < w.length && RUN_STOP.contains(w[i].toLowerCase(Locale.ROOT))) i++;
                if (i >= w.length) continue;
                String rest = String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length));
                Parsed parsed = parse(rest, null);
                if (parsed.name() == null || parsed.name().split(" ").length < 2) continue;
                if (kindOfName(parsed.name(), parsed.role()) != SpeakerKind.PERSON) continue;
                known.add(new Known(parsed.name(), parsed.role(), p.start() + m.start()));
            }
        }
    }

    /** Resolves one mention; returns the speaker index, or -1. */
    int resolve(String mention, String apposition, int at) {
        Parsed p = parse(mention, apposition);
        if (p.pronoun()) {
            String w = mention.toLowerCase(Locale.ROOT);
            if (w.equals("he") || w.equals("she")) {
                // a person named more recently than the last person speaker is the likelier antecedent
                Known recent = null;
                for (Known k : known) if (k.at() < at) recent = k;
                if (recent != null && (lastPerson < 0 || recent.at() > lastPersonAt)) {
                    int idx = person(recent.name(), recent.role());
                    speakers.get(idx).addRole(recent.role());
                    touch(idx, at);
                    return idx;
                }
            }
            int idx = switch (w) {
                case "he", "she" -> lastPerson;
                case "it" -> lastOrgOrGroup;
                case "they" -> lastOrgOrGroup >= 0 ? lastOrgOrGroup : lastAny;
                default -> lastAny;
            };
            touch(idx, at);
            return idx;
        }
        int idx;
        if (p.name() != null) {
            SpeakerKind kind = kindOfName(p.name(), p.role());
            idx = kind == SpeakerKind.PERSON ? person(p.name(), p.role()) : other(strip(p.name()), kind);
        } else {
            idx = description(mention, p.role());
        }
        if (idx >= 0) {
            Builder b = speakers.get(idx);
            b.aliases.add(mention);
            b.addRole(p.role());
            touch(idx, at);
        }
        return idx;
    }

    /** Marks a speaker as the latest one (a cue-less continuation keeps the thread for later pronouns). */
    void touch(int idx, int at) {
        if (idx < 0) return;
        lastAny = idx;
        SpeakerKind k = speakers.get(idx).kind;
        if (k == SpeakerKind.PERSON) {
            lastPerson = idx;
            lastPersonAt = Math.max(lastPersonAt, at);
        }
        else lastOrgOrGroup = idx;
    }

    List<ExtractedSpeaker> speakers() {
        List<ExtractedSpeaker> out = new ArrayList<>();
        for (Builder b : speakers) out.add(b.build());
        return out;
    }

    private int person(String name, ExtractedRole role) {
        String[] parts = name.split(" ");
        String last = parts[parts.length - 1];
        // an existing speaker with this full name or surname
        for (int i = 0; i < speakers.size(); i++) {
            Builder b = speakers.get(i);
            if (b.kind != SpeakerKind.PERSON) continue;
            String[] bp = b.name.split(" ");
            if (b.name.equals(name) || (parts.length == 1 && bp[bp.length - 1].equals(last))) return i;
            if (parts.length > 1 && bp.length == 1 && bp[0].equals(last)) {
                b.name = name; // the surname came first; the full name is better
                return i;
            }
        }
        String full = name;
        ExtractedRole knownRole = null;
        if (parts.length == 1) {
            for (Known k : known) {
                String[] kp = k.name().split(" ");
                if (kp[kp.length - 1].equals(last)) {
                    full = k.name();
                    knownRole = k.role();
                    break;
                }
            }
        }
        Builder b = new Builder(full, SpeakerKind.PERSON);
        if (knownRole != null) b.addRole(knownRole);
        speakers.add(b);
        return speakers.size() - 1;
    }

    private int other(String name, SpeakerKind kind) {
        for (int i = 0; i < speakers.size(); i++) {
            if (speakers.get(i).name.equalsIgnoreCase(name)) return i;
        }
        speakers.add(new Builder(name, kind));
        return speakers.size() - 1;
    }

    private int description(String mention, ExtractedRole role) {
        String bare = strip(mention);
        String[] words = TextPatterns.SPACES.split(bare);
        String head = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (Lexicon.GROUP_HEADS.contains(head)) return other(bare, SpeakerKind.GROUP);
        boolean capitalised = Character.isUpperCase(bare.charAt(0));
        if (Lexicon.ORG_HEADS.contains(head) && (capitalised || role == null || !Lexicon.TITLE_WORDS.contains(head))) {
            return other(bare, SpeakerKind.ORGANIZATION);
        }
        // a role description: find the named person who holds it
        List<String> want = normWords(bare);
        int best = -1;
        for (int i = speakers.size() - 1; i >= 0 && best < 0; i--) {
            Builder b = speakers.get(i);
            if (b.kind != SpeakerKind.PERSON) continue;
            for (ExtractedRole r : b.roles) if (normWords(r.label()).containsAll(want)) best = i;
        }
        if (best >= 0) return best;
        for (int k = known.size() - 1; k >= 0; k--) {
            Known kn = known.get(k);
            if (kn.role() != null && normWords(kn.role().label()).containsAll(want)) {
                int idx = person(kn.name(), kn.role());
                speakers.get(idx).addRole(kn.role());
                return idx;
            }
        }
        if (capitalised && role == null) return other(bare, SpeakerKind.ORGANIZATION);
        return other(bare, role != null ? SpeakerKind.PERSON : SpeakerKind.UNKNOWN);
    }

    static Parsed parse(String mention, String apposition) {
        String m = mention.trim();
        String lower = m.toLowerCase(Locale.ROOT);
        if (Lexicon.PRONOUNS.contains(lower)) return new Parsed(null, null, false, true);
        boolean det = lower.startsWith("the ") || lower.startsWith("a ") || lower.startsWith("an ");
        String rest = det ? m.substring(m.indexOf(' ') + 1) : m;
        String[] w = TextPatterns.SPACES.split(rest);
        int lastTitle = -1;
        for (int i = 0; i < w.length; i++) {
            if (isTitle(w[i])) {
                boolean restCaps = true;
                for (int j = i + 1; j < w.length; j++) if (isTitle(w[j])) restCaps = false;
                if (restCaps) {
                    lastTitle = i;
                    break;
                }
            }
        }
        if (lastTitle < 0 && w.length >= 2 && !Character.isUpperCase(w[0].charAt(0))) {
            int firstCap = 0;
            while (firstCap < w.length && !Character.isUpperCase(w[firstCap].charAt(0))) firstCap++;
            boolean tailCaps = firstCap < w.length;
            for (int i = firstCap; i < w.length; i++) if (!Character.isUpperCase(w[i].charAt(0))) tailCaps = false;
            if (tailCaps && firstCap < w.length) {
                String name = String.join(" ", java.util.Arrays.copyOfRange(w, firstCap, w.length));
                return new Parsed(name, new ExtractedRole(String.join(" ", java.util.Arrays.copyOfRange(w, 0, firstCap)), null), false, false);
            }
        }
        // title words after the last one must be names; a lower-case tail means a description
        int firstTitle = lastTitle;
        while (firstTitle > 0 && (isTitle(w[firstTitle - 1]) || w[firstTitle - 1].equals("of"))) firstTitle--;
        String name = null;
        if (lastTitle < w.length - 1) {
            List<String> nameWords = new ArrayList<>();
            for (int i = lastTitle + 1; i < w.length; i++) nameWords.add(w[i]);
            boolean allCaps = true;
            for (String x : nameWords) {
                if (!(Character.isUpperCase(x.charAt(0)) || Set.of("of", "for", "the", "at", "and", "de", "van", "von", "’s", "'s").contains(x.toLowerCase(Locale.ROOT)))) allCaps = false;
            }
            if (allCaps) name = String.join(" ", nameWords);
        }
        ExtractedRole role = null;
        if (lastTitle >= 0) {
            String title = String.join(" ", java.util.Arrays.copyOfRange(w, firstTitle, lastTitle + 1));
            String org = firstTitle > 0 ? String.join(" ", java.util.Arrays.copyOfRange(w, 0, firstTitle)) : null;
            if (org != null && org.endsWith("’s")) org = org.substring(0, org.length() - 2);
            if (!Lexicon.HONORIFICS.contains(title.toLowerCase(Locale.ROOT))) role = new ExtractedRole(title, org);
            else if (name != null) role = null;
        }
        if (role == null && apposition != null && !apposition.isBlank()) {
            String a = TextPatterns.LEADING_ARTICLE.matcher(apposition).replaceFirst("");
            role = new ExtractedRole(a, null);
        }
        if (name == null) {
            return new Parsed(null, role != null ? role : (det ? null : null), true, false);
        }
        // honorifics are dropped from names
        return new Parsed(name, role, false, false);
    }

    private static boolean isTitle(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return Lexicon.TITLE_WORDS.contains(w) || (w.contains("-") && allParts(w));
    }

    private static boolean allParts(String w) {
        for (String p : w.split("-")) if (!Lexicon.TITLE_WORDS.contains(p)) return false;
        return true;
    }

    static SpeakerKind kindOfName(String name, ExtractedRole role) {
        String[] w = TextPatterns.SPACES.split(name);
        String lowerAll = name.toLowerCase(Locale.ROOT);
        if (Lexicon.COUNTRIES.contains(lowerAll) || Lexicon.COUNTRIES.contains(lowerAll.replace("the ", ""))) {
            return SpeakerKind.ORGANIZATION;
        }
        for (String x : w) {
            String lx = TextPatterns.POSSESSIVE_END.matcher(x.toLowerCase(Locale.ROOT)).replaceAll("");
            if (Lexicon.ORG_HEADS.contains(lx) && role == null) return SpeakerKind.ORGANIZATION;
        }
        if (w.length == 1 && Lexicon.GROUP_HEADS.contains(lowerAll)) return SpeakerKind.GROUP;
        if (role == null && w.length == 1 && x(name)) return SpeakerKind.ORGANIZATION;
        return SpeakerKind.PERSON;
    }

    /** All-capital short words (acronyms) speak as organisations. */
    private static boolean x(String w) {
        return w.length() >= 2 && w.length() <= 6 && w.equals(w.toUpperCase(Locale.ROOT)) && w.chars().allMatch(Character::isLetter);
    }

    private static String strip(String s) {
        return TextPatterns.LEADING_ARTICLE.matcher(s.trim()).replaceFirst("");
    }

    private static String norm(String s) {
        return s == null ? "" : String.join(" ", normWords(s));
    }

    static List<String> normWords(String s) {
        List<String> out = new ArrayList<>();
        for (String w : NON_LETTERS_OR_DOTS.split(s.toLowerCase(Locale.ROOT).replace("’s", "").replace("'s", ""))) {
            if (w.isEmpty() || w.equals("the") || w.equals("a") || w.equals("an") || w.equals("of")) continue;
            out.add(switch (w) {
                case "sen." -> "senator";
                case "rep." -> "representative";
                case "gov." -> "governor";
                case "gen." -> "general";
                case "sec." -> "secretary";
                case "defence" -> "defense";
                default -> w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
            });
        }
        return out;
    }
}
