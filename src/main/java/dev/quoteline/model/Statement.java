package dev.quoteline.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One statement as stored. Foreign keys are plain ids: read paths use projections, never lazy associations. */
@Entity
@Table(name = "statement")
public class Statement extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "article_id", nullable = false)
    public Long articleId;
    @Column(name = "speaker_id")
    public Long speakerId;
    @Column(name = "occasion_event_id")
    public Long occasionEventId;
    @Column(nullable = false)
    public String text;
    @Column(nullable = false)
    public String kind;
    @Column(name = "start_offset", nullable = false)
    public int startOffset;
    @Column(name = "end_offset", nullable = false)
    public int endOffset;
    @Column(name = "mention_text")
    public String mentionText;
    @Column(name = "mention_start")
    public Integer mentionStart;
    @Column(name = "mention_end")
    public Integer mentionEnd;
    @Column(name = "cue_text")
    public String cueText;
    @Column(name = "cue_start")
    public Integer cueStart;
    @Column(name = "cue_end")
    public Integer cueEnd;
    @Column(name = "paragraph_index", nullable = false)
    public int paragraphIndex;
    @Column(nullable = false)
    public String sentence;
    @Column(name = "sentence_start", nullable = false)
    public int sentenceStart;
    @Column(name = "sentence_end", nullable = false)
    public int sentenceEnd;
    @Column(name = "said_start")
    public LocalDate saidStart;
    @Column(name = "said_end")
    public LocalDate saidEnd;
    @Column(name = "said_precision")
    public String saidPrecision;
    @Column(name = "said_expression")
    public String saidExpression;
    @Column(name = "precision_rank", nullable = false)
    public short precisionRank;
}
