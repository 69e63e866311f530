package dev.quoteline.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One real speaker across all articles. Rows are created by {@code ArticleStore} with an upsert on {@code nameKey}. */
@Entity
@Table(name = "speaker")
public class Speaker extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String name;
    @Column(name = "name_key", nullable = false)
    public String nameKey;
    @Column(nullable = false)
    public String kind;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
