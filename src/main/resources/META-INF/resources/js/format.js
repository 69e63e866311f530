// Pure formatting helpers: dates with their precision, snippets with <mark> highlights. No DOM state.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** Parses an ISO day (2023-03-08) into a UTC Date, or null. */
export function parseDay(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
}

/** "5 Apr 2022" */
export function shortDay(iso) {
  const d = parseDay(iso);
  return d ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : (iso || '');
}

/** "Tue 5 Apr 2022" */
export function longDay(iso) {
  const d = parseDay(iso);
  return d ? `${DAYS[d.getUTCDay()]} ${shortDay(iso)}` : (iso || '');
}

/** A When ({start, end, precision, value}) as a reader reads it, honest about its precision. */
export function formatWhen(when) {
  if (!when || !when.start) return 'Undated';
  const { start, end, precision } = when;
  const d = parseDay(start);
  switch (precision) {
    case 'DAY':
      if (end && end !== start) {
        const e = parseDay(end);
        if (e && d && e.getUTCFullYear() === d.getUTCFullYear() && e.getUTCMonth() === d.getUTCMonth()) {
          return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} – ${longDay(end)}`;
        }
        return `${longDay(start)} – ${longDay(end)}`;
      }
      return longDay(start);
    case 'WEEKEND': return `weekend of ${shortDay(start)}`;
    case 'WEEK': return `week of ${shortDay(start)}`;
    case 'MONTH': return d ? `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}` : start;
    case 'QUARTER': return d ? `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}` : start;
    case 'YEAR': return d ? String(d.getUTCFullYear()) : start;
    case 'DAYS': return `in the coming days (from ${shortDay(start)})`;
    case 'WEEKS': return `in the coming weeks (from ${shortDay(start)})`;
    case 'MONTHS': return `in the coming months (from ${shortDay(start)})`;
    default: return when.value || start;
  }
}

/**
 * Splits a ts_headline snippet into plain-text and highlighted parts. Everything is text except the exact
 * <mark> and </mark> tags, so the caller can build text nodes and <mark> elements (no innerHTML at all).
 * Unbalanced tags are handled: a stray </mark> is ignored, an unclosed <mark> runs to the end.
 */
export function snippetParts(snippet) {
  const parts = [];
  let marked = false;
  for (const piece of String(snippet ?? '').split(/(<\/?mark>)/)) {
    if (piece === '<mark>') { marked = true; continue; }
    if (piece === '</mark>') { marked = false; continue; }
    if (piece) parts.push({ text: piece, mark: marked });
  }
  return parts;
}

/** Statement text around [start, end) of a body: [before, inside, after]; offsets are UTF-16 = JS indices. */
export function splitAt(body, start, end) {
  const s = Math.max(0, Math.min(body.length, start));
  const e = Math.max(s, Math.min(body.length, end));
  return [body.slice(0, s), body.slice(s, e), body.slice(e)];
}

/** The role of a speaker closest to (on or before, else nearest) a day. */
export function roleOn(roles, day) {
  if (!roles || roles.length === 0) return null;
  const dated = roles.filter(r => r.statedOn).sort((a, b) => a.statedOn.localeCompare(b.statedOn));
  if (day && dated.length) {
    let best = null;
    for (const r of dated) if (r.statedOn <= day) best = r;
    return (best || dated[0]).label;
  }
  return (dated.length ? dated[dated.length - 1] : roles[0]).label;
}

const KIND_LABELS = { DIRECT: 'Quote', INDIRECT: 'Reported', MIXED: 'Partly quoted' };
export function statementKindLabel(kind) { return KIND_LABELS[kind] || kind || ''; }

/** PRESS_CONFERENCE -> "Press conference" */
export function humanize(constant) {
  if (!constant) return '';
  const s = String(constant).toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The server's tie-break for entries starting the same day: narrower precision first (PrecisionRank). */
const RANKS = { DAY: 0, WEEKEND: 1, WEEK: 2, DAYS: 3, MONTH: 4, WEEKS: 5, QUARTER: 6, MONTHS: 7, YEAR: 8 };
export function precisionRank(precision) { return precision in RANKS ? RANKS[precision] : 9; }

/** A sort key for an entry's place in time order: "2023-03-08|3". Undated entries sort last. */
export function timeKey(when) {
  return `${(when && when.start) || '9999-12-31'}|${precisionRank(when && when.precision)}`;
}
