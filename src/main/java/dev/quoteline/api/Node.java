package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An object with a global ID, fetchable again with `node(id:)`.")
public interface Node {
    @Id
    @NonNull
    @Description("Opaque global ID of this object.")
    String getId();
}
