package dev.quoteline.extract;

import dev.quoteline.extract.time.TemporalValue;
import java.util.List;

/**
 * A dated happening the article reports.
 *
 * @param title              short subject-action-object title, e.g. "NATO foreign ministers meet"
 * @param kind               MEETING, VISIT, TALKS, ANNOUNCEMENT, ORDER, ATTACK, CAPTURE, DEADLINE, REPORT, STATEMENT_OCCASION, OTHER...
 * @param when               when it happened (never null: an event needs a resolvable time)
 * @param sentence           the sentence that reports it
 * @param participantSpeakerIndexes indexes into {@link ArticleAnalysis#speakers()} of speakers taking part
 * @param participantNames   names of people or organisations taking part (speakers included)
 * @param places             places named in the sentence
 */
public record ExtractedEvent(String title, String kind, TemporalValue when, EventStatus status, Span sentence,
                             List<Integer> participantSpeakerIndexes, List<String> participantNames, List<String> places) {
}
