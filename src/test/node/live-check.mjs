// Live updates across instances, with a real client: subscribes to `statementAdded` on one Quoteline instance with
// the graphql-ws package (graphql-transport-ws protocol), ingests an article on another instance, and expects the
// new statement to arrive. Usage: node live-check.mjs <subscribe-url> <ingest-url>   (http://host:port/graphql each)
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [subscribeUrl, ingestUrl] = process.argv.slice(2);
if (!subscribeUrl || !ingestUrl) {
  console.error('usage: node live-check.mjs <subscribe-url> <ingest-url>');
  process.exit(2);
}
const marker = `Quarrymen${Date.now()}`;
const client = createClient({ url: subscribeUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });

const received = new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no statement arrived within 30 s')), 30_000);
  client.subscribe(
    { query: `subscription($q: String) { statementAdded(search: $q) { id text kind speaker { name } article { title } } }`,
      variables: { q: marker } },
    {
      next: (message) => {
        if (message.errors) { clearTimeout(timer); reject(new Error(JSON.stringify(message.errors))); return; }
        clearTimeout(timer);
        resolve(message.data.statementAdded);
      },
      error: (e) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(JSON.stringify(e))); },
      complete: () => {},
    },
  );
});

// give the subscription a moment to be registered on the server before the article is stored
await new Promise((r) => setTimeout(r, 1500));
const body = `Harbour plan approved\nThe harbour will reopen in spring for the ${marker} crews, port director Alma Reyes said.\n`;
const response = await fetch(ingestUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.QUOTELINE_TOKEN}` },
  body: JSON.stringify({
    query: 'mutation($input: ArticleInput!) { ingestArticle(input: $input) { created statementCount } }',
    variables: { input: { body, publishedAt: '2030-04-02' } },
  }),
});
const ingested = await response.json();
if (ingested.errors || !ingested.data.ingestArticle.created) {
  console.error('ingest failed:', JSON.stringify(ingested));
  process.exit(1);
}
try {
  const statement = await received;
  console.log(`live update received on ${subscribeUrl}: ${statement.speaker?.name}: ${statement.text}`);
  await client.dispose();
  process.exit(0);
} catch (e) {
  console.error('live update FAILED:', e.message);
  process.exit(1);
}
