package dev.quoteline.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A role as one article states it, dated by that article. */
@Entity
@Table(name = "speaker_role")
public class SpeakerRole extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "speaker_id", nullable = false)
    public Long speakerId;
    @Column(name = "article_id", nullable = false)
    public Long articleId;
    public String title;
    public String organization;
    @Column(nullable = false)
    public String label;
    @Column(name = "stated_on")
    public LocalDate statedOn;
}
