// Quoteline reader page: hash routes, the timeline with filters and infinite scroll, speaker pages, an article view
// with the statement highlighted, a speaker picker, and live statements over the graphql-transport-ws subscription.
// Every string from the API goes into the page as text (see dom.js); search snippets are split into text and <mark>.

import { gql, ApiError } from './api.js';
import { h, clear } from './dom.js';
import { formatWhen, shortDay, snippetParts, splitAt, roleOn, statementKindLabel, humanize, precisionRank, timeKey } from './format.js';
import { subscribe } from './live.js';

const PAGE_SIZE = 20;

const ENTRY_FIELDS = `
  fragment EntryFields on TimelineEntry {
    __typename
    id
    when { start end precision value expression }
    ... on Statement {
      kind text snippet
      speaker { id name kind roles { label statedOn } }
      article { id title publisher url publishedOn }
    }
    ... on Event {
      title eventKind: kind status snippet places
      participants { id name }
      articles { id title publisher url publishedOn }
    }
  }`;

const TIMELINE_QUERY = `
  query Timeline($filter: TimelineFilter, $first: Int, $after: String, $orderBy: EntryOrder) {
    timeline(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      edges { cursor node { ...EntryFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${ENTRY_FIELDS}`;

const SPEAKER_QUERY = `
  query Speaker($id: ID) {
    speaker(id: $id) {
      id name kind aliases
      roles { label statedOn }
      statementCount firstStatedOn lastStatedOn
      coSpeakers(first: 5) { speaker { id name } sharedArticleCount }
    }
  }`;

const SPEAKERS_QUERY = `
  query Speakers($search: String) {
    speakers(first: 100, search: $search) {
      totalCount
      edges { node { id name kind statementCount roles { label statedOn } } }
    }
  }`;

const ARTICLE_QUERY = `
  query Article($id: ID!) {
    article(id: $id) {
      id title publisher url publishedOn undated body
      statements { id kind start end speaker { id name } }
    }
  }`;

const LIVE_QUERY = `
  subscription Live($speakerId: ID, $search: String) {
    statementAdded(speakerId: $speakerId, search: $search) { ...EntryFields }
  }
  ${ENTRY_FIELDS}`;

// ---------------------------------------------------------------------------------------------------------------
// Routing: #/ (timeline), #/speaker/<id>, #/article/<id>?s=<statementId>; filters as ?q=&from=&to=&order=

function parseRoute() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const parts = path.split('/').filter(Boolean).map(p => { try { return decodeURIComponent(p); } catch (e) { return p; } });
  if (parts[0] === 'speaker' && parts[1]) return { name: 'speaker', id: parts[1], params };
  if (parts[0] === 'article' && parts[1]) return { name: 'article', id: parts[1], params };
  return { name: 'timeline', params };
}

export function speakerHref(id, params) { return withParams(`#/speaker/${encodeURIComponent(id)}`, params); }
export function articleHref(id, statementId) {
  return withParams(`#/article/${encodeURIComponent(id)}`, statementId ? new URLSearchParams({ s: statementId }) : null);
}
function withParams(base, params) {
  const s = params ? params.toString() : '';
  return s ? `${base}?${s}` : base;
}

// ---------------------------------------------------------------------------------------------------------------
// Page-wide elements

const els = {
  main: document.getElementById('main-content'),
  header: document.getElementById('view-header'),
  view: document.getElementById('view'),
  form: document.getElementById('filters'),
  search: document.getElementById('f-search'),
  from: document.getElementById('f-from'),
  to: document.getElementById('f-to'),
  order: document.getElementById('f-order'),
  orderField: document.getElementById('f-order-field'),
  clear: document.getElementById('f-clear'),
  speakerFilter: document.getElementById('speaker-filter'),
  speakerList: document.getElementById('speaker-list'),
  speakerStatus: document.getElementById('speaker-status'),
  speakerPanel: document.getElementById('speaker-panel'),
};

let current = null;      // the mounted view: {route, dispose()}
let firstRender = true;
let navigations = 0;   // hash changes since load, for the article view's back link

function render() {
  const route = parseRoute();
  if (current) current.dispose();
  clear(els.header);
  clear(els.view);
  markCurrentSpeaker(route.name === 'speaker' ? route.id : null);
  els.form.hidden = route.name === 'article';
  if (route.name !== 'article') fillForm(route.params);
  if (route.name === 'speaker') current = mountSpeaker(route);
  else if (route.name === 'article') current = mountArticle(route);
  else current = mountTimelinePage(route);
  // the address this view was drawn for: lets scripts and tests tell a new view from the one the address replaced
  els.view.dataset.route = location.hash;
  if (!firstRender) {
    const heading = els.header.querySelector('h1');
    (heading || els.main).focus({ preventScroll: false });
  }
  firstRender = false;
}

// ---------------------------------------------------------------------------------------------------------------
// Filters form

function fillForm(params) {
  els.search.value = params.get('q') || '';
  els.from.value = params.get('from') || '';
  els.to.value = params.get('to') || '';
  els.order.value = params.get('order') === 'relevance' ? 'relevance' : 'time';
  syncOrderField();
}

function syncOrderField() {
  els.orderField.hidden = els.search.value.trim() === '';
}

function formParams() {
  const p = new URLSearchParams();
  const q = els.search.value.trim();
  if (q) p.set('q', q);
  if (els.from.value) p.set('from', els.from.value);
  if (els.to.value) p.set('to', els.to.value);
  if (q && els.order.value === 'relevance') p.set('order', 'relevance');
  return p;
}

function currentBase() {
  const route = parseRoute();
  return route.name === 'speaker' ? `#/speaker/${encodeURIComponent(route.id)}` : '#/';
}

els.search.addEventListener('input', syncOrderField);
els.form.addEventListener('submit', event => {
  event.preventDefault();
  if (els.from.value && els.to.value && els.from.value > els.to.value) {
    els.to.setCustomValidity('“To” must be on or after “From”.');
    els.to.reportValidity();
    return;
  }
  els.to.setCustomValidity('');
  const target = withParams(currentBase(), formParams());
  if (target === location.hash) render(); else location.hash = target;
});
els.to.addEventListener('input', () => els.to.setCustomValidity(''));
els.clear.addEventListener('click', () => {
  els.form.reset();
  syncOrderField();
  const target = currentBase();
  if (target === location.hash || (target === '#/' && !location.hash)) render(); else location.hash = target;
});

function filterFromParams(params, speakerId) {
  const filter = {};
  if (speakerId) filter.speakerIds = [speakerId];
  if (params.get('q')) filter.search = params.get('q');
  if (params.get('from')) filter.from = params.get('from');
  if (params.get('to')) filter.to = params.get('to');
  return filter;
}

function describeFilters(params) {
  const bits = [];
  if (params.get('q')) bits.push(`matching “${params.get('q')}”`);
  if (params.get('from') && params.get('to')) bits.push(`from ${shortDay(params.get('from'))} to ${shortDay(params.get('to'))}`);
  else if (params.get('from')) bits.push(`from ${shortDay(params.get('from'))}`);
  else if (params.get('to')) bits.push(`up to ${shortDay(params.get('to'))}`);
  return bits.join(', ');
}

// ---------------------------------------------------------------------------------------------------------------
// Views

function mountTimelinePage(route) {
  const described = describeFilters(route.params);
  els.header.append(
    h('h1', { class: 'view-title', tabindex: '-1' }, 'Timeline'),
    h('p', { class: 'view-lede' }, described
      ? `Statements and events ${described}.`
      : 'Everything said and reported, oldest first. Pick a speaker, a date range or search.'));
  document.title = 'Timeline — Quoteline';
  const list = mountTimeline(els.view, {
    filter: filterFromParams(route.params),
    orderBy: route.params.get('order') === 'relevance' ? 'RELEVANCE' : 'TIME',
    live: { speakerId: null, search: route.params.get('q') || null },
    params: route.params,
  });
  return { dispose: list.dispose };
}

function mountSpeaker(route) {
  const controller = new AbortController();
  const title = h('h1', { class: 'view-title', tabindex: '-1' }, 'Speaker');
  const card = h('section', { class: 'speaker-card', 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading speaker…'));
  els.header.append(h('p', { class: 'breadcrumb' }, h('a', { href: withParams('#/', route.params) }, '← All speakers')), title, card);
  document.title = 'Speaker — Quoteline';

  gql(SPEAKER_QUERY, { id: route.id }, { signal: controller.signal }).then(data => {
    const s = data && data.speaker;
    card.removeAttribute('aria-busy');
    clear(card);
    if (!s) {
      title.textContent = 'Speaker not found';
      card.append(h('p', { class: 'empty' }, 'No speaker has this ID. It may come from another Quoteline database.'));
      noTimeline();
      return;
    }
    title.textContent = s.name;
    document.title = `${s.name} — Quoteline`;
    renderSpeakerCard(card, s, route.params);
  }).catch(error => {
    if (error.name === 'AbortError') return;
    card.removeAttribute('aria-busy');
    clear(card).append(errorBox('Could not load this speaker', error, () => render()));
    if (error instanceof ApiError) noTimeline(); // the server said no (bad or unknown ID): no timeline either
  });

  // without a speaker there is no timeline to show: drop it with its filters
  function noTimeline() {
    list.dispose();
    clear(els.view);
    els.form.hidden = true;
  }

  const list = mountTimeline(els.view, {
    filter: filterFromParams(route.params, route.id),
    orderBy: route.params.get('order') === 'relevance' ? 'RELEVANCE' : 'TIME',
    live: { speakerId: route.id, search: route.params.get('q') || null },
    params: route.params,
    speakerId: route.id,
  });
  return { dispose() { controller.abort(); list.dispose(); } };
}

function renderSpeakerCard(card, s, params) {
  const latestRole = roleOn(s.roles, null);
  const roles = uniqueBy(s.roles || [], r => r.label);
  const aliases = (s.aliases || []).filter(a => a !== s.name);
  const facts = h('dl', { class: 'facts' },
    h('div', null, h('dt', null, 'Kind'), h('dd', null, humanize(s.kind))),
    h('div', null, h('dt', null, 'Statements'), h('dd', { 'data-testid': 'speaker-count' }, String(s.statementCount))),
    s.firstStatedOn ? h('div', null, h('dt', null, 'Quoted'), h('dd', null,
      s.firstStatedOn === s.lastStatedOn ? shortDay(s.firstStatedOn)
        : `${shortDay(s.firstStatedOn)} – ${shortDay(s.lastStatedOn)}`)) : null);
  const more = [
    roles.length > 1 || (roles.length === 1 && roles[0].statedOn)
      ? h('div', { class: 'speaker-card__block' }, h('h2', null, 'Roles'),
        h('ul', { class: 'plain' }, roles.map(r => h('li', null, r.label,
          r.statedOn ? h('span', { class: 'muted' }, ` (as of ${shortDay(r.statedOn)})`) : null))))
      : null,
    aliases.length ? h('div', { class: 'speaker-card__block' }, h('h2', null, 'Also named'),
      h('p', null, aliases.join(' · '))) : null].filter(Boolean);
  card.append(...[
    latestRole ? h('p', { class: 'speaker-card__role' }, latestRole) : null,
    facts,
    more.length ? h('details', { class: 'speaker-more', open: !narrow.matches },
      h('summary', null, 'Roles and other names'), more) : null,
    s.coSpeakers && s.coSpeakers.length ? h('div', { class: 'speaker-card__block' }, h('h2', null, 'Quoted alongside'),
      h('ul', { class: 'chips' }, s.coSpeakers.map(c => h('li', null,
        h('a', { class: 'chip', href: speakerHref(c.speaker.id, params) }, c.speaker.name,
          h('span', { class: 'chip__count' }, ` ${c.sharedArticleCount}`,
            h('span', { class: 'visually-hidden' }, c.sharedArticleCount === 1 ? ' shared article' : ' shared articles'))))))) : null,
  ].filter(Boolean));
}

function uniqueBy(items, key) {
  const seen = new Set();
  return items.filter(i => { const k = key(i); if (seen.has(k)) return false; seen.add(k); return true; });
}

function mountArticle(route) {
  const controller = new AbortController();
  const statementId = route.params.get('s');
  const title = h('h1', { class: 'view-title', tabindex: '-1' }, 'Article');
  els.header.append(h('p', { class: 'breadcrumb' },
    h('a', { href: '#/', onclick: backOrHome }, '← Back to the timeline')), title);
  document.title = 'Article — Quoteline';
  const body = h('section', { class: 'article', 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading article…'));
  els.view.append(body);

  gql(ARTICLE_QUERY, { id: route.id }, { signal: controller.signal }).then(data => {
    const a = data && data.article;
    body.removeAttribute('aria-busy');
    clear(body);
    if (!a) {
      title.textContent = 'Article not found';
      return;
    }
    title.textContent = a.title || 'Untitled article';
    document.title = `${a.title || 'Article'} — Quoteline`;
    const chosen = (a.statements || []).find(st => st.id === statementId) || null;
    body.append(...[
      h('p', { class: 'article__meta' },
        [a.publisher, a.publishedOn ? shortDay(a.publishedOn) : 'Undated'].filter(Boolean).join(' · '),
        a.url ? [' · ', h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'Original article',
          h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'))] : null),
      chosen ? h('p', { class: 'article__note' }, 'The highlighted passage is the statement by ',
        chosen.speaker ? h('a', { href: speakerHref(chosen.speaker.id) }, chosen.speaker.name) : 'an unknown speaker',
        '. ', h('a', { href: '#', onclick: e => { e.preventDefault(); jumpToHighlight(body); } }, 'Jump to it')) : null,
      articleBody(a.body || '', chosen)].filter(Boolean));
    if (chosen) requestAnimationFrame(() => jumpToHighlight(body, true));
  }).catch(error => {
    if (error.name === 'AbortError') return;
    body.removeAttribute('aria-busy');
    clear(body).append(errorBox('Could not load this article', error, () => render()));
  });
  return { dispose() { controller.abort(); } };
}

function backOrHome(event) {
  // came here from another view of this page: go back to it (scroll position and filters kept by the browser)
  if (navigations > 0) { event.preventDefault(); history.back(); }
}

function jumpToHighlight(container, initial) {
  const mark = container.querySelector('mark.statement-highlight');
  if (!mark) return;
  const calm = initial || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ block: 'center', behavior: calm ? 'auto' : 'smooth' });
  if (!initial) mark.focus();
}

/** The body as paragraphs (one per line), the chosen statement's [start, end) wrapped in <mark>. */
function articleBody(body, chosen) {
  const wrap = h('div', { class: 'article__body' });
  let offset = 0;
  for (const line of body.split('\n')) {
    const lineStart = offset;
    const lineEnd = offset + line.length;
    offset = lineEnd + 1;
    if (line.trim() === '') continue;
    const p = h('p');
    if (chosen && chosen.start < lineEnd && chosen.end > lineStart) {
      const [before, inside, after] = splitAt(line, chosen.start - lineStart, chosen.end - lineStart);
      const first = !wrap.querySelector('mark.statement-highlight'); // a statement may run over several lines
      p.append(before, h('mark', { class: 'statement-highlight', tabindex: first ? '-1' : null }, inside), after);
    } else {
      p.append(line);
    }
    wrap.append(p);
  }
  return wrap;
}

// ---------------------------------------------------------------------------------------------------------------
// The timeline list: first page, infinite scroll, live additions

function mountTimeline(container, { filter, orderBy, live, params, speakerId }) {
  const controller = new AbortController();
  const state = { cursor: null, hasNext: false, loading: false, count: 0, total: null, disposed: false, complete: false };
  const summary = h('p', { class: 'timeline-summary', role: 'status', 'aria-live': 'polite' });
  const liveBar = h('p', { class: 'live-status', 'data-state': 'off', role: 'status', 'aria-live': 'polite' });
  const list = h('ol', { class: 'timeline', id: 'timeline', 'aria-label': 'Timeline entries', 'aria-busy': 'true' });
  const feedback = h('div', { class: 'timeline-feedback' });
  const moreButton = h('button', { type: 'button', class: 'button load-more', hidden: true, onclick: () => loadPage() }, 'Load more');
  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  container.append(h('div', { class: 'timeline-bar' }, summary, liveBar), list, feedback, moreButton, sentinel);

  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver(entries => {
      if (entries.some(e => e.isIntersecting)) loadPage();
    }, { rootMargin: '600px 0px' })
    : null;

  async function loadPage() {
    // complete, not count > 0: an empty first page leaves the sentinel in view, and must not be fetched again
    if (state.loading || state.disposed || state.complete) return;
    state.loading = true;
    list.setAttribute('aria-busy', 'true');
    moreButton.hidden = true;
    clear(feedback).append(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      state.count ? 'Loading more…' : 'Loading the timeline…'));
    try {
      const data = await gql(TIMELINE_QUERY, { filter, first: PAGE_SIZE, after: state.cursor, orderBy },
        { signal: controller.signal });
      if (state.disposed) return;
      const conn = data.timeline;
      state.total = conn.totalCount;
      for (const edge of conn.edges) {
        if (list.querySelector(`[data-id="${cssEscape(edge.node.id)}"]`)) continue; // already added live
        list.append(entryItem(edge.node, params));
        state.count += 1;
      }
      state.cursor = conn.pageInfo.endCursor;
      state.hasNext = conn.pageInfo.hasNextPage;
      state.complete = !state.hasNext;
      clear(feedback);
      updateSummary();
      if (state.count === 0) {
        feedback.append(emptyState(params, speakerId));
      } else if (!state.hasNext) {
        feedback.append(h('p', { class: 'end-of-list' }, 'End of the timeline.'));
      }
      moreButton.hidden = !state.hasNext;
    } catch (error) {
      if (error.name === 'AbortError' || state.disposed) return;
      clear(feedback).append(errorBox(state.count ? 'Could not load more entries' : 'Could not load the timeline',
        error, () => { clear(feedback); loadPage(); }));
    } finally {
      state.loading = false;
      list.setAttribute('aria-busy', 'false');
      // re-observe so a sentinel that is still in view after a short page triggers the next one
      if (observer && state.hasNext && !state.disposed) { observer.unobserve(sentinel); observer.observe(sentinel); }
    }
  }

  function updateSummary() {
    const n = state.total ?? state.count;
    summary.textContent = n === 0 ? 'No entries.'
      : `${n.toLocaleString('en-GB')} ${n === 1 ? 'entry' : 'entries'}` + (state.hasNext ? `, showing ${state.count}` : '');
  }

  // Live statements: inserted in date order when they fall within what is loaded, and announced.
  let subscription = null;
  if (live) {
    subscription = subscribe(LIVE_QUERY, live, {
      onStatus(status, message) {
        liveBar.dataset.state = status;
        liveBar.title = message || '';
        liveBar.textContent = {
          connecting: 'Connecting for live updates…',
          live: 'Live: new statements appear as articles arrive',
          retrying: 'Live updates paused, reconnecting…',
          unavailable: 'Live updates are off on this server; reload to see new articles.',
          closed: 'Live updates ended.',
        }[status] || '';
      },
      onNext(data) {
        const st = data && data.statementAdded;
        if (!st || state.disposed) return;
        if (!withinDates(st.when, filter)) return;
        if (list.querySelector(`[data-id="${cssEscape(st.id)}"]`)) return;
        const item = entryItem({ __typename: 'Statement', ...st }, params);
        item.classList.add('entry--new');
        item.append(h('span', { class: 'new-badge' }, 'New'));
        const placed = orderBy === 'RELEVANCE' ? (list.prepend(item), true) : insertInOrder(list, item, state.hasNext);
        if (placed) {
          state.count += 1;
          if (state.total != null) state.total += 1;
          updateSummary();
          const empty = feedback.querySelector('.empty');
          if (empty) empty.remove();
        }
        liveBar.dataset.state = 'live';
        clear(liveBar).append(h('span', null, `New statement${st.speaker ? ' by ' + st.speaker.name : ''}`,
          item.isConnected ? [' ', h('button', {
            type: 'button', class: 'button button--small',
            onclick: () => { item.setAttribute('tabindex', '-1'); item.scrollIntoView({ block: 'center' }); item.focus(); },
          }, 'Show')] : ' (further down the timeline)'));
        refreshSpeakersSoon();
      },
    });
  }

  loadPage().then(() => { if (observer && !state.disposed) observer.observe(sentinel); });

  return {
    dispose() {
      state.disposed = true;
      controller.abort();
      if (observer) observer.disconnect();
      if (subscription) subscription.close();
    },
  };
}

function withinDates(when, filter) {
  if (!when || !when.start) return !filter.from && !filter.to;
  const end = when.end || '9999-12-31';
  if (filter.from && end < filter.from) return false;
  if (filter.to && when.start > filter.to) return false;
  return true;
}

/**
 * Puts a live entry where it belongs by date (day, then narrower precision first, as the server sorts). When more
 * pages are still to come and it sorts after the last one loaded, it is left for the page that will bring it
 * (returns false). Otherwise true.
 */
function insertInOrder(list, item, morePagesFollow) {
  const key = item.dataset.key;
  for (const li of list.children) {
    if (li.dataset.key > key) { list.insertBefore(item, li); return true; }
  }
  if (morePagesFollow) return false;
  list.append(item);
  return true;
}

function cssEscape(s) {
  return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
}

function emptyState(params, speakerId) {
  const filtered = params.get('q') || params.get('from') || params.get('to');
  return h('div', { class: 'empty' },
    h('p', { class: 'empty__title' }, filtered ? 'Nothing matches these filters.' : 'Nothing on this timeline yet.'),
    h('p', null, filtered
      ? 'Try other words, fewer words, or a wider date range.'
      : speakerId ? 'This speaker has no dated statements.' : 'Ingest an article to see who said what.'),
    filtered ? h('p', null, h('a', { href: speakerId ? speakerHref(speakerId) : '#/' }, 'Clear the filters')) : null);
}

function errorBox(title, error, retry) {
  const message = error instanceof ApiError ? error.message : (error && error.message) || String(error);
  return h('div', { class: 'error', role: 'alert' },
    h('p', { class: 'error__title' }, title),
    h('p', { class: 'error__message' }, message),
    retry ? h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again') : null);
}

// ---------------------------------------------------------------------------------------------------------------
// One timeline entry

function timeEl(when) {
  if (!when || !when.start) return h('span', { class: 'when when--undated' }, 'Undated');
  const machine = ['WEEK', 'MONTH', 'YEAR'].includes(when.precision) ? when.value : when.start;
  return h('time', { class: 'when', datetime: machine, title: when.expression ? `“${when.expression}”` : null },
    formatWhen(when));
}

function textWithMarks(snippet) {
  return snippetParts(snippet).map(part => part.mark ? h('mark', null, part.text) : part.text);
}

function entryItem(node, params) {
  const when = node.when || {};
  const li = h('li', {
    class: `entry entry--${node.__typename === 'Event' ? 'event' : 'statement'}`,
    dataset: {
      id: node.id,
      type: node.__typename,
      start: when.start || '',
      end: when.end || '',
      precision: when.precision || '',
      rank: String(precisionRank(when.precision)),
      key: timeKey(node.when),
    },
  });
  li.append(h('div', { class: 'entry__when' }, timeEl(node.when)));
  li.append(node.__typename === 'Event' ? eventCard(node, params) : statementCard(node, params));
  return li;
}

function statementCard(st, params) {
  const speaker = st.speaker;
  const article = st.article;
  const role = speaker ? roleOn(speaker.roles, article && article.publishedOn) : null;
  const words = st.snippet ? textWithMarks(st.snippet) : [st.text];
  const quote = st.kind === 'INDIRECT'
    ? h('p', { class: 'statement statement--reported' }, words)
    : h('blockquote', { class: 'statement statement--quote' }, h('p', null, words));
  return h('article', { class: 'card' },
    h('header', { class: 'card__who' },
      speaker ? h('a', { class: 'speaker-name', href: speakerHref(speaker.id, keepFilters(params)) }, speaker.name)
        : h('span', { class: 'speaker-name speaker-name--unknown' }, 'Unknown speaker'),
      role ? h('span', { class: 'speaker-role' }, role) : null),
    quote,
    h('footer', { class: 'card__source' },
      h('span', { class: `badge badge--${String(st.kind || '').toLowerCase()}` }, statementKindLabel(st.kind)),
      article ? articleLinks(article, st.id) : null));
}

function eventCard(ev, params) {
  const participants = ev.participants || [];
  return h('article', { class: 'card card--event' },
    h('p', { class: 'event-kind' }, h('span', { class: 'event-icon', 'aria-hidden': 'true' }, '◆'),
      ` ${humanize(ev.eventKind)}`, ev.status ? h('span', { class: `status status--${ev.status.toLowerCase()}` }, humanize(ev.status)) : null),
    eventTitleAndSnippet(ev),
    participants.length || (ev.places && ev.places.length) ? h('p', { class: 'event-who' },
      participants.length ? ['With ', participants.map((p, i) => [i ? ', ' : '',
        h('a', { href: speakerHref(p.id, keepFilters(params)) }, p.name)])] : null,
      ev.places && ev.places.length ? [participants.length ? ' · ' : '', 'In ', ev.places.join(', ')] : null) : null,
    ev.articles && ev.articles.length ? h('footer', { class: 'card__source' },
      h('span', { class: 'badge badge--event' }, 'Event'),
      ev.articles.slice(0, 3).map((a, i) => [i ? h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ') : '', articleLinks(a, null)])) : null);
}

/**
 * An event's search snippet is ts_headline over "title — sentence": the title part (highlighted when it matched)
 * becomes the heading, the sentence part the line under it.
 */
function eventTitleAndSnippet(ev) {
  if (!ev.snippet) return h('h3', { class: 'event-title' }, ev.title);
  const cut = ev.snippet.indexOf(' — ');
  const head = cut >= 0 ? ev.snippet.slice(0, cut) : '';
  const rest = cut >= 0 ? ev.snippet.slice(cut + 3) : ev.snippet;
  const headHasMark = snippetParts(head).some(p => p.mark);
  return [
    h('h3', { class: 'event-title' }, headHasMark ? textWithMarks(head) : ev.title),
    rest.trim() ? h('p', { class: 'event-snippet' }, textWithMarks(rest)) : null,
  ];
}

function articleLinks(article, statementId) {
  const label = article.title || 'Untitled article';
  const local = articleHref(article.id, statementId);
  const parts = [];
  if (article.url) {
    parts.push(h('a', { class: 'article-link', href: article.url, rel: 'noopener noreferrer', target: '_blank' }, label,
      h('span', { class: 'visually-hidden' }, ' (opens in a new tab)')));
  } else {
    parts.push(h('a', { class: 'article-link', href: local }, label));
  }
  if (article.publisher) parts.push(h('span', { class: 'publisher' }, article.publisher));
  if (article.url && statementId) parts.push(h('a', { class: 'context-link', href: local }, 'in context'));
  return h('span', { class: 'source' }, parts);
}

function keepFilters(params) {
  const p = new URLSearchParams();
  for (const key of ['from', 'to']) if (params && params.get(key)) p.set(key, params.get(key));
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// Speaker picker: most-quoted first, filter as you type, arrow keys between entries

let allSpeakers = [];
let speakersRefresh = null;

/** New statements change the counts (and may bring new speakers): reload the picker once things settle. */
function refreshSpeakersSoon() {
  clearTimeout(speakersRefresh);
  speakersRefresh = setTimeout(() => { if (!els.speakerFilter.value.trim()) loadSpeakers(); }, 1500);
}
let speakersTotal = 0;
let speakerSearchTimer = null;
let speakerSearchSeq = 0;

async function loadSpeakers() {
  els.speakerStatus.textContent = 'Loading speakers…';
  try {
    const data = await gql(SPEAKERS_QUERY, { search: null });
    allSpeakers = data.speakers.edges.map(e => e.node);
    speakersTotal = data.speakers.totalCount;
    renderSpeakerList(filterSpeakers(allSpeakers, els.speakerFilter.value));
  } catch (error) {
    clear(els.speakerStatus).append(h('span', { class: 'error-inline' }, `Could not load speakers: ${error.message} `),
      h('button', { type: 'button', class: 'button button--small', onclick: loadSpeakers }, 'Try again'));
  }
}

function byCount(a, b) {
  return (b.statementCount - a.statementCount) || a.name.localeCompare(b.name);
}

function filterSpeakers(speakers, text) {
  const needle = fold(text.trim());
  const found = needle ? speakers.filter(s => fold(s.name).includes(needle)) : speakers;
  return [...found].sort(byCount);
}

function fold(s) {
  return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function renderSpeakerList(speakers) {
  clear(els.speakerList);
  const route = parseRoute();
  const activeId = route.name === 'speaker' ? route.id : null;
  for (const s of speakers) {
    const role = roleOn(s.roles, null);
    els.speakerList.append(h('li', null,
      h('a', {
        class: 'speaker-option',
        href: speakerHref(s.id, keepFilters(route.params)),
        'aria-current': s.id === activeId ? 'page' : null,
        dataset: { speakerId: s.id, count: String(s.statementCount) },
      },
      h('span', { class: 'speaker-option__name' }, s.name,
        role ? h('span', { class: 'speaker-option__role' }, role) : null),
      h('span', { class: 'count' }, String(s.statementCount),
        h('span', { class: 'visually-hidden' }, s.statementCount === 1 ? ' statement' : ' statements')))));
  }
  const shown = speakers.length;
  els.speakerStatus.textContent = shown === 0 ? 'No speaker matches.'
    : els.speakerFilter.value.trim() ? `${shown} ${shown === 1 ? 'speaker matches' : 'speakers match'}.`
      : speakersTotal > shown ? `Top ${shown} of ${speakersTotal} speakers by statements.` : `${shown} speakers.`;
}

function markCurrentSpeaker(id) {
  for (const a of els.speakerList.querySelectorAll('a.speaker-option')) {
    if (a.dataset.speakerId === id) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

els.speakerFilter.addEventListener('input', () => {
  const text = els.speakerFilter.value;
  clearTimeout(speakerSearchTimer);
  if (speakersTotal > allSpeakers.length && text.trim().length >= 2) {
    // more speakers than the first 100: ask the server
    const seq = ++speakerSearchSeq;
    speakerSearchTimer = setTimeout(async () => {
      try {
        const data = await gql(SPEAKERS_QUERY, { search: text.trim() });
        if (seq === speakerSearchSeq) renderSpeakerList(data.speakers.edges.map(e => e.node).sort(byCount));
      } catch (error) {
        if (seq === speakerSearchSeq) els.speakerStatus.textContent = `Could not search speakers: ${error.message}`;
      }
    }, 200);
  } else {
    speakerSearchSeq++;
    renderSpeakerList(filterSpeakers(allSpeakers, text));
  }
});

els.speakerFilter.addEventListener('keydown', event => {
  const options = [...els.speakerList.querySelectorAll('a.speaker-option')];
  if (event.key === 'ArrowDown' && options.length) { event.preventDefault(); options[0].focus(); }
  else if (event.key === 'Enter' && options.length) { event.preventDefault(); options[0].click(); }
  else if (event.key === 'Escape') { els.speakerFilter.value = ''; renderSpeakerList(filterSpeakers(allSpeakers, '')); }
});

els.speakerList.addEventListener('keydown', event => {
  const options = [...els.speakerList.querySelectorAll('a.speaker-option')];
  const i = options.indexOf(document.activeElement);
  if (i < 0) return;
  let next = null;
  if (event.key === 'ArrowDown') next = options[Math.min(options.length - 1, i + 1)];
  else if (event.key === 'ArrowUp') next = i === 0 ? els.speakerFilter : options[i - 1];
  else if (event.key === 'Home') next = options[0];
  else if (event.key === 'End') next = options[options.length - 1];
  else if (event.key === 'Escape') next = els.speakerFilter;
  if (next) { event.preventDefault(); next.focus(); }
});

// On a phone the picker starts folded so the timeline comes first.
const narrow = window.matchMedia('(max-width: 820px)');
if (narrow.matches) els.speakerPanel.open = false;
els.speakerList.addEventListener('click', event => {
  if (narrow.matches && event.target.closest('a.speaker-option')) els.speakerPanel.open = false;
});

// The skip link moves focus without touching the route in the hash.
document.querySelector('.skip-link').addEventListener('click', event => {
  event.preventDefault();
  els.main.focus();
});

window.addEventListener('hashchange', () => {
  if (location.hash === '' || location.hash.startsWith('#/')) { navigations += 1; render(); }
});
render();
loadSpeakers();
