package dev.quoteline.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A news article exactly as submitted, with the metadata read from it or given with it. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String title;
    public String publisher;
    public String section;
    public String url;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "published_offset")
    public String publishedOffset;
    @Column(name = "published_zone")
    public String publishedZone;
    @Column(name = "published_precision")
    public String publishedPrecision;
    @Column(nullable = false)
    public String body;
    @Column(name = "content_hash", nullable = false)
    public String contentHash;
    @Column(name = "ingested_at", nullable = false)
    public OffsetDateTime ingestedAt;
}
