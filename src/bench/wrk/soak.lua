-- wrk script for src/bench/soak.sh: cycles through a mix of read queries taken from the README's examples (speaker
-- page with timeline, timeline between two dates, search, statements, speakers, events, articles) and counts every
-- response that is not 2xx or whose body carries a GraphQL "errors" member. Prints one "SOAK {...}" JSON line.
local bodies = {
  [[{"query":"{ speaker(name: \"Stoltenberg\") { name kind aliases roles { label statedOn } statementCount firstStatedOn lastStatedOn timeline(first: 20) { totalCount edges { cursor node { __typename when { value precision expression } ... on Statement { kind text article { title publisher } } ... on Event { title eventKind: kind status } } } pageInfo { hasNextPage endCursor } } } }"}]],
  [[{"query":"{ timeline(first: 20, filter: { from: \"2023-03-01\", to: \"2023-03-31\" }) { totalCount edges { node { __typename when { start end precision value } ... on Statement { speaker { name } text } ... on Event { title status } } } } }"}]],
  [[{"query":"{ timeline(first: 20) { edges { cursor node { __typename when { value precision } ... on Statement { text speaker { name roles { label } } article { title url } } ... on Event { title participants { name } } } } pageInfo { hasNextPage endCursor } } }"}]],
  [[{"query":"{ statements(first: 20, filter: { search: \"offensive\" }) { totalCount edges { node { text snippet speaker { name } saidOn { value precision } } } } }"}]],
  [[{"query":"{ timeline(first: 20, filter: { search: \"president\" }, orderBy: TIME) { totalCount edges { node { __typename ... on Statement { text speaker { name } } ... on Event { title } } } } }"}]],
  [[{"query":"{ speakers(first: 50) { totalCount edges { node { name kind statementCount firstStatedOn lastStatedOn } } } }"}]],
  [[{"query":"{ speakers(search: \"ze\", first: 10) { edges { node { name aliases coSpeakers(first: 5) { sharedArticleCount speaker { name } } } } } }"}]],
  [[{"query":"{ events(first: 20) { totalCount edges { node { title kind status when { value precision } } } } }"}]],
  [[{"query":"{ articles(first: 20) { totalCount edges { node { title publisher publishedOn } } } }"}]],
}

local threads = {}
local counter = 0

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  gql_errors = 0
  non2xx = 0
  i = offset
  sample = nil
end

function request()
  i = i + 1
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json", ["Accept"] = "application/json" },
    bodies[(i % #bodies) + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if sample == nil then sample = status .. " " .. string.sub(body or "", 1, 300) end
  elseif body and string.find(body, '"errors"', 1, true) then
    gql_errors = gql_errors + 1
    if sample == nil then sample = string.sub(body, 1, 300) end
  end
end

function done(summary, latency, requests)
  local gql, bad, first = 0, 0, ""
  for _, t in ipairs(threads) do
    gql = gql + (t:get("gql_errors") or 0)
    bad = bad + (t:get("non2xx") or 0)
    if first == "" and t:get("sample") then first = t:get("sample") end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    'SOAK {"requests":%d,"duration_s":%.1f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"non2xx":%d,"socket_errors":%d,"gql_errors":%d}\n',
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad, e.connect + e.read + e.write + e.timeout, gql))
  if first ~= "" then io.write("SOAK first failure: " .. first .. "\n") end
end
