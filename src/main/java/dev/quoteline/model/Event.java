package dev.quoteline.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A dated happening, possibly reported by several articles (links in event_article). */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String status;
    @Column(name = "when_start", nullable = false)
    public LocalDate whenStart;
    @Column(name = "when_end")
    public LocalDate whenEnd;
    @Column(name = "when_precision", nullable = false)
    public String whenPrecision;
    @Column(name = "when_expression")
    public String whenExpression;
    @Column(name = "precision_rank", nullable = false)
    public short precisionRank;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] places;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participant_names", nullable = false)
    public String[] participantNames;
    @Column(nullable = false)
    public String sentence;
}
