package dev.quoteline.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A surface form a speaker was mentioned by ("Merkel", "the German chancellor"). */
@Entity
@Table(name = "speaker_alias")
public class SpeakerAlias extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "speaker_id", nullable = false)
    public Long speakerId;
    @Column(nullable = false)
    public String alias;
    @Column(name = "alias_key", nullable = false)
    public String aliasKey;
}
