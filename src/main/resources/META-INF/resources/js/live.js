// A small graphql-transport-ws client (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md):
// connection_init -> connection_ack, then subscribe / next / error / complete, ping <-> pong.
// It reconnects with back-off; when the server has no such subscription it reports "unavailable" and stops.

export function liveUrl() {
  const url = new URL('graphql', document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/**
 * Subscribes; returns {close()}. onNext(data) for each result; onStatus(state, message) with state in
 * 'connecting' | 'live' | 'retrying' | 'unavailable' | 'closed'.
 */
export function subscribe(query, variables, { onNext, onStatus = () => {} }) {
  let socket = null;
  let closed = false;
  let attempts = 0;
  let retryTimer = null;
  let acked = false;
  const id = 'sub-' + Math.random().toString(36).slice(2);

  function connect() {
    if (closed) return;
    acked = false;
    onStatus(attempts ? 'retrying' : 'connecting');
    try {
      socket = new WebSocket(liveUrl(), 'graphql-transport-ws');
    } catch (e) {
      onStatus('unavailable', 'This browser could not open a WebSocket.');
      return;
    }
    const ackTimer = setTimeout(() => { if (!acked && socket) socket.close(4408, 'Connection initialisation timeout'); }, 10000);
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    });
    socket.addEventListener('message', event => {
      let msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      switch (msg.type) {
        case 'connection_ack':
          acked = true;
          clearTimeout(ackTimer);
          socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
          attempts = 0;
          onStatus('live');
          break;
        case 'ping':
          socket.send(JSON.stringify({ type: 'pong' }));
          break;
        case 'next':
          if (msg.id !== id) break;
          if (msg.payload && msg.payload.errors && msg.payload.errors.length && !msg.payload.data) {
            giveUp(msg.payload.errors);
          } else if (msg.payload && msg.payload.data) {
            onNext(msg.payload.data);
          }
          break;
        case 'error':
          if (msg.id === id) giveUp(msg.payload);
          break;
        case 'complete':
          if (msg.id === id && !closed) { closed = true; onStatus('closed'); socket.close(1000); }
          break;
        default:
          break;
      }
    });
    socket.addEventListener('close', event => {
      clearTimeout(ackTimer);
      if (closed) return;
      // 4400 bad request / 4403 forbidden / unknown subprotocol: no point in retrying forever
      attempts += 1;
      if (attempts > 6 || event.code === 4400 || event.code === 4403 || event.code === 1002) {
        closed = true;
        onStatus('unavailable', 'Live updates are not available from this server.');
        return;
      }
      onStatus('retrying');
      retryTimer = setTimeout(connect, Math.min(30000, 1000 * 2 ** attempts));
    });
  }

  function giveUp(errors) {
    closed = true;
    const list = Array.isArray(errors) ? errors : [errors];
    const message = list.map(e => (e && e.message) || String(e)).join(' · ');
    onStatus('unavailable', 'Live updates are not available: ' + message);
    try { socket.close(1000); } catch (e) { /* already closed */ }
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      if (socket && socket.readyState <= 1) {
        try {
          if (socket.readyState === 1 && acked) socket.send(JSON.stringify({ id, type: 'complete' }));
          socket.close(1000);
        } catch (e) { /* ignore */ }
      }
    },
  };
}
