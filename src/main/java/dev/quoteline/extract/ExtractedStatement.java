package dev.quoteline.extract;

import dev.quoteline.extract.time.TemporalValue;

/**
 * One statement found in an article.
 *
 * @param content         the statement's words (quotation marks included for direct quotes)
 * @param speakerIndex    index into {@link ArticleAnalysis#speakers()}, or -1 when no speaker was found
 * @param speakerMention  the words that name the speaker for this statement (null when none: a cue-less quote paragraph)
 * @param cue             the verb or phrase of saying (null when none)
 * @param paragraphIndex  0-based index of the paragraph (line) holding the statement's start
 * @param sentence        the sentence around the statement (for multi-sentence quotes: the first one)
 * @param saidOn          when it was said (null only when the article is undated)
 * @param occasionEventIndex index into {@link ArticleAnalysis#events()} of the event it was said at, or -1
 */
public record ExtractedStatement(Span content, StatementKind kind, int speakerIndex, Span speakerMention, Span cue,
                                 int paragraphIndex, Span sentence, TemporalValue saidOn, int occasionEventIndex) {
    public String text() {
        return content.text();
    }
}
