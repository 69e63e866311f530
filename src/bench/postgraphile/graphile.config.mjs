// PostGraphile 5 preset for the bench: the amber preset, the connection-filter plugin (for the date range), the
// tables in `public` as Quoteline's migration made them, plus the views and functions of bench_pg (postgraphile.sql)
// that give PostGraphile the timeline Quoteline serves (statements and events merged, a speaker's timeline, search,
// co-speakers). Connection string from $PG_URL; port from $PG_PORT.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.PG_URL,
      schemas: ["public", "bench_pg"],
      poolConfig: { max: Number(process.env.PG_POOL_MAX || 20) },
    }),
  ],
  grafserv: { port: Number(process.env.PG_PORT || 18190), host: "127.0.0.1", graphiql: false },
  grafast: { explain: false },
  schema: { connectionFilterAllowedFieldTypes: undefined },
};
export default preset;
